package dev.parley.rtc.interceptor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.interceptor.InterceptorContext;
import dev.parley.rtc.interceptor.StreamInfo;
import dev.parley.rtc.media.NtpClock;
import dev.parley.rtc.net.RealNet;
import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.net.VirtualClock;
import dev.parley.rtc.rtp.RtcpPacket;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.rtp.SenderReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The report interceptor alone: what it ignores, its stats, its timer's life and closing. */
class ReportInterceptorTest {
    private static final Instant WALL = Instant.parse("2025-06-01T08:00:00Z");
    private static final StreamInfo LOCAL = new StreamInfo(0x1111, 111, 48000, "0", "audio", "me", false);
    private static final StreamInfo REMOTE = new StreamInfo(0x2222, 111, 48000, "0", "audio", "them", false);

    private final VirtualClock clock = new VirtualClock();
    private final SerialExecutor executor = clock.newSerialExecutor("pc");
    private final List<List<RtcpPacket>> written = new ArrayList<>();
    private final ReportInterceptor reports = new ReportInterceptor(
            new InterceptorContext(executor, written::add, rtp -> {}, Clock.fixed(WALL, ZoneOffset.UTC), new Random(3)),
            ReportInterceptor.DEFAULT_INTERVAL, "me");

    private static RtpPacket packet(long ssrc, int seq) {
        return RtpPacket.builder().ssrc(ssrc).sequenceNumber(seq).timestamp(960L * seq).payload(new byte[50]).build();
    }

    private RtpStatsSnapshot stats() {
        CompletableFuture<RtpStatsSnapshot> future = reports.stats();
        clock.runPending();
        return future.join();
    }

    @Test
    void packetsAndSenderReportsOfUnboundSsrcsAreCountedAndOtherwiseIgnored() {
        reports.bindRemoteStream(REMOTE);
        reports.onIncomingRtp(packet(0x3333, 1), 0);
        reports.onIncomingRtcp(List.of(new SenderReport(0x3333, 1L << 32, 0, 1, 1, List.of())), 0);

        RtpStatsSnapshot stats = stats();
        assertEquals(1, stats.rtpFromUnboundSsrc());
        assertEquals(1, stats.senderReportsFromUnboundSsrc());
        assertTrue(stats.inbound().isEmpty() && stats.remoteOutbound().isEmpty());
        clock.advance(Duration.ofSeconds(5));
        assertTrue(written.isEmpty(), "no bound stream carried a packet: nothing to report");
    }

    @Test
    void thePeersSenderReportBecomesRemoteOutboundStats() {
        reports.bindRemoteStream(REMOTE);
        long ntp = new NtpClock(0, Instant.parse("2025-06-01T07:59:58.5Z")).ntpTimestamp(0);
        reports.onIncomingRtcp(List.of(new SenderReport(0x2222, ntp, 1234, 77, 7700, List.of())), 10);
        reports.onIncomingRtcp(List.of(new SenderReport(0x2222, ntp + (1L << 32), 49234, 127, 12700, List.of())), 20);

        RemoteOutboundStats remote = stats().remoteOutbound().get(0x2222L);
        assertEquals(127, remote.packetsSent());
        assertEquals(12700, remote.bytesSent());
        assertEquals(Instant.parse("2025-06-01T07:59:59.5Z"), remote.remoteTimestamp());
        assertEquals(2, remote.reportsSent());
        assertEquals("audio", remote.kind());
    }

    @Test
    void inboundAndOutboundStatsCarryTheStreamsIdentityAndWallClockTimes() {
        reports.bindLocalStream(LOCAL);
        reports.bindRemoteStream(REMOTE);
        clock.advance(Duration.ofMillis(1500));
        reports.onOutgoingRtp(packet(0x1111, 1), clock.nanoTime());
        clock.advance(Duration.ofMillis(10));
        reports.onIncomingRtp(packet(0x2222, 1), clock.nanoTime());

        RtpStatsSnapshot stats = stats();
        OutboundStreamStats out = stats.outbound().get(0x1111L);
        assertEquals(new OutboundStreamStats(0x1111, "audio", "0", 111, 1, 50, 12, WALL.plusMillis(1500)), out);
        InboundStreamStats in = stats.inbound().get(0x2222L);
        assertEquals(new InboundStreamStats(0x2222, "audio", "0", 111, 1, 50, 12, 0, 0.0, WALL.plusMillis(1510)), in);
        assertEquals(WALL.plusMillis(1510), stats.timestamp());
    }

    @Test
    void reportingStopsWhenEveryStreamIsUnboundAndStartsAgainWithTheNextPacket() {
        reports.bindLocalStream(LOCAL);
        reports.onOutgoingRtp(packet(0x1111, 1), clock.nanoTime());
        clock.advance(Duration.ofSeconds(3));
        int before = written.size();
        assertTrue(before >= 2, before + " reports");

        reports.unbindLocalStream(LOCAL);
        clock.advance(Duration.ofSeconds(2)); // at most the one report already due fires and finds nothing
        clock.advance(Duration.ofSeconds(10));
        assertEquals(before, written.size());
        assertEquals(0, clock.pendingEvents(), "no timer left");

        reports.bindLocalStream(LOCAL);
        reports.onOutgoingRtp(packet(0x1111, 2), clock.nanoTime());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(before + 1, written.size(), "a fresh first report within half an interval × 1.5");
    }

    @Test
    void closeStopsReportingAndKeepsTheLastFigures() {
        reports.bindLocalStream(LOCAL);
        reports.onOutgoingRtp(packet(0x1111, 1), 0);
        clock.advance(Duration.ofSeconds(2));
        int before = written.size();

        executor.execute(reports::close);
        clock.runPending();
        reports.onOutgoingRtp(packet(0x1111, 2), clock.nanoTime());
        clock.advance(Duration.ofSeconds(5));

        assertEquals(before, written.size());
        CompletableFuture<RtpStatsSnapshot> after = reports.stats();
        assertTrue(after.isDone(), "answered at once after close, without the executor");
        assertEquals(1, after.join().outbound().get(0x1111L).packetsSent());
    }

    @Test
    void statsAreSafeToAskForFromAnotherThread() throws Exception {
        try (RealNet net = new RealNet()) {
            SerialExecutor real = net.newSerialExecutor("pc-real");
            ReportInterceptor onThread = new ReportInterceptor(
                    new InterceptorContext(real, packets -> {}, rtp -> {}, Clock.systemUTC(), new Random(1)), Duration.ofSeconds(1), "me");
            CountDownLatch fed = new CountDownLatch(1);
            real.execute(() -> {
                onThread.bindRemoteStream(REMOTE);
                for (int seq = 0; seq < 1000; seq++) {
                    if (seq % 10 != 3) {
                        onThread.onIncomingRtp(packet(0x2222, seq), real.nanoTime());
                    }
                }
                fed.countDown();
            });
            assertTrue(fed.await(10, TimeUnit.SECONDS));

            InboundStreamStats in = onThread.stats().get(10, TimeUnit.SECONDS).inbound().get(0x2222L);
            assertEquals(900, in.packetsReceived());
            assertEquals(100, in.packetsLost(), "3, 13, … 993 dropped: 1000 expected, 900 received");
            real.close();
        }
    }

    @Test
    void aCnameThatSdesCannotCarryIsRefused() {
        InterceptorContext context = new InterceptorContext(executor, p -> {}, rtp -> {}, Clock.systemUTC(), new Random(1));
        assertThrows(IllegalArgumentException.class, () -> new ReportInterceptor(context, Duration.ofSeconds(1), ""));
        assertThrows(IllegalArgumentException.class,
                () -> new ReportInterceptor(context, Duration.ofSeconds(1), "x".repeat(256)));
        assertThrows(IllegalArgumentException.class, () -> new ReportInterceptor(context, Duration.ZERO, "me"));
    }
}
