package dev.parley.rtc;

/**
 * Receives the audio frames of a {@link MediaStreamTrack} (an RTP sender, a speaker, a recorder).
 * Called on the thread that pushed the frame into the track's source; see
 * {@link MediaStreamTrack#addAudioSink(AudioSink)}.
 */
@FunctionalInterface
public interface AudioSink {
    void onFrame(AudioFrame frame);
}
