package dev.parley.ui.call;

import javafx.geometry.Pos;

/** Where the small self-view sits in the call window; it snaps to the corner it is dropped nearest. */
public enum Corner {
    TOP_LEFT(Pos.TOP_LEFT),
    TOP_RIGHT(Pos.TOP_RIGHT),
    BOTTOM_LEFT(Pos.BOTTOM_LEFT),
    BOTTOM_RIGHT(Pos.BOTTOM_RIGHT);

    private final Pos position;

    Corner(Pos position) {
        this.position = position;
    }

    public Pos position() {
        return position;
    }

    /** The corner of a {@code width} x {@code height} area nearest to the point ({@code x}, {@code y}). */
    public static Corner nearest(double x, double y, double width, double height) {
        boolean left = x < width / 2;
        boolean top = y < height / 2;
        if (top) {
            return left ? TOP_LEFT : TOP_RIGHT;
        }
        return left ? BOTTOM_LEFT : BOTTOM_RIGHT;
    }
}
