package dev.parley.media.processing;

import static dev.parley.media.processing.ProcessingRun.RATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The delay estimator finds a room's onset within a millisecond and follows a change within 1.5 s. */
class DelayEstimatorTest {
    @ParameterizedTest(name = "seed {0}: {1} ms room, delay {2} -> {3} ms")
    @CsvSource({"71, 100, 25, 140", "72, 250, 180, 15", "73, 50, 300, 120"})
    void findsTheDelayAndFollowsAChange(long seed, int roomMillis, int before, int after) {
        int samples = 7 * RATE;
        int change = 4 * RATE;
        float[] far = SyntheticSpeech.generate(seed, samples, -20);
        float[] h = SimulatedRoom.impulseResponse(seed + 100, roomMillis, 3);
        float[] mic = ProcessingRun.sum(SimulatedRoom.echo(far, h, before * RATE / 1000, change, after * RATE / 1000),
                ProcessingRun.whiteNoise(seed + 200, samples, -60));
        DelayEstimator estimator = new DelayEstimator(480);
        float[] farFrame = new float[480];
        float[] micFrame = new float[480];
        double foundAt = -1;
        for (int f = 0; f < samples / 480; f++) {
            System.arraycopy(far, f * 480, farFrame, 0, 480);
            System.arraycopy(mic, f * 480, micFrame, 0, 480);
            estimator.process(farFrame, micFrame, 480);
            double millis = estimator.delaySamples() * 1000.0 / RATE;
            if (f * 480 == change - 480) {
                assertEquals(before, millis, 1.0, "before the change");
            }
            if (f * 480 >= change && foundAt < 0 && Math.abs(millis - after) <= 1) {
                foundAt = (f * 480.0 - change) / RATE;
            }
        }
        System.out.printf("seed %d: new delay found %.2f s after the change%n", seed, foundAt);
        assertTrue(foundAt >= 0 && foundAt <= 1.5, "the new delay was found " + foundAt + " s after the change");
        assertEquals(after, estimator.delaySamples() * 1000.0 / RATE, 1.0, "at the end");
    }
}
