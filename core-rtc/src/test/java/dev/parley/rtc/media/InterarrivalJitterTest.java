package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.rtc.rtp.RtpPacket;
import org.junit.jupiter.api.Test;

/** Interarrival jitter (RFC 3550 §6.4.1, A.8) through {@link RtpReceiveStatistics}. */
class InterarrivalJitterTest {
    private static final long SSRC = 42;
    private static final long MS = 1_000_000L;

    private static RtpPacket packet(int seq, long timestamp) {
        return RtpPacket.builder().ssrc(SSRC).sequenceNumber(seq & 0xFFFF).timestamp(timestamp & 0xFFFF_FFFFL).build();
    }

    @Test
    void constantTransitMeansNoJitter() {
        RtpReceiveStatistics stats = new RtpReceiveStatistics(SSRC, 8000);
        long offset = 123_456_789_000L; // arrival clock with an arbitrary origin
        for (int i = 0; i < 100; i++) {
            stats.onRtp(packet(i, 160L * i), offset + 20 * MS * i + 30 * MS);
        }
        assertEquals(0.0, stats.jitterTimestampUnits());
        assertEquals(0, stats.reportBlock(0).jitter());
    }

    @Test
    void constantTransitAcrossTheTimestampWrapMeansNoJitter() {
        RtpReceiveStatistics stats = new RtpReceiveStatistics(SSRC, 90000);
        long start = 0xFFFF_FFFFL - 1800 * 5;
        for (int i = 0; i < 12; i++) { // 1800 ticks of 90 kHz every 20 ms
            stats.onRtp(packet(i, start + 1800L * i), 1000 * MS + 20 * MS * i);
        }
        assertEquals(0.0, stats.jitterTimestampUnits(), 1e-9);
    }

    @Test
    void alternatingDelayConvergesToTheRfcFormula() {
        int rate = 8000;
        RtpReceiveStatistics stats = new RtpReceiveStatistics(SSRC, rate);
        double expected = 0;
        double previousTransit = 0;
        for (int i = 0; i < 300; i++) {
            long sentNanos = 20 * MS * i;
            long delayNanos = i % 2 == 0 ? 10 * MS : 35 * MS;
            long timestamp = 160L * i;
            long arrivalNanos = sentNanos + delayNanos;
            stats.onRtp(packet(i, timestamp), arrivalNanos);

            // RFC 3550 §6.4.1 with absolute transit times: J += (|D| - J) / 16.
            double transit = arrivalNanos * (double) rate / 1e9 - timestamp;
            if (i > 0) {
                expected += (Math.abs(transit - previousTransit) - expected) / 16;
            }
            previousTransit = transit;
        }
        assertEquals(expected, stats.jitterTimestampUnits(), 1e-6);
        // |D| is always 25 ms = 200 units, so after 300 packets J has converged to 200.
        assertEquals(200, stats.jitterTimestampUnits(), 1e-3);
        assertEquals(0.025, stats.jitterSeconds(), 1e-6);
        assertEquals(199, stats.reportBlock(0).jitter(), "the block carries the estimate rounded down");
    }

    @Test
    void firstPacketsGiveTheTextbookSequence() {
        RtpReceiveStatistics stats = new RtpReceiveStatistics(SSRC, 1000); // 1 unit = 1 ms
        stats.onRtp(packet(0, 0), 0);
        stats.onRtp(packet(1, 20), 36 * MS); // D = 36 - 20 = 16 → J = 1
        assertEquals(1.0, stats.jitterTimestampUnits(), 1e-12);
        stats.onRtp(packet(2, 40), 40 * MS); // D = 4 - 20 = -16 → J = 1 + (16 - 1) / 16
        assertEquals(1 + 15 / 16.0, stats.jitterTimestampUnits(), 1e-12);
    }

    @Test
    void packetsOfOneFrameSpreadOutDoNotCountAsJitter() {
        RtpReceiveStatistics stats = new RtpReceiveStatistics(SSRC, 90000);
        int seq = 0;
        for (int frame = 0; frame < 30; frame++) {
            long frameArrival = 33_333_333L * frame + 40 * MS;
            for (int p = 0; p < 4; p++) { // paced out 2 ms apart, all with the frame's timestamp
                stats.onRtp(packet(seq++, 3000L * frame), frameArrival + 2 * MS * p);
            }
        }
        assertEquals(0.0, stats.jitterTimestampUnits(), 0.01);
    }
}
