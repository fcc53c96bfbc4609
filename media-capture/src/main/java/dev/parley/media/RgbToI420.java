package dev.parley.media;

import dev.parley.rtc.VideoFrame;

/**
 * Turns packed 24-bit RGB pictures (what webcam-capture delivers: R, G, B bytes per pixel, rows
 * top to bottom, no padding) into I420 {@link VideoFrame}s of a chosen size, scaling on the way.
 *
 * <p>Colours: ITU-R BT.601 in video range (Y 16..235, chroma 16..240), the 8-bit integer form
 * that cameras and codecs use. Scaling: each output pixel takes the nearest source pixel
 * (precomputed row and column tables, so the per-pixel cost is two table reads), and each chroma
 * sample averages the four source pixels under its 2x2 luma block — cheap enough for 1280x720 at
 * 30 fps on one core. FFmpeg's swscale will be the quality scaler once core-rtc has FFmpeg.
 *
 * <p>One converter per source size and output size; not thread-safe (it keeps no state between
 * pictures except its tables, but callers should not rely on that).
 */
public final class RgbToI420 {
    private final int sourceWidth;
    private final int sourceHeight;
    private final int width;
    private final int height;
    /** Byte offset within a source row of each output column. */
    private final int[] columnOffset;
    /** Source row of each output row. */
    private final int[] sourceRow;

    /**
     * @param sourceWidth width of the RGB pictures that {@link #convert} takes
     * @param sourceHeight their height
     * @param width width of the frames it makes (scaled from the source's)
     * @param height their height
     * @throws IllegalArgumentException if a size is below 1 or above {@link VideoFrame#MAX_DIMENSION}
     */
    public RgbToI420(int sourceWidth, int sourceHeight, int width, int height) {
        if (sourceWidth < 1 || sourceHeight < 1 || sourceWidth > VideoFrame.MAX_DIMENSION
                || sourceHeight > VideoFrame.MAX_DIMENSION) {
            throw new IllegalArgumentException("source size " + sourceWidth + "x" + sourceHeight);
        }
        if (width < 1 || height < 1 || width > VideoFrame.MAX_DIMENSION || height > VideoFrame.MAX_DIMENSION) {
            throw new IllegalArgumentException("output size " + width + "x" + height);
        }
        this.sourceWidth = sourceWidth;
        this.sourceHeight = sourceHeight;
        this.width = width;
        this.height = height;
        this.columnOffset = new int[width];
        for (int x = 0; x < width; x++) {
            columnOffset[x] = nearest(x, width, sourceWidth) * 3;
        }
        this.sourceRow = new int[height];
        for (int y = 0; y < height; y++) {
            sourceRow[y] = nearest(y, height, sourceHeight);
        }
    }

    public int sourceWidth() {
        return sourceWidth;
    }

    public int sourceHeight() {
        return sourceHeight;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Bytes of one source picture: width x height x 3. */
    public int sourceBytes() {
        return sourceWidth * sourceHeight * 3;
    }

    /**
     * A new frame (rotation 0) from one packed RGB picture: R, G, B bytes per pixel, rows top to
     * bottom, no padding.
     *
     * @param rgb at least {@link #sourceBytes()} bytes of packed RGB
     * @throws IllegalArgumentException if {@code rgb} is shorter than that
     */
    public VideoFrame convert(byte[] rgb, long captureTimeNanos) {
        if (rgb.length < sourceBytes()) {
            throw new IllegalArgumentException("an RGB picture of " + sourceWidth + "x" + sourceHeight + " needs "
                    + sourceBytes() + " bytes, got " + rgb.length);
        }
        int chromaWidth = VideoFrame.chromaSize(width);
        int chromaHeight = VideoFrame.chromaSize(height);
        byte[] y = new byte[width * height];
        byte[] u = new byte[chromaWidth * chromaHeight];
        byte[] v = new byte[chromaWidth * chromaHeight];
        int sourceStride = sourceWidth * 3;
        // One pass over 2x2 blocks: each source pixel is read once for its luma and its block's chroma.
        for (int chromaRow = 0; chromaRow < chromaHeight; chromaRow++) {
            int row0 = 2 * chromaRow;
            int row1 = Math.min(row0 + 1, height - 1); // an odd height repeats the last row for chroma
            int top = sourceRow[row0] * sourceStride;
            int bottom = sourceRow[row1] * sourceStride;
            int outTop = row0 * width;
            int outBottom = row1 * width;
            int outChroma = chromaRow * chromaWidth;
            for (int chromaCol = 0; chromaCol < chromaWidth; chromaCol++) {
                int col0 = 2 * chromaCol;
                int col1 = Math.min(col0 + 1, width - 1);
                int a = top + columnOffset[col0];
                int b = top + columnOffset[col1];
                int c = bottom + columnOffset[col0];
                int d = bottom + columnOffset[col1];
                int ra = rgb[a] & 0xFF, ga = rgb[a + 1] & 0xFF, ba = rgb[a + 2] & 0xFF;
                int rb = rgb[b] & 0xFF, gb = rgb[b + 1] & 0xFF, bb = rgb[b + 2] & 0xFF;
                int rc = rgb[c] & 0xFF, gc = rgb[c + 1] & 0xFF, bc = rgb[c + 2] & 0xFF;
                int rd = rgb[d] & 0xFF, gd = rgb[d + 1] & 0xFF, bd = rgb[d + 2] & 0xFF;
                y[outTop + col0] = luma(ra, ga, ba);
                y[outTop + col1] = luma(rb, gb, bb);
                y[outBottom + col0] = luma(rc, gc, bc);
                y[outBottom + col1] = luma(rd, gd, bd);
                int r = ra + rb + rc + rd;
                int g = ga + gb + gc + gd;
                int bl = ba + bb + bc + bd;
                // sums of four: the coefficients' >> 8 becomes >> 10, rounding at half of 1 << 10
                u[outChroma + chromaCol] = (byte) (((-38 * r - 74 * g + 112 * bl + 512) >> 10) + 128);
                v[outChroma + chromaCol] = (byte) (((112 * r - 94 * g - 18 * bl + 512) >> 10) + 128);
            }
        }
        return new VideoFrame(width, height, y, width, u, chromaWidth, v, chromaWidth, 0, captureTimeNanos);
    }

    private static byte luma(int r, int g, int b) {
        return (byte) (((66 * r + 129 * g + 25 * b + 128) >> 8) + 16);
    }

    /** The source index whose pixel centre is nearest to output index {@code i}'s centre. */
    private static int nearest(int i, int outputSize, int sourceSize) {
        long scaled = ((2L * i + 1) * sourceSize) / (2L * outputSize);
        return (int) Math.min(sourceSize - 1, scaled);
    }
}
