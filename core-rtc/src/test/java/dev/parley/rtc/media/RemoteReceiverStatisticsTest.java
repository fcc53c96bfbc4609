package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.net.VirtualClock;
import dev.parley.rtc.rtp.ReportBlock;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.rtp.SenderReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the peer's report blocks tell about our stream, and the round-trip time (RFC 3550 §6.4.1). */
class RemoteReceiverStatisticsTest {
    private static final long OUR_SSRC = 0xAAAA_0001L;

    @Test
    void roundTripTimeFromOurSenderReportEchoedAfterAKnownHold() {
        VirtualClock clock = new VirtualClock();
        SerialExecutor executor = clock.newSerialExecutor("us");
        clock.advance(Duration.ofMillis(1234));
        NtpClock ours = new NtpClock(executor.nanoTime(), Instant.parse("2025-03-01T12:00:00Z"));
        RtpReceiveStatistics peer = new RtpReceiveStatistics(OUR_SSRC, 48000); // the peer's view of our stream
        RemoteReceiverStatistics reports = new RemoteReceiverStatistics(OUR_SSRC, 48000);
        Duration oneWay = Duration.ofMillis(37);
        Duration hold = Duration.ofMillis(412);

        peer.onRtp(RtpPacket.builder().ssrc(OUR_SSRC).sequenceNumber(1).build(), clock.nanoTime());
        SenderReport sr = new SenderReport(OUR_SSRC, ours.ntpTimestamp(clock.nanoTime()), 0, 1, 0, List.of());
        clock.advance(oneWay);
        peer.onSenderReport(sr, clock.nanoTime());
        clock.advance(hold);
        ReportBlock block = peer.reportBlock(clock.nanoTime());
        clock.advance(oneWay);
        reports.onReportBlock(block, ours.middle32(clock.nanoTime()));

        assertEquals(0.074, reports.roundTripTime(), 0.001);
        assertEquals(0.074, reports.totalRoundTripTime(), 0.001);
        assertEquals(1, reports.roundTripTimeMeasurements());
        assertEquals(hold.toNanos() * 65536 / 1_000_000_000L, block.delaySinceLastSenderReport());
    }

    @Test
    void lossAndJitterAreTheLastBlocksAndRoundTripsAddUp() {
        RemoteReceiverStatistics reports = new RemoteReceiverStatistics(OUR_SSRC, 90000);
        assertTrue(Double.isNaN(reports.roundTripTime()));

        reports.onReportBlock(new ReportBlock(OUR_SSRC, 64, 5, 1000, 900, 0x0001_0000L, 0x0000_8000L), 0x0001_C000L);
        reports.onReportBlock(new ReportBlock(OUR_SSRC, 0, -2, 1100, 1800, 0x0002_0000L, 0), 0x0002_4000L);

        assertEquals(0.0, reports.fractionLost());
        assertEquals(-2, reports.packetsLost());
        assertEquals(0.02, reports.jitterSeconds(), 1e-12);
        assertEquals(1100, reports.extendedHighestSequence());
        assertEquals(0.25, reports.roundTripTime());
        assertEquals(0.5, reports.totalRoundTripTime());
        assertEquals(2, reports.roundTripTimeMeasurements());
        assertEquals(2, reports.reportsReceived());
    }

    @Test
    void blocksWithoutLsrOrWithABogusDlsrMeasureNothing() {
        RemoteReceiverStatistics reports = new RemoteReceiverStatistics(OUR_SSRC, 90000);
        reports.onReportBlock(new ReportBlock(OUR_SSRC, 128, 3, 10, 0, 0, 0), 0x0005_0000L);
        reports.onReportBlock(new ReportBlock(OUR_SSRC, 0, 3, 10, 0, 0x0004_0000L, 0x0003_0000L), 0x0005_0000L);

        assertEquals(0, reports.roundTripTimeMeasurements());
        assertEquals(1, reports.roundTripTimesRejected());
        assertEquals(2, reports.reportsReceived());
        assertEquals(0.0, reports.fractionLost(), "the last block's figures are kept all the same");
        assertThrows(IllegalArgumentException.class,
                () -> reports.onReportBlock(new ReportBlock(OUR_SSRC + 1, 0, 0, 0, 0, 0, 0), 0));
    }
}
