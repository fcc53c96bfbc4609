package dev.parley.app.settings;

/**
 * Where the main window was, in screen coordinates, to reopen it there. Positions may be negative
 * (a screen left of the primary one); sizes are at least {@value #MIN_SIZE}, so a window is never
 * restored too small to grab.
 */
public record WindowBounds(double x, double y, double width, double height) {
    public static final double MIN_SIZE = 200;
    /** Larger than any screen arrangement: a value beyond it is damage, not a position. */
    private static final double MAX_COORDINATE = 100_000;

    public WindowBounds {
        check("x", x, -MAX_COORDINATE);
        check("y", y, -MAX_COORDINATE);
        check("width", width, MIN_SIZE);
        check("height", height, MIN_SIZE);
    }

    private static void check(String name, double value, double min) {
        if (!Double.isFinite(value) || value < min || value > MAX_COORDINATE) {
            throw new IllegalArgumentException("window " + name + ": " + min + " to " + MAX_COORDINATE + ", not " + value);
        }
    }
}
