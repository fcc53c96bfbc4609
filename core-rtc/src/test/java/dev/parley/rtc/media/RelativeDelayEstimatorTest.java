package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Windows of video-minus-audio delay samples on a synthetic clock. */
class RelativeDelayEstimatorTest {
    private static final long MS = 1_000_000L;
    private static final long TICK = 100 * MS;

    @Test
    void noEstimate_untilAWholeWindowAfterTheSettlingTime() {
        long now = 0;
        RelativeDelayEstimator estimator = new RelativeDelayEstimator(now);
        for (; now < RelativeDelayEstimator.SETTLE_NANOS + RelativeDelayEstimator.WINDOW_NANOS; now += TICK) {
            estimator.add(50 * MS, now);
            assertTrue(estimator.estimate(now).isEmpty(), "at " + now / MS + " ms");
        }
        estimator.add(50 * MS, now);
        assertEquals(50 * MS, estimator.estimate(now).getAsLong());
    }

    @Test
    void samplesWhileSettling_doNotCount() {
        long now = 0;
        RelativeDelayEstimator estimator = new RelativeDelayEstimator(now);
        for (; now < RelativeDelayEstimator.SETTLE_NANOS; now += TICK) {
            estimator.add(400 * MS, now); // the old delay, still ramping
        }
        for (; now <= RelativeDelayEstimator.SETTLE_NANOS + RelativeDelayEstimator.WINDOW_NANOS; now += TICK) {
            estimator.add(30 * MS, now);
        }
        assertEquals(30 * MS, estimator.estimate(now).getAsLong());
    }

    @Test
    void theMedian_ignoresAPictureThatWaitedForARetransmission() {
        long now = 0;
        RelativeDelayEstimator estimator = new RelativeDelayEstimator(now);
        now = RelativeDelayEstimator.SETTLE_NANOS;
        long[] samples = {20, 22, 180, 19, 21, 20, 23, 170, 20, 21, 22};
        for (long sample : samples) {
            estimator.add(sample * MS, now);
            now += TICK;
        }
        assertEquals(21 * MS, estimator.estimate(now).getAsLong());
    }

    @Test
    void afterARestart_theOldSamplesAreGone_andImplausibleOnesAreCountedAndDropped() {
        long now = 0;
        RelativeDelayEstimator estimator = new RelativeDelayEstimator(now);
        for (; now <= 2_000 * MS; now += TICK) {
            estimator.add(100 * MS, now);
        }
        assertEquals(100 * MS, estimator.estimate(now).getAsLong());
        estimator.restart(now);
        long restarted = now;
        for (; now <= restarted + 2_000 * MS; now += TICK) {
            estimator.add(-40 * MS, now);
            estimator.add(-20_000 * MS, now); // a sender that reset its clock
        }
        assertEquals(-40 * MS, estimator.estimate(now).getAsLong());
        assertEquals(21, estimator.bogusSamples());
    }
}
