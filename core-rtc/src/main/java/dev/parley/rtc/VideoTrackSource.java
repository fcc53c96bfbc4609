package dev.parley.rtc;

/**
 * The push side of video tracks: whoever produces video (a camera, a test pattern, an RTP
 * receiver's decoder) owns one, makes tracks from it and pushes frames into it. Every frame goes
 * to every live track's sinks, on the pushing thread (see {@link MediaStreamTrack}).
 *
 * <p>Push from one thread at a time: sinks then see frames one after another, in order. Pushing
 * from several threads at once is safe but lets sinks be called concurrently.
 */
public final class VideoTrackSource implements AutoCloseable {
    private final SourceTracks tracks = new SourceTracks(MediaStreamTrack.VIDEO);

    /** A new live, enabled video track of this source (ended at once if the source is closed). */
    public MediaStreamTrack createTrack(String label) {
        return tracks.createTrack(label, true);
    }

    /** Delivers {@code frame} to the sinks of every live track; does nothing once closed. */
    public void push(VideoFrame frame) {
        if (frame == null) {
            throw new IllegalArgumentException("frame must not be null");
        }
        tracks.forEachLive(track -> track.deliver(frame));
    }

    /**
     * Marks the source unable (or able again) to provide media, as a receiver does when packets
     * stop and resume; live tracks fire {@code mute}/{@code unmute} on a change.
     */
    public void setMuted(boolean muted) {
        tracks.setMuted(muted);
    }

    public boolean muted() {
        return tracks.muted();
    }

    /** How many of this source's tracks are live. */
    public int liveTrackCount() {
        return tracks.liveTrackCount();
    }

    /** Ends all tracks of this source for good; each fires {@code ended}. Idempotent. */
    @Override
    public void close() {
        tracks.close();
    }
}
