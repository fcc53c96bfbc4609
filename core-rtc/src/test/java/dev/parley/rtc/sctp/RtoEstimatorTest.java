package dev.parley.rtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** RFC 9260 §6.3.1 (C1–C7) and §6.3.3 E2, against numbers worked out by hand. */
class RtoEstimatorTest {
    private static final long MS = 1_000_000L;

    @Test
    void beforeAnyMeasurementTheRtoIsRtoInitialAndThereIsNoSrtt() {
        RtoEstimator rto = new RtoEstimator();
        assertEquals(1000 * MS, rto.rtoNanos());
        assertEquals(OptionalLong.empty(), rto.srttNanos());
    }

    @Test
    void followsTheSection631FormulasMeasurementByMeasurement() {
        RtoEstimator rto = new RtoEstimator(1000 * MS, 100 * MS, 60_000 * MS);
        // C2: R = 100 ms -> SRTT 100, RTTVAR 50, RTO = 100 + 4*50 = 300
        rto.onRttMeasurement(100 * MS);
        assertEquals(100 * MS, rto.srttNanos().getAsLong());
        assertEquals(50 * MS, rto.rttvarNanos().getAsLong());
        assertEquals(300 * MS, rto.rtoNanos());
        // C3: R' = 200 -> RTTVAR = 3/4*50 + 1/4*|100-200| = 62.5; SRTT = 7/8*100 + 1/8*200 = 112.5;
        // RTO = 112.5 + 250 = 362.5
        rto.onRttMeasurement(200 * MS);
        assertEquals(62_500_000L, rto.rttvarNanos().getAsLong());
        assertEquals(112_500_000L, rto.srttNanos().getAsLong());
        assertEquals(362_500_000L, rto.rtoNanos());
        // R' = 100 -> RTTVAR = 3/4*62.5 + 1/4*12.5 = 50; SRTT = 7/8*112.5 + 1/8*100 = 110.9375;
        // RTO = 110.9375 + 200 = 310.9375
        rto.onRttMeasurement(100 * MS);
        assertEquals(50 * MS, rto.rttvarNanos().getAsLong());
        assertEquals(110_937_500L, rto.srttNanos().getAsLong());
        assertEquals(310_937_500L, rto.rtoNanos());
    }

    @Test
    void aVarianceThatDecaysTowardsZeroCountsAsTheClockGranularity() {
        RtoEstimator rto = new RtoEstimator(1000 * MS, 100 * MS, 60_000 * MS);
        for (int i = 0; i < 200; i++) {
            rto.onRttMeasurement(100 * MS);
        }
        assertTrue(4 * rto.rttvarNanos().getAsLong() < RtoEstimator.GRANULARITY_NANOS);
        assertEquals(100 * MS + RtoEstimator.GRANULARITY_NANOS, rto.rtoNanos());
    }

    @Test
    void rtoIsRoundedUpToRtoMinAndDownToRtoMax() {
        RtoEstimator rto = new RtoEstimator();
        rto.onRttMeasurement(10 * MS); // 10 + 4*5 = 30 ms -> RTO.Min 400 ms (C6)
        assertEquals(RtoEstimator.DEFAULT_MIN_NANOS, rto.rtoNanos());

        RtoEstimator slow = new RtoEstimator();
        slow.onRttMeasurement(30_000 * MS); // 30 s + 4*15 s = 90 s -> RTO.Max 60 s (C7)
        assertEquals(RtoEstimator.DEFAULT_MAX_NANOS, slow.rtoNanos());
    }

    @Test
    void t3ExpiryDoublesTheRtoUpToRtoMax() {
        RtoEstimator rto = new RtoEstimator();
        long[] expected = {2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000};
        for (long ms : expected) {
            rto.backOff();
            assertEquals(ms * MS, rto.rtoNanos());
        }
    }

    @Test
    void aMeasurementAfterBackOffRecomputesTheRtoFromSrttAndRttvar() {
        RtoEstimator rto = new RtoEstimator(1000 * MS, 100 * MS, 60_000 * MS);
        rto.onRttMeasurement(100 * MS);
        rto.backOff();
        rto.backOff();
        assertEquals(1200 * MS, rto.rtoNanos());
        rto.onRttMeasurement(100 * MS); // RTTVAR 37.5, SRTT 100 -> 250 ms
        assertEquals(250 * MS, rto.rtoNanos());
    }

    @Test
    void rejectsInconsistentBounds() {
        assertThrows(IllegalArgumentException.class, () -> new RtoEstimator(100 * MS, 200 * MS, 60_000 * MS));
        assertThrows(IllegalArgumentException.class, () -> new RtoEstimator(1000 * MS, 200 * MS, 100 * MS));
        assertTrue(new RtoEstimator(200 * MS, 200 * MS, 200 * MS).rtoNanos() > 0);
    }
}
