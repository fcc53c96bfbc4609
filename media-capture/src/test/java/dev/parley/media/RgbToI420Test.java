package dev.parley.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.VideoFrame;
import dev.parley.rtc.media.TestPattern;
import dev.parley.rtc.media.VideoQuality;
import org.junit.jupiter.api.Test;

/** The RGB to I420 converter and scaler, and its inverse used by the synthetic camera. */
class RgbToI420Test {

    @Test
    void convertsKnownColoursToBt601VideoRange() {
        assertColour(255, 255, 255, 235, 128, 128);
        assertColour(0, 0, 0, 16, 128, 128);
        assertColour(255, 0, 0, 82, 90, 240);
        assertColour(0, 255, 0, 144, 54, 34); // exactly 144.5: the 8-bit integer form rounds down
        assertColour(0, 0, 255, 41, 240, 110);
    }

    @Test
    void scalesDownByPickingTheNearestPixels() {
        int sourceWidth = 1280;
        int sourceHeight = 720;
        byte[] rgb = new byte[sourceWidth * sourceHeight * 3];
        for (int y = 0; y < sourceHeight; y++) {
            for (int x = 0; x < sourceWidth / 2; x++) { // left half white, right half black
                int p = (y * sourceWidth + x) * 3;
                rgb[p] = rgb[p + 1] = rgb[p + 2] = (byte) 255;
            }
        }
        VideoFrame frame = new RgbToI420(sourceWidth, sourceHeight, 640, 360).convert(rgb, 7);
        assertEquals(640, frame.width());
        assertEquals(360, frame.height());
        assertEquals(7, frame.captureTimeNanos());
        assertEquals(235, frame.dataY().get(100 * 640 + 319) & 0xFF);
        assertEquals(16, frame.dataY().get(100 * 640 + 320) & 0xFF);
        assertEquals(128, frame.dataU().get(50 * 320 + 10) & 0xFF);
    }

    @Test
    void handlesOddSizes() {
        byte[] rgb = new byte[5 * 3 * 3];
        VideoFrame frame = new RgbToI420(5, 3, 3, 3).convert(rgb, 0);
        assertEquals(2, frame.chromaWidth());
        assertEquals(16, frame.dataY().get(8) & 0xFF);
    }

    @Test
    void testPatternSurvivesTheRoundTripThroughRgb() {
        TestPattern pattern = new TestPattern(640, 480);
        VideoFrame original = pattern.frame(1234, 987_654_321L);
        byte[] rgb = new byte[640 * 480 * 3];
        I420ToRgb.convert(original, rgb);
        VideoFrame back = new RgbToI420(640, 480, 640, 480).convert(rgb, 0);
        assertEquals(new TestPattern.Stamp(1234, 987_654_321L), pattern.read(back).orElseThrow());
        double psnr = VideoQuality.psnr(original, back);
        assertTrue(psnr > 35, "PSNR " + psnr);
    }

    private static void assertColour(int r, int g, int b, int y, int u, int v) {
        byte[] rgb = new byte[2 * 2 * 3];
        for (int i = 0; i < 4; i++) {
            rgb[i * 3] = (byte) r;
            rgb[i * 3 + 1] = (byte) g;
            rgb[i * 3 + 2] = (byte) b;
        }
        VideoFrame frame = new RgbToI420(2, 2, 2, 2).convert(rgb, 0);
        String colour = "rgb(" + r + "," + g + "," + b + ")";
        assertEquals(y, frame.dataY().get(0) & 0xFF, colour + " Y");
        assertEquals(u, frame.dataU().get(0) & 0xFF, colour + " U");
        assertEquals(v, frame.dataV().get(0) & 0xFF, colour + " V");
    }
}
