package dev.parley.media.processing;

import static dev.parley.media.processing.AudioProcessing.FRAME_SAMPLES;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fuzz-like robustness: extreme and random inputs on both sides, with the stages switched at
 * random, never throw, never report nonsense, and never wrap around (a full-scale input comes out
 * with its sign, limited rather than overflowed).
 */
class AudioProcessingRobustnessTest {
    private static final int LIMIT = (int) Math.ceil(AutomaticGainControl.LIMIT * 32768);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void randomAndExtremeFramesNeverBreakIt(long seed) {
        Random random = new Random(seed);
        AudioProcessing processing = new AudioProcessing(AudioProcessingConfig.DEFAULT);
        short[] frame = new short[FRAME_SAMPLES];
        short[] far = new short[FRAME_SAMPLES];
        int phase = 0;
        for (int f = 0; f < 3000; f++) {
            if (f % 200 == 0) {
                processing.setConfig(new AudioProcessingConfig(random.nextBoolean(), random.nextBoolean(),
                        random.nextBoolean()));
            }
            int kind = f / 100 % 7;
            int renders = random.nextInt(10) == 0 ? random.nextInt(5) : 1; // bursts and gaps of playout
            for (int r = 0; r < renders; r++) {
                fill(far, (kind + 3) % 7, random, phase);
                processing.analyzeRender(far, 0);
            }
            fill(frame, kind, random, phase);
            phase += FRAME_SAMPLES;
            CaptureResult result = processing.processCapture(frame, 0);
            assertTrue(result.levelDbfs() >= -127 && result.levelDbfs() <= 0.01, "level " + result.levelDbfs());
            if (processing.config().autoGainControl()) {
                for (short s : frame) {
                    assertTrue(Math.abs(s) <= LIMIT, "frame " + f + ": sample " + s + " over the limiter");
                }
            }
            AudioProcessingStats stats = processing.stats();
            assertTrue(Double.isFinite(stats.erleDb()) && Double.isFinite(stats.echoLeak())
                    && Double.isFinite(stats.agcGainDb()), stats.toString());
            assertFalse(Double.isInfinite(stats.delayMillis()), stats.toString());
        }
    }

    @Test
    void fullScaleSquareWaveKeepsItsSignUnderTheLimiter() {
        AudioProcessing processing = new AudioProcessing(new AudioProcessingConfig(false, false, true));
        short[] frame = new short[FRAME_SAMPLES];
        for (int f = 0; f < 300; f++) {
            for (int i = 0; i < FRAME_SAMPLES; i++) {
                frame[i] = (i / 60) % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE; // 400 Hz, full scale
            }
            processing.processCapture(frame, 0);
            int latency = 192; // samples: the output lags the input by the spectral stages' 4 ms
            for (int i = 0; i < FRAME_SAMPLES; i++) {
                int source = ((i - latency) % 120 + 120) % 120; // position in the input's period
                if (f > 0 && source % 60 > 8 && source % 60 < 52) { // away from the edges
                    boolean positive = source < 60;
                    assertTrue(positive ? frame[i] > 0 : frame[i] < 0, "frame " + f + " sample " + i + ": " + frame[i]);
                }
                assertTrue(Math.abs(frame[i]) <= LIMIT, "sample " + frame[i] + " over the limiter");
            }
        }
    }

    private static void fill(short[] frame, int kind, Random random, int phase) {
        for (int i = 0; i < frame.length; i++) {
            frame[i] = switch (kind) {
                case 0 -> 0;
                case 1 -> (short) (i % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE); // alternating ±32768
                case 2 -> (short) ((phase + i) / 24 % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE); // 1 kHz square
                case 3 -> (short) random.nextInt(65536);
                case 4 -> (short) (random.nextGaussian() * 30);
                case 5 -> Short.MAX_VALUE; // DC at full scale
                default -> (short) (random.nextInt(3) - 1); // dither around zero
            };
        }
    }
}
