package dev.parley.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.parley.rtc.VideoFrame;
import dev.parley.rtc.media.TestPattern;
import org.junit.jupiter.api.Test;

/** A converter reusing its plane buffers writes exactly what the allocating one writes, as sizes change. */
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
}
