package dev.parley.media;

import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A screen or a window as FFmpeg's screen grabber of this platform opens it: x11grab on Linux,
 * gdigrab on Windows, avfoundation on macOS. Only x11grab has run (under Xvfb, in the tests);
 * the gdigrab and avfoundation mappings follow FFmpeg's documentation and are untested — no
 * Windows or macOS machine here.
 *
 * @param device how the source is named in settings and logs (never listed by enumerateDevices)
 * @param inputFormat FFmpeg's input format
 * @param url what {@code avformat_open_input} takes
 * @param options FFmpeg options; the grab rate is set high (see {@link #GRAB_RATE}) so a grab
 *     happens when the capture thread asks, at the rate it keeps
 * @param openFailure turns a failure to open into the web's error where the grabber's own error
 *     code says more than FFmpeg's generic mapping (x11grab: no display is NotFoundError)
 */
record ScreenSource(MediaDeviceInfo device, DisplaySurface surface, String inputFormat, String url,
        Map<String, String> options, UnaryOperator<MediaDeviceException> openFailure) {

    /**
     * The grabbers' own frame rate. x11grab and gdigrab sleep until their next frame is due; at
     * twice our highest rate their schedule always lies behind our reads, so each read grabs at
     * once and the capture thread's clock alone sets the pace (and a rate change needs no reopen).
     */
    static final String GRAB_RATE = "120";

    /**
     * The source {@code options} ask for on this platform.
     *
     * @throws MediaDeviceException {@code NotFoundError} when there is nothing to capture (no
     *     display, or window capture where the grabber has none), {@code TypeError} for a window
     *     without an id
     */
    static ScreenSource forThisPlatform(DisplayMediaStreamOptions options) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("windows")) {
            return gdigrab(options);
        }
        if (os.contains("mac")) {
            return avfoundation(options);
        }
        return x11(options, System.getenv("DISPLAY"));
    }

    /** Linux (and any X11 system): the display's root window, or one window through x11grab's {@code window_id}. */
    static ScreenSource x11(DisplayMediaStreamOptions options, String environmentDisplay) {
        String display = options.display() != null ? options.display() : environmentDisplay;
        if (display == null || display.isBlank()) {
            throw new MediaDeviceException(MediaDeviceException.NOT_FOUND,
                    "no X display to capture: DISPLAY is not set and none was given");
        }
        if (options.displaySurface() == DisplaySurface.MONITOR) {
            MediaDeviceInfo device = info("Screen " + display, "x11", display);
            return new ScreenSource(device, DisplaySurface.MONITOR, "x11grab", display, Map.of("framerate", GRAB_RATE),
                    failure -> noDisplay(failure, display));
        }
        long window = x11WindowId(options.window());
        String id = "0x" + Long.toHexString(window);
        MediaDeviceInfo device = info("Window " + id + " on " + display, "x11", display, id);
        return new ScreenSource(device, DisplaySurface.WINDOW, "x11grab", display,
                Map.of("framerate", GRAB_RATE, "window_id", Long.toString(window)), failure -> {
                    // x11grab: a window whose geometry can not be read is "an external library's error"
                    if (FfmpegError.of(failure).orElse(0) == org.bytedeco.ffmpeg.global.avutil.AVERROR_EXTERNAL()) {
                        return new MediaDeviceException(MediaDeviceException.NOT_FOUND, "no window " + id + " on "
                                + display, failure);
                    }
                    return noDisplay(failure, display);
                });
    }

    /** Windows, untested: the desktop, or a window by its title. */
    static ScreenSource gdigrab(DisplayMediaStreamOptions options) {
        if (options.displaySurface() == DisplaySurface.MONITOR) {
            return new ScreenSource(info("Desktop", "gdigrab", "desktop"), DisplaySurface.MONITOR, "gdigrab", "desktop",
                    Map.of("framerate", GRAB_RATE), UnaryOperator.identity());
        }
        String title = required(options.window());
        return new ScreenSource(info("Window " + title, "gdigrab", title), DisplaySurface.WINDOW, "gdigrab",
                "title=" + title, Map.of("framerate", GRAB_RATE), UnaryOperator.identity());
    }

    /**
     * macOS, untested: avfoundation's "Capture screen N" device, which delivers at its own rate
     * (asked for at our highest). avfoundation has no window capture.
     */
    static ScreenSource avfoundation(DisplayMediaStreamOptions options) {
        if (options.displaySurface() == DisplaySurface.WINDOW) {
            throw new MediaDeviceException(MediaDeviceException.NOT_FOUND,
                    "FFmpeg's avfoundation input captures whole screens only, not windows");
        }
        String screen = options.display() == null ? "0" : options.display();
        return new ScreenSource(info("Screen " + screen, "avfoundation", screen), DisplaySurface.MONITOR,
                "avfoundation", "Capture screen " + screen + ":none",
                Map.of("framerate", String.valueOf((int) ScreenCapture.MAX_FRAME_RATE), "capture_cursor", "1"),
                UnaryOperator.identity());
    }

    /** x11grab fails to open with EIO when it can not connect to the display, or it has no such screen. */
    private static MediaDeviceException noDisplay(MediaDeviceException failure, String display) {
        if (FfmpegError.of(failure).orElse(0) == FfmpegError.EIO) {
            return new MediaDeviceException(MediaDeviceException.NOT_FOUND, "no X display " + display
                    + " (not running, or not ours to open)", failure);
        }
        return failure;
    }

    private static long x11WindowId(String window) {
        String id = required(window);
        try {
            long value = Long.decode(id.trim());
            if (value <= 0 || value > 0xFFFF_FFFFL) {
                throw new NumberFormatException("out of range");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new MediaDeviceException(MediaDeviceException.TYPE, "an X window id is a number such as 0x1e00004,"
                    + " not \"" + id + "\"");
        }
    }

    private static String required(String window) {
        if (window == null || window.isBlank()) {
            throw new MediaDeviceException(MediaDeviceException.TYPE, "capturing a window needs the window's id");
        }
        return window;
    }

    private static MediaDeviceInfo info(String label, String... parts) {
        String[] all = new String[parts.length + 1];
        all[0] = "display";
        System.arraycopy(parts, 0, all, 1, parts.length);
        String id = MediaDeviceInfo.stableId(all);
        return new MediaDeviceInfo(id, MediaDeviceKind.VIDEO_INPUT, label, id);
    }
}
