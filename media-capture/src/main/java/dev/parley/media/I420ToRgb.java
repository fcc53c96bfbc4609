package dev.parley.media;

import dev.parley.rtc.VideoFrame;
import java.nio.ByteBuffer;

/**
 * Turns an I420 {@link VideoFrame} into packed 24-bit RGB (the inverse of {@link RgbToI420}:
 * BT.601, video range): for the synthetic camera, which draws core-rtc's test pattern in I420
 * but must hand webcam-capture RGB as a real camera driver does, and for the UI's video view,
 * which paints RGB. The picture is converted as stored: the frame's rotation is the caller's
 * to apply. Stateless, so any thread may call it at any time.
 */
public final class I420ToRgb {
    private I420ToRgb() {}

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
        int width = frame.width();
        int height = frame.height();
        if (rgb.length < rgbBytes(frame)) {
            throw new IllegalArgumentException("a " + width + "x" + height + " frame needs " + rgbBytes(frame)
                    + " RGB bytes, got " + rgb.length);
        }
        byte[] y = plane(frame.dataY());
        byte[] u = plane(frame.dataU());
        byte[] v = plane(frame.dataV());
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

    /** The plane's bytes in an array: array reads are far cheaper per pixel than buffer reads. */
    private static byte[] plane(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static byte clamp(int value) {
        return (byte) (value < 0 ? 0 : Math.min(value, 255));
    }
}
