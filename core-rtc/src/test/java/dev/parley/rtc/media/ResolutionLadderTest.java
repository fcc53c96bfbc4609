package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.VideoFrame;
import org.junit.jupiter.api.Test;

class ResolutionLadderTest {
    @Test
    void hd720pStepsDownWithTheBitrate() {
        assertArrayEquals(new int[] {1280, 720}, ResolutionLadder.sizeFor(1280, 720, 1_000_000));
        assertArrayEquals(new int[] {960, 540}, ResolutionLadder.sizeFor(1280, 720, 700_000));
        assertArrayEquals(new int[] {640, 360}, ResolutionLadder.sizeFor(1280, 720, 300_000));
        assertArrayEquals(new int[] {480, 270}, ResolutionLadder.sizeFor(1280, 720, 150_000));
        assertArrayEquals(new int[] {320, 180}, ResolutionLadder.sizeFor(1280, 720, 50_000));
    }

    @Test
    void smallSourcesAreNeverScaledUp_andBigOnesNeedTheBitrate() {
        assertArrayEquals(new int[] {320, 240}, ResolutionLadder.sizeFor(320, 240, 5_000_000));
        assertArrayEquals(new int[] {1920, 1080}, ResolutionLadder.sizeFor(1920, 1080, 2_500_000));
        assertArrayEquals(new int[] {960, 540}, ResolutionLadder.sizeFor(1920, 1080, 1_000_000));
    }

    @Test
    void aBitrateWobblingUnderAFloor_keepsTheSize_untilItFallsWellBelow() {
        long hd = 1280 * 720;
        assertArrayEquals(new int[] {1280, 720}, ResolutionLadder.sizeFor(1280, 720, 800_000, hd));
        assertArrayEquals(new int[] {960, 540}, ResolutionLadder.sizeFor(1280, 720, 600_000, hd));
        assertArrayEquals(new int[] {960, 540}, ResolutionLadder.sizeFor(1280, 720, 800_000, 960 * 540),
                "going up needs the step's own floor");
    }

    @Test
    void eachSizeHasTheBrowsersCeiling_andBiggerPicturesGetMore() {
        assertEquals(600_000, ResolutionLadder.maxBitrate(320, 240));
        assertEquals(1_700_000, ResolutionLadder.maxBitrate(640, 480));
        assertEquals(2_000_000, ResolutionLadder.maxBitrate(960, 540));
        assertEquals(2_500_000, ResolutionLadder.maxBitrate(1280, 720));
        assertEquals(ResolutionLadder.TOP_CEILING, ResolutionLadder.maxBitrate(1920, 1080));
        assertTrue(ResolutionLadder.maxBitrate(1280, 720) >= 900_000,
                "the ceiling of a size lies above the floor where the ladder first allows it");
    }

    @Test
    void oddSizesComeOutEven() {
        int[] size = ResolutionLadder.sizeFor(1279, 719, 300_000);
        assertEquals(0, size[0] % 2);
        assertEquals(0, size[1] % 2);
    }

    @Test
    void theScaledPatternStaysCloseToTheSourceScaledByTheEncoderWouldSee() {
        TestPattern pattern = new TestPattern(1280, 720);
        VideoFrame source = pattern.frame(12, 0);
        VideoFrame half = FrameScaler.scale(source, 640, 360);
        assertEquals(640, half.width());
        assertEquals(360, half.height());
        // Scaled back up by the same filter, a smooth pattern must come back close to where it was.
        VideoFrame quarter = FrameScaler.scale(source, 320, 180);
        VideoFrame halfOfHalf = FrameScaler.scale(half, 320, 180);
        double psnr = VideoQuality.psnr(quarter, halfOfHalf);
        assertTrue(psnr > 25, "two routes to the same size agree: " + psnr + " dB");
        assertTrue(FrameScaler.scale(source, 1280, 720) == source, "no work at the same size");
    }
}
