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
