package dev.parley.media;

import dev.parley.rtc.VideoFrame;
import java.nio.ByteBuffer;

/**
 * Turns an I420 {@link VideoFrame} into packed 24-bit RGB (the inverse of {@link RgbToI420}:
 * BT.601, video range), for the synthetic camera, which draws core-rtc's test pattern in I420
 * but must hand webcam-capture RGB as a real camera driver does.
 */
final class I420ToRgb {
    private I420ToRgb() {}

    /** Writes {@code frame} as width x height x 3 RGB bytes into {@code rgb} from index 0. */
    static void convert(VideoFrame frame, byte[] rgb) {
        int width = frame.width();
        int height = frame.height();
        if (rgb.length < width * height * 3) {
            throw new IllegalArgumentException("need " + width * height * 3 + " bytes, got " + rgb.length);
        }
        ByteBuffer y = frame.dataY();
        ByteBuffer u = frame.dataU();
        ByteBuffer v = frame.dataV();
        int strideY = frame.strideY();
        int strideU = frame.strideU();
        int strideV = frame.strideV();
        int out = 0;
        for (int row = 0; row < height; row++) {
            int rowY = row * strideY;
            int rowU = (row >> 1) * strideU;
            int rowV = (row >> 1) * strideV;
            for (int col = 0; col < width; col++) {
                int c = 298 * ((y.get(rowY + col) & 0xFF) - 16) + 128;
                int d = (u.get(rowU + (col >> 1)) & 0xFF) - 128;
                int e = (v.get(rowV + (col >> 1)) & 0xFF) - 128;
                rgb[out++] = clamp((c + 409 * e) >> 8);
                rgb[out++] = clamp((c - 100 * d - 208 * e) >> 8);
                rgb[out++] = clamp((c + 516 * d) >> 8);
            }
        }
    }

    private static byte clamp(int value) {
        return (byte) (value < 0 ? 0 : Math.min(value, 255));
    }
}
