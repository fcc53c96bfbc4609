package dev.parley.media;

/**
 * The W3C {@code DisplayCaptureSurfaceType} (Screen Capture): what a display-capture track shows.
 * Parley captures a whole screen or one window; the web's third kind, a browser tab, has no
 * meaning here. {@link #w3cName()} is the web API's spelling, as {@code getSettings()} reports it.
 */
public enum DisplaySurface {
    MONITOR("monitor"),
    WINDOW("window");

    private final String w3cName;

    DisplaySurface(String w3cName) {
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
