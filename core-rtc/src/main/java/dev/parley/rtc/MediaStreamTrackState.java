package dev.parley.rtc;

/**
 * The W3C {@code MediaStreamTrackState} (Media Capture and Streams, "MediaStreamTrack"): a track is
 * {@code live} until it is stopped or its source ends, then {@code ended} for good.
 * {@link #w3cName()} is the web API's spelling.
 *
 * <pre>
 *  live ──stop() / source ended──▶ ended
 * </pre>
 */
public enum MediaStreamTrackState {
    LIVE("live"),
    ENDED("ended");

    private final String w3cName;

    MediaStreamTrackState(String w3cName) {
        this.w3cName = w3cName;
    }

    public String w3cName() {
        return w3cName;
    }

    @Override
    public String toString() {
        return w3cName;
    }
}
