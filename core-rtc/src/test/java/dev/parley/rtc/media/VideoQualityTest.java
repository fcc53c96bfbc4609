package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.rtc.VideoFrame;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VideoQualityTest {

    @Test
    void identicalPicturesScoreTheCeiling() {
        assertEquals(VideoQuality.IDENTICAL_PSNR, VideoQuality.psnr(VideoFrame.black(64, 48, 0, 0),
                VideoFrame.black(64, 48, 0, 5)));
    }

    @Test
    void anErrorOfFourInEverySampleIs36Decibels() {
        // MSE 16 → 10·log10(65025 / 16) = 36.09 dB; planes with strides wider than their rows
        VideoFrame a = uniform(33, 21, 40, 48, 100, 100);
        VideoFrame b = uniform(33, 21, 36, 40, 104, 96);
        assertEquals(10 * Math.log10(65025.0 / 16), VideoQuality.psnr(a, b), 1e-9);
    }

    @Test
    void onlyTheDifferingSamplesCount() {
        VideoFrame a = VideoFrame.black(4, 4, 0, 0);
        byte[] y = new byte[16];
        Arrays.fill(y, (byte) 16);
        y[5] = 26; // one sample off by 10 among 16 + 4 + 4 = 24: MSE 100/24
        VideoFrame b = new VideoFrame(4, 4, y, 4, filled(4, 128), 2, filled(4, 128), 2, 0, 0);
        assertEquals(10 * Math.log10(65025.0 * 24 / 100), VideoQuality.psnr(a, b), 1e-9);
    }

    @Test
    void picturesOfDifferentSizesAreNotCompared() {
        assertThrows(IllegalArgumentException.class,
                () -> VideoQuality.psnr(VideoFrame.black(64, 48, 0, 0), VideoFrame.black(64, 50, 0, 0)));
    }

    private static VideoFrame uniform(int width, int height, int strideY, int strideChroma, int luma, int chroma) {
        int chromaHeight = VideoFrame.chromaSize(height);
        return new VideoFrame(width, height, filled(strideY * height, luma), strideY,
                filled(strideChroma * chromaHeight, chroma), strideChroma, filled(strideChroma * chromaHeight, chroma),
                strideChroma, 0, 0);
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
