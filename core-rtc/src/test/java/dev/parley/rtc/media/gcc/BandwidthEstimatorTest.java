package dev.parley.rtc.media.gcc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BandwidthEstimatorTest {
    private final List<Long> targets = new ArrayList<>();
    private final BandwidthEstimator estimator = new BandwidthEstimator(
            new BandwidthEstimator.Settings(1_000_000, 30_000, 20_000_000), targets::add);

    @Test
    void aReceiverEstimateCapsTheTargetAtOnce() {
        estimator.onReceiverEstimate(400_000);
        assertEquals(400_000, estimator.targetBitrateBps());
        assertEquals(List.of(400_000L), targets);
    }

    @Test
    void aReceiverEstimateAboveTheTargetChangesNothing_andNonsenseIsIgnored() {
        estimator.onReceiverEstimate(5_000_000);
        estimator.onReceiverEstimate(0);
        estimator.onReceiverEstimate(-7);
        assertEquals(1_000_000, estimator.targetBitrateBps());
        assertEquals(List.of(), targets);
    }

    @Test
    void theTargetNeverGoesUnderTheMinimum() {
        estimator.onReceiverEstimate(1_000);
        assertEquals(30_000, estimator.targetBitrateBps());
    }
}
