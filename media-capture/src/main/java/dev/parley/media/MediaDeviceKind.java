package dev.parley.media;

/**
 * The W3C {@code MediaDeviceKind} (Media Capture and Streams): what a device does.
 * {@link #w3cName()} is the web API's spelling.
 */
public enum MediaDeviceKind {
    VIDEO_INPUT("videoinput"),
    AUDIO_INPUT("audioinput"),
    AUDIO_OUTPUT("audiooutput");

    private final String w3cName;

    MediaDeviceKind(String w3cName) {
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
