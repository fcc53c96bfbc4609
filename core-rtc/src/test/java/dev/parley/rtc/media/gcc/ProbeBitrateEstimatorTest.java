package dev.parley.rtc.media.gcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.interceptor.twcc.PacketFeedback;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProbeBitrateEstimatorTest {
    private static final int SIZE = 1200;
    private static final long MS = 1_000_000;

    /** {@code count} packets sent every {@code sendGapMicros}, arriving every {@code arrivalGapMicros} (null: lost). */
    private static List<PacketFeedback> packets(long firstSeq, int count, long sendGapMicros, long arrivalGapMicros,
            boolean[] lost) {
        List<PacketFeedback> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long arrival = lost != null && lost[i] ? PacketFeedback.NOT_RECEIVED : 50_000 + i * arrivalGapMicros;
            list.add(new PacketFeedback(firstSeq + i, 100 * MS + i * sendGapMicros * 1000, SIZE, arrival));
        }
        return list;
    }

    private static SentProbe window(int count, long sendGapMicros) {
        return new SentProbe(new ProbeRequest(1, 1_800_000, count * SIZE), 100 * MS,
                100 * MS + (count - 1) * sendGapMicros * 1000);
    }

    /** One packet sent after the probe: feedback covering it completes the probe. */
    private static PacketFeedback after(long seq) {
        return new PacketFeedback(seq, 500 * MS, SIZE, 900_000);
    }

    @Test
    void aPathThatKeptUp_isWorthTheSendRate() {
        ProbeBitrateEstimator estimator = new ProbeBitrateEstimator();
        estimator.onProbeSent(window(10, 5_333)); // 1200 B every 5.33 ms: 1.8 Mbit/s
        List<PacketFeedback> feedback = packets(1, 10, 5_333, 5_333, null);
        assertEquals(OptionalLong.empty(), estimator.onFeedback(feedback, 200 * MS), "not judged before it is whole");
        long result = estimator.onFeedback(List.of(after(11)), 210 * MS).orElseThrow();
        assertEquals(1_800_000, result, 20_000);
    }

    @Test
    void aSaturatedPath_isWorthNinetyFivePercentOfWhatItDelivered() {
        ProbeBitrateEstimator estimator = new ProbeBitrateEstimator();
        estimator.onProbeSent(window(10, 5_333));
        List<PacketFeedback> feedback = new ArrayList<>(packets(1, 10, 5_333, 19_200, null)); // 500 kbit/s
        feedback.add(after(11));
        long result = estimator.onFeedback(feedback, 300 * MS).orElseThrow();
        assertEquals(475_000, result, 10_000);
    }

    @Test
    void aProbeMostlyLost_saysNothing_andIsCounted() {
        ProbeBitrateEstimator estimator = new ProbeBitrateEstimator();
        estimator.onProbeSent(window(10, 5_333));
        boolean[] lost = {false, true, true, false, false, true, false, false, false, false};
        List<PacketFeedback> feedback = new ArrayList<>(packets(1, 10, 5_333, 5_333, lost));
        feedback.add(after(11));
        assertEquals(OptionalLong.empty(), estimator.onFeedback(feedback, 300 * MS));
        assertEquals(1, estimator.probesUnusable());
    }

    @Test
    void aProbeWhoseFeedbackNeverCompletes_isDroppedAfterTwoSeconds() {
        ProbeBitrateEstimator estimator = new ProbeBitrateEstimator();
        estimator.onProbeSent(window(10, 5_333));
        estimator.onFeedback(packets(1, 3, 5_333, 5_333, null), 200 * MS);
        assertEquals(OptionalLong.empty(), estimator.onFeedback(List.of(), 3_000 * MS));
        assertEquals(1, estimator.probesUnusable());
        assertTrue(estimator.onFeedback(List.of(after(11)), 3_100 * MS).isEmpty(), "gone for good");
    }

    @Test
    void arrivalsMuchFasterThanTheSending_areNoMeasurement() {
        ProbeBitrateEstimator estimator = new ProbeBitrateEstimator();
        estimator.onProbeSent(window(10, 5_333));
        List<PacketFeedback> feedback = new ArrayList<>(packets(1, 10, 5_333, 1_000, null)); // "9.6 Mbit/s"
        feedback.add(after(11));
        assertEquals(OptionalLong.empty(), estimator.onFeedback(feedback, 300 * MS));
        assertEquals(1, estimator.probesUnusable());
    }
}
