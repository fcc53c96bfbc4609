package dev.parley.rtc;

/**
 * Receives the video frames of a {@link MediaStreamTrack} (an RTP sender, a preview, a recorder).
 * Called on the thread that pushed the frame into the track's source; see
 * {@link MediaStreamTrack#addVideoSink(VideoSink)}.
 */
@FunctionalInterface
public interface VideoSink {
    void onFrame(VideoFrame frame);
}
