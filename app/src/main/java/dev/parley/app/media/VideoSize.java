package dev.parley.app.media;

/** A camera size asked for, as {@code WIDTHxHEIGHT} on the command line. */
public record VideoSize(int width, int height) {
    /** What a call asks of a camera unless told otherwise. */
    public static final VideoSize DEFAULT = new VideoSize(1280, 720);

    public VideoSize {
        if (width < 16 || height < 16 || width > 7680 || height > 4320 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("a camera size of 16x16 to 7680x4320 in even numbers, not " + width + "x" + height);
        }
    }

    /** @throws IllegalArgumentException unless {@code WIDTHxHEIGHT}, e.g. {@code 1280x720} */
    public static VideoSize parse(String text) {
        String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("x");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a camera size is WIDTHxHEIGHT, e.g. 1280x720, not \"" + text + "\"");
        }
        try {
            return new VideoSize(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a camera size is WIDTHxHEIGHT, e.g. 1280x720, not \"" + text + "\"", e);
        }
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
