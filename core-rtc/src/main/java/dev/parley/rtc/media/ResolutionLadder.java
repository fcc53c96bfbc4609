package dev.parley.rtc.media;

/**
 * The picture size to encode at a bitrate: at low rates fewer, sharper pixels look better than
 * many blurred ones, and a key frame (which every encoder reopen costs) stays small enough not
 * to flood a slow link. Sizes are the source's scaled by 1, 3/4, 1/2, 3/8 or 1/4 (1280x720 gives
 * 960x540, 640x360, 480x270, 320x180), the largest whose pixel count the bitrate affords.
 * Stepping down waits until the bitrate falls {@value #HOLD_PERCENT}% of the way below a step's
 * floor: an estimate wobbling around a floor must not cost a key frame at every wobble.
 *
 * <p>The other way, a picture size has a ceiling ({@link #maxBitrate}): past it the picture
 * barely improves while every bit costs the link and the encoder's CPU (rate control, entropy
 * coding). The ceilings are the browsers' (libwebrtc's defaults per size), so a call with
 * Chromium is symmetric.
 */
public final class ResolutionLadder {
    /** Bitrate floor per step, and the most pixels allowed from it (16:9 sizes for reference). */
    private static final long[][] STEPS = {
        {1_800_000, Long.MAX_VALUE},
        {900_000, 1280 * 720},
        {500_000, 960 * 540},
        {250_000, 640 * 360},
        {120_000, 480 * 270},
        {0, 320 * 180},
    };
    static final int HOLD_PERCENT = 30;
    private static final int[][] FRACTIONS = {{1, 1}, {3, 4}, {1, 2}, {3, 8}, {1, 4}};

    /** Most pixels per ceiling, and the ceiling in bits per second; past the last row, {@link #TOP_CEILING}. */
    private static final long[][] CEILINGS = {
        {320 * 240, 600_000},
        {640 * 480, 1_700_000},
        {960 * 540, 2_000_000},
        {1280 * 720, 2_500_000},
    };
    /** 1080p and up: libwebrtc stays at 2.5 Mbit/s there too, which blurs fine detail; VP8 needs ~4 for it. */
    static final long TOP_CEILING = 4_000_000;

    private ResolutionLadder() {}

    /** The most bits per second worth spending on a {@code width}x{@code height} source. */
    public static long maxBitrate(int width, int height) {
        long pixels = (long) width * height;
        for (long[] ceiling : CEILINGS) {
            if (pixels <= ceiling[0]) {
                return ceiling[1];
            }
        }
        return TOP_CEILING;
    }

    /** Width and height (even, at least 2) to encode a {@code width}x{@code height} source at {@code bitrate}. */
    public static int[] sizeFor(int width, int height, long bitrate) {
        return sizeFor(width, height, bitrate, 0);
    }

    /**
     * As {@link #sizeFor(int, int, long)}, but keeps {@code currentPixels} (the size encoded now)
     * while the bitrate stays above {@value #HOLD_PERCENT}% under the floor of its step.
     */
    public static int[] sizeFor(int width, int height, long bitrate, long currentPixels) {
        int[] fresh = fit(width, height, maxPixels(bitrate));
        if ((long) fresh[0] * fresh[1] < currentPixels) {
            int[] held = fit(width, height, maxPixels(bitrate * 100 / (100 - HOLD_PERCENT)));
            if ((long) held[0] * held[1] == currentPixels) {
                return held;
            }
        }
        return fresh;
    }

    private static long maxPixels(long bitrate) {
        for (long[] step : STEPS) {
            if (bitrate >= step[0]) {
                return step[1];
            }
        }
        return STEPS[STEPS.length - 1][1];
    }

    private static int[] fit(int width, int height, long maxPixels) {
        for (int[] f : FRACTIONS) {
            int w = even(width * f[0] / f[1]);
            int h = even(height * f[0] / f[1]);
            if (f[0] == f[1] && (long) width * height <= maxPixels) {
                return new int[] {width, height};
            }
            if ((long) w * h <= maxPixels || f == FRACTIONS[FRACTIONS.length - 1]) {
                return new int[] {w, h};
            }
        }
        throw new AssertionError("unreachable");
    }

    private static int even(int size) {
        return Math.max(2, size & ~1);
    }
}
