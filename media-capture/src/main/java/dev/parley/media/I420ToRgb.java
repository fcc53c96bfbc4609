package dev.parley.media;

import dev.parley.rtc.VideoFrame;
import java.nio.ByteBuffer;

/**
 * Turns an I420 {@link VideoFrame} into packed 24-bit RGB (the inverse of {@link RgbToI420}:
 * BT.601, video range): for the synthetic camera, which draws core-rtc's test pattern in I420
 * but must hand webcam-capture RGB as a real camera driver does, and for the UI's video view,
 * which paints RGB. The picture is converted as stored: the frame's rotation is the caller's
 * to apply. The static {@link #convert} may be called from any thread; an instance keeps the
 * planes' copies between frames ({@link #convertInto}) and serves one thread at a time — at 720p
 * and 30 fps those copies were a video view's largest allocation (~60 MB/s each).
 */
public final class I420ToRgb {
    private byte[] y = new byte[0];
    private byte[] u = new byte[0];
    private byte[] v = new byte[0];

    /** A converter that reuses its plane buffers; use it from one thread at a time. */
    public I420ToRgb() {}

    /** As {@link #convert}, copying the planes into this converter's buffers instead of new ones. */
    public void convertInto(VideoFrame frame, byte[] rgb) {
        y = plane(frame.dataY(), y);
        u = plane(frame.dataU(), u);
        v = plane(frame.dataV(), v);
        convert(frame, y, u, v, rgb);
    }

    /**
     * As {@link #convertInto(VideoFrame, byte[])} at 1/{@code factor} of the frame's width and height
     * ({@link #scaled}), each output pixel the average of a {@code factor x factor} block: a view
     * showing a 720p camera in a small corner converts and paints a picture its own size, not the
     * camera's, and averaging (not skipping) keeps fine detail from shimmering.
     *
     * @throws IllegalArgumentException if {@code factor < 1} or {@code rgb} is shorter than
     *     {@link #rgbBytes(VideoFrame, int)}
     */
    public void convertInto(VideoFrame frame, int factor, byte[] rgb) {
        if (factor == 1) {
            convertInto(frame, rgb);
            return;
        }
        int needed = rgbBytes(frame, factor); // checks the factor
        if (rgb.length < needed) {
            throw new IllegalArgumentException("a " + frame.width() + "x" + frame.height() + " frame at 1/" + factor
                    + " needs " + needed + " RGB bytes, got " + rgb.length);
        }
        y = plane(frame.dataY(), y);
        u = plane(frame.dataU(), u);
        v = plane(frame.dataV(), v);
        convertAveraged(frame, factor, rgb);
    }

    /** The width or height of a picture {@code size} pixels across at 1/{@code factor}: never less than 1. */
    public static int scaled(int size, int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be at least 1, got " + factor);
        }
        return Math.max(1, size / factor);
    }

    /** Bytes that {@link #convertInto(VideoFrame, int, byte[])} writes for {@code frame} at 1/{@code factor}. */
    public static int rgbBytes(VideoFrame frame, int factor) {
        return scaled(frame.width(), factor) * scaled(frame.height(), factor) * 3;
    }

    private void convertAveraged(VideoFrame frame, int factor, byte[] rgb) {
        int outWidth = scaled(frame.width(), factor);
        int outHeight = scaled(frame.height(), factor);
        // A block is factor x factor luma samples (clipped at the picture's edge) and the chroma
        // samples under it: half as many each way, at least one.
        int chromaBlock = Math.max(1, factor / 2);
        int strideY = frame.strideY();
        int strideU = frame.strideU();
        int strideV = frame.strideV();
        int lastLumaRow = frame.height() - 1;
        int lastLumaCol = frame.width() - 1;
        int lastChromaRow = frame.chromaHeight() - 1;
        int lastChromaCol = frame.chromaWidth() - 1;
        int out = 0;
        for (int row = 0; row < outHeight; row++) {
            int top = row * factor;
            int bottom = Math.min(top + factor - 1, lastLumaRow);
            int chromaTop = Math.min(top >> 1, lastChromaRow);
            int chromaBottom = Math.min(chromaTop + chromaBlock - 1, lastChromaRow);
            for (int col = 0; col < outWidth; col++) {
                int left = col * factor;
                int right = Math.min(left + factor - 1, lastLumaCol);
                int luma = 0;
                for (int r = top; r <= bottom; r++) {
                    int at = r * strideY;
                    for (int c = left; c <= right; c++) {
                        luma += y[at + c] & 0xFF;
                    }
                }
                luma /= (bottom - top + 1) * (right - left + 1);
                int chromaLeft = Math.min(left >> 1, lastChromaCol);
                int chromaRight = Math.min(chromaLeft + chromaBlock - 1, lastChromaCol);
                int sumU = 0;
                int sumV = 0;
                for (int r = chromaTop; r <= chromaBottom; r++) {
                    for (int c = chromaLeft; c <= chromaRight; c++) {
                        sumU += u[r * strideU + c] & 0xFF;
                        sumV += v[r * strideV + c] & 0xFF;
                    }
                }
                int chromaCount = (chromaBottom - chromaTop + 1) * (chromaRight - chromaLeft + 1);
                out = writePixel(rgb, out, luma, sumU / chromaCount - 128, sumV / chromaCount - 128);
            }
        }
    }

    /** BT.601 video range to RGB for one pixel; returns the next write position. */
    private static int writePixel(byte[] rgb, int out, int luma, int d, int e) {
        int c = 298 * (luma - 16) + 128;
        rgb[out] = clamp((c + 409 * e) >> 8);
        rgb[out + 1] = clamp((c - 100 * d - 208 * e) >> 8);
        rgb[out + 2] = clamp((c + 516 * d) >> 8);
        return out + 3;
    }

    /** Bytes that {@link #convert} writes for {@code frame}: width x height x 3. */
    public static int rgbBytes(VideoFrame frame) {
        return frame.width() * frame.height() * 3;
    }

    /**
     * Writes {@code frame} into {@code rgb} from index 0 as packed RGB: R, G, B bytes per pixel,
     * rows top to bottom, no padding (a row is width x 3 bytes).
     *
     * @throws IllegalArgumentException if {@code rgb} is shorter than {@link #rgbBytes(VideoFrame)}
     */
    public static void convert(VideoFrame frame, byte[] rgb) {
        convert(frame, plane(frame.dataY(), null), plane(frame.dataU(), null), plane(frame.dataV(), null), rgb);
    }

    private static void convert(VideoFrame frame, byte[] y, byte[] u, byte[] v, byte[] rgb) {
        int width = frame.width();
        int height = frame.height();
        if (rgb.length < rgbBytes(frame)) {
            throw new IllegalArgumentException("a " + width + "x" + height + " frame needs " + rgbBytes(frame)
                    + " RGB bytes, got " + rgb.length);
        }
        int strideY = frame.strideY();
        int strideU = frame.strideU();
        int strideV = frame.strideV();
        for (int row = 0; row < height; row++) {
            int rowY = row * strideY;
            int rowU = (row >> 1) * strideU;
            int rowV = (row >> 1) * strideV;
            int out = row * width * 3;
            for (int col = 0; col < width; col += 2) {
                // one chroma sample serves two pixels of the row
                int d = (u[rowU + (col >> 1)] & 0xFF) - 128;
                int e = (v[rowV + (col >> 1)] & 0xFF) - 128;
                int red = 409 * e;
                int green = -100 * d - 208 * e;
                int blue = 516 * d;
                int last = Math.min(col + 2, width);
                for (int x = col; x < last; x++) {
                    int c = 298 * ((y[rowY + x] & 0xFF) - 16) + 128;
                    rgb[out++] = clamp((c + red) >> 8);
                    rgb[out++] = clamp((c + green) >> 8);
                    rgb[out++] = clamp((c + blue) >> 8);
                }
            }
        }
    }

    /**
     * The plane's bytes in an array (array reads are far cheaper per pixel than buffer reads):
     * {@code reuse} when it is large enough, else a new one. Extra bytes past the plane are unread.
     */
    private static byte[] plane(ByteBuffer buffer, byte[] reuse) {
        int size = buffer.remaining();
        byte[] bytes = reuse != null && reuse.length >= size ? reuse : new byte[size];
        buffer.duplicate().get(bytes, 0, size);
        return bytes;
    }

    private static byte clamp(int value) {
        return (byte) (value < 0 ? 0 : Math.min(value, 255));
    }
}
