package dev.parley.rtc.media;

import dev.parley.rtc.VideoFrame;
import java.nio.ByteBuffer;

/** Objective picture quality: how close a decoded frame is to its source. */
public final class VideoQuality {
    /** What {@link #psnr} reports for identical pictures (the ratio is infinite). */
    public static final double IDENTICAL_PSNR = 100;

    private VideoQuality() {}

    /**
     * Peak signal-to-noise ratio in dB over all three I420 planes (each sample weighs the same, so
     * luma counts four times as much as each chroma plane, roughly as the eye weighs them):
     * {@code 10 log10(255² / MSE)}. Lossy video codecs at good quality land between 30 and 45 dB;
     * {@value #IDENTICAL_PSNR} means identical.
     *
     * @throws IllegalArgumentException if the frames differ in size
     */
    public static double psnr(VideoFrame a, VideoFrame b) {
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new IllegalArgumentException("frames differ in size: " + a.width() + "x" + a.height() + " and "
                    + b.width() + "x" + b.height());
        }
        long squaredError = squaredError(a.dataY(), a.strideY(), b.dataY(), b.strideY(), a.width(), a.height())
                + squaredError(a.dataU(), a.strideU(), b.dataU(), b.strideU(), a.chromaWidth(), a.chromaHeight())
                + squaredError(a.dataV(), a.strideV(), b.dataV(), b.strideV(), a.chromaWidth(), a.chromaHeight());
        long samples = (long) a.width() * a.height() + 2L * a.chromaWidth() * a.chromaHeight();
        if (squaredError == 0) {
            return IDENTICAL_PSNR;
        }
        double mse = (double) squaredError / samples;
        return Math.min(IDENTICAL_PSNR, 10 * Math.log10(255.0 * 255.0 / mse));
    }

    private static long squaredError(ByteBuffer a, int strideA, ByteBuffer b, int strideB, int width, int height) {
        long sum = 0;
        for (int row = 0; row < height; row++) {
            int rowA = row * strideA;
            int rowB = row * strideB;
            for (int col = 0; col < width; col++) {
                int difference = (a.get(rowA + col) & 0xFF) - (b.get(rowB + col) & 0xFF);
                sum += difference * difference;
            }
        }
        return sum;
    }
}
