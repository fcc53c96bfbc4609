package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.VideoFrame;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TestPatternTest {

    @ParameterizedTest
    @CsvSource({"320,180", "321,241", "640,480", "1280,720", "1920,1080"})
    void theStampReadsBack_atEverySize(int width, int height) {
        TestPattern pattern = new TestPattern(width, height);
        for (long n : new long[] {0, 1, 29, 0xFFFF_FFFFL}) {
            long time = 0x7123_4567_89AB_CDEFL ^ n;
            VideoFrame frame = pattern.frame(n, time);
            assertEquals(width, frame.width());
            assertEquals(height, frame.height());
            assertEquals(time, frame.captureTimeNanos());
            assertEquals(Optional.of(new TestPattern.Stamp(n, time)), pattern.read(frame));
        }
        assertTrue(pattern.markerBandHeight() <= height / 3, "band " + pattern.markerBandHeight());
    }

    @Test
    void nextFrameNumbersFramesInSequence_andEachPictureIsReproducible() {
        TestPattern pattern = new TestPattern(640, 360);
        for (int n = 0; n < 5; n++) {
            VideoFrame frame = pattern.nextFrame(1000L * n);
            assertEquals(n, pattern.read(frame).orElseThrow().frameNumber());
            assertEquals(VideoQuality.IDENTICAL_PSNR, VideoQuality.psnr(frame, pattern.frame(n, 1000L * n)));
        }
    }

    @Test
    void thePictureMovesFromFrameToFrame() {
        TestPattern pattern = new TestPattern(640, 360);
        VideoFrame first = pattern.frame(10, 0);
        VideoFrame second = pattern.frame(11, 0);
        double psnr = VideoQuality.psnr(first, second);
        assertTrue(psnr < 30, "consecutive frames should differ visibly, PSNR " + psnr);
        assertNotEquals(pattern.frame(10, 0).dataU(), pattern.frame(11, 0).dataU(), "chroma moves too");
    }

    @Test
    void theStampSurvivesCodecLikeNoise() {
        TestPattern pattern = new TestPattern(1280, 720);
        VideoFrame clean = pattern.frame(12345, 987_654_321_000L);
        VideoFrame noisy = withLumaNoise(clean, 40, new Random(7));
        assertTrue(VideoQuality.psnr(clean, noisy) < 30);
        assertEquals(Optional.of(new TestPattern.Stamp(12345, 987_654_321_000L)), pattern.read(noisy));
    }

    @Test
    void aDamagedBandOrAnotherPictureReadsAsNothing() {
        TestPattern pattern = new TestPattern(640, 480);
        VideoFrame frame = pattern.frame(7, 7);
        byte[] y = copy(frame.dataY());
        // invert the first marker block: one bit flips, the CRC must catch it
        for (int row = 16; row < 32; row++) {
            for (int col = 16; col < 32; col++) {
                y[row * 640 + col] = (byte) (251 - (y[row * 640 + col] & 0xFF));
            }
        }
        VideoFrame damaged = new VideoFrame(640, 480, y, 640, copy(frame.dataU()), 320, copy(frame.dataV()), 320, 0, 7);
        assertEquals(Optional.empty(), pattern.read(damaged));
        assertEquals(Optional.empty(), pattern.read(VideoFrame.black(640, 480, 0, 0)));
        assertEquals(Optional.empty(), pattern.read(new TestPattern(1280, 720).frame(7, 7)), "another size");
    }

    @Test
    void aScaledDownCopyStillReads_asASenderAdaptingToItsBitrateSendsIt() {
        TestPattern pattern = new TestPattern(1280, 720);
        VideoFrame source = pattern.frame(4242, 987_654_321L);
        for (int[] size : new int[][] {{960, 540}, {640, 360}}) {
            VideoFrame scaled = FrameScaler.scale(source, size[0], size[1]);
            assertEquals(Optional.of(new TestPattern.Stamp(4242, 987_654_321L)), pattern.read(scaled),
                    size[0] + "x" + size[1]);
        }
        assertEquals(Optional.empty(), pattern.read(VideoFrame.black(640, 480, 0, 0)), "another shape");
    }

    @Test
    void rejectsSizesTheBandCannotFitAndNumbersBeyond32Bits() {
        assertThrows(IllegalArgumentException.class, () -> new TestPattern(319, 240));
        assertThrows(IllegalArgumentException.class, () -> new TestPattern(640, 179));
        assertThrows(IllegalArgumentException.class, () -> new TestPattern(VideoFrame.MAX_DIMENSION + 1, 480));
        TestPattern pattern = new TestPattern(320, 180);
        assertThrows(IllegalArgumentException.class, () -> pattern.frame(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> pattern.frame(1L << 32, 0));
    }

    private static VideoFrame withLumaNoise(VideoFrame frame, int amplitude, Random random) {
        byte[] y = copy(frame.dataY());
        for (int i = 0; i < y.length; i++) {
            int value = (y[i] & 0xFF) + random.nextInt(2 * amplitude + 1) - amplitude;
            y[i] = (byte) Math.max(0, Math.min(255, value));
        }
        return new VideoFrame(frame.width(), frame.height(), y, frame.strideY(), copy(frame.dataU()), frame.strideU(),
                copy(frame.dataV()), frame.strideV(), 0, frame.captureTimeNanos());
    }

    private static byte[] copy(ByteBuffer plane) {
        byte[] bytes = new byte[plane.remaining()];
        plane.get(bytes);
        return bytes;
    }
}
