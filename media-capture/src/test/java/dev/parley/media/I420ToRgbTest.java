package dev.parley.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.VideoFrame;
import dev.parley.rtc.media.TestPattern;
import org.junit.jupiter.api.Test;

/** Conversions to RGB: buffers reused across sizes, and the averaged smaller pictures a small view asks for. */
class I420ToRgbTest {

    @Test
    void reusingBuffersAcrossSizesGivesTheSamePictures() {
        I420ToRgb reusing = new I420ToRgb();
        int[][] sizes = {{640, 360}, {1280, 720}, {320, 180}, {1280, 720}};
        long n = 0;
        for (int[] size : sizes) {
            VideoFrame frame = new TestPattern(size[0], size[1]).frame(n++, n * 33_000_000L);
            byte[] expected = new byte[I420ToRgb.rgbBytes(frame)];
            I420ToRgb.convert(frame, expected);
            byte[] actual = new byte[I420ToRgb.rgbBytes(frame)];
            reusing.convertInto(frame, actual);
            assertArrayEquals(expected, actual, size[0] + "x" + size[1]);
            reusing.convertInto(frame, actual);   // and again: converting does not consume the frame
            assertArrayEquals(expected, actual);
        }
    }

    @Test
    void aSmallerPictureIsTheBlockAverageOfTheFullOne() {
        VideoFrame frame = new TestPattern(1280, 720).frame(7, 0);
        byte[] full = new byte[I420ToRgb.rgbBytes(frame)];
        I420ToRgb.convert(frame, full);
        for (int factor : new int[] {2, 3, 5}) {
            byte[] small = new byte[I420ToRgb.rgbBytes(frame, factor)];
            new I420ToRgb().convertInto(frame, factor, small);
            int width = I420ToRgb.scaled(1280, factor);
            int height = I420ToRgb.scaled(720, factor);
            assertEquals(width * height * 3, small.length);
            long differenceSum = 0;
            for (int row = 0; row < height; row++) {
                for (int col = 0; col < width; col++) {
                    for (int channel = 0; channel < 3; channel++) {
                        int sum = 0;
                        for (int r = 0; r < factor; r++) {
                            for (int c = 0; c < factor; c++) {
                                sum += full[((row * factor + r) * 1280 + col * factor + c) * 3 + channel] & 0xFF;
                            }
                        }
                        differenceSum += Math.abs(sum / (factor * factor) - (small[(row * width + col) * 3 + channel] & 0xFF));
                    }
                }
            }
            double meanDifference = differenceSum / (double) small.length;
            // Averaging YUV then converting differs from converting then averaging only where RGB clips.
            assertTrue(meanDifference < 3, "1/" + factor + ": mean difference " + meanDifference);
        }
    }

    @Test
    void finePatternsAverageToTheirMeanInsteadOfShimmering() {
        int width = 64;
        int height = 32;
        byte[] y = new byte[width * height];
        for (int i = 0; i < y.length; i++) {
            y[i] = (byte) (((i % width) + (i / width)) % 2 == 0 ? 16 : 235);   // a one-pixel checkerboard
        }
        byte[] u = new byte[32 * 16];
        byte[] v = new byte[32 * 16];
        java.util.Arrays.fill(u, (byte) 128);
        java.util.Arrays.fill(v, (byte) 128);
        VideoFrame frame = new VideoFrame(width, height, y, width, u, 32, v, 32, 0, 0);
        byte[] small = new byte[I420ToRgb.rgbBytes(frame, 2)];
        new I420ToRgb().convertInto(frame, 2, small);
        for (byte b : small) {
            assertTrue(Math.abs((b & 0xFF) - 128) <= 2, "mid grey, got " + (b & 0xFF));
        }
    }

    @Test
    void sizesThatDoNotDivideKeepEveryWholeBlockAndNeverLessThanOnePixel() {
        VideoFrame odd = new TestPattern(1281, 721).frame(0, 0);
        byte[] rgb = new byte[I420ToRgb.rgbBytes(odd, 4)];
        new I420ToRgb().convertInto(odd, 4, rgb);
        assertEquals(320 * 180 * 3, rgb.length);
        assertEquals(1, I420ToRgb.scaled(3, 8));
        assertThrows(IllegalArgumentException.class, () -> I420ToRgb.scaled(100, 0));
        assertThrows(IllegalArgumentException.class, () -> new I420ToRgb().convertInto(odd, 4, new byte[10]));
    }
}
