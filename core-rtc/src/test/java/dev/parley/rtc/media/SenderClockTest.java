package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RTP timestamps to the sender's NTP time, from synthetic sender reports of a known sender clock. */
class SenderClockTest {
    private static final long SECOND = 1_000_000_000L;
    /** The sender's NTP clock: its monotonic time 0 is this instant. */
    private static final Instant ORIGIN = Instant.parse("2026-11-26T14:00:00Z");
    private static final long ORIGIN_NANOS = ORIGIN.getEpochSecond() * SECOND;
    private final NtpClock ntp = new NtpClock(0, ORIGIN);

    @Test
    void beforeAnyReport_nothingIsKnown() {
        SenderClock clock = new SenderClock(90_000);
        assertFalse(clock.known());
        assertTrue(clock.senderNanos(1234).isEmpty());
    }

    @Test
    void oneReport_mapsWithTheNominalRate_eitherSideOfIt() {
        SenderClock clock = new SenderClock(48_000);
        clock.onSenderReport(ntp.ntpTimestamp(10 * SECOND), 1_000_000);
        assertEquals(ORIGIN_NANOS + 11 * SECOND, clock.senderNanos(1_048_000).getAsLong(), 1_000);
        assertEquals(ORIGIN_NANOS + 9_500_000_000L, clock.senderNanos(1_000_000 - 24_000).getAsLong(), 1_000);
    }

    @Test
    void twoReports_giveTheSendersActualRate_acrossTheTimestampWrap() {
        SenderClock clock = new SenderClock(90_000);
        double rate = 90_000 * 1.0002; // a crystal 200 ppm fast
        long start = 0xFFFF_FFFFL - 200_000; // wraps between the reports
        clock.onSenderReport(ntp.ntpTimestamp(0), start);
        clock.onSenderReport(ntp.ntpTimestamp(5 * SECOND), (start + Math.round(5 * rate)) & 0xFFFF_FFFFL);
        assertEquals(rate, clock.clockRateHz(), 0.01);
        long tenSecondsIn = (start + Math.round(10 * rate)) & 0xFFFF_FFFFL;
        // with the nominal rate this would be off by 2 ms
        assertEquals(ORIGIN_NANOS + 10 * SECOND, clock.senderNanos(tenSecondsIn).getAsLong(), 50_000);
    }

    @Test
    void aSenderThatRestartedItsTimestamps_isMappedFromItsNewestReport_atTheNominalRate() {
        SenderClock clock = new SenderClock(90_000);
        clock.onSenderReport(ntp.ntpTimestamp(0), 5_000);
        clock.onSenderReport(ntp.ntpTimestamp(SECOND), 3_000_000_000L); // not 95_000: a new timeline
        assertEquals(90_000, clock.clockRateHz(), 1e-6);
        assertEquals(ORIGIN_NANOS + 2 * SECOND, clock.senderNanos(3_000_090_000L).getAsLong(), 1_000);
    }

    @Test
    void aReorderedOlderReport_isIgnored() {
        SenderClock clock = new SenderClock(90_000);
        clock.onSenderReport(ntp.ntpTimestamp(2 * SECOND), 180_000);
        clock.onSenderReport(ntp.ntpTimestamp(SECOND), 999); // older, and inconsistent
        assertEquals(ORIGIN_NANOS + 3 * SECOND, clock.senderNanos(270_000).getAsLong(), 1_000);
    }

    @Test
    void theReceiveStatisticsKeepTheClockOfTheirSsrcsReports() {
        RtpReceiveStatistics stats = new RtpReceiveStatistics(42, 90_000);
        stats.onSenderReport(new dev.parley.rtc.rtp.SenderReport(42, ntp.ntpTimestamp(SECOND), 90_000, 1, 100,
                java.util.List.of()), 0);
        assertEquals(ORIGIN_NANOS + 2 * SECOND, stats.senderClock().senderNanos(180_000).getAsLong(), 1_000);
    }
}
