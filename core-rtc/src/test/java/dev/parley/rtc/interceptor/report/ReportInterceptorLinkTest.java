package dev.parley.rtc.interceptor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.interceptor.InterceptorContext;
import dev.parley.rtc.interceptor.StreamInfo;
import dev.parley.rtc.media.NtpClock;
import dev.parley.rtc.media.RtpSendStream;
import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.net.VirtualClock;
import dev.parley.rtc.rtp.ReceiverReport;
import dev.parley.rtc.rtp.ReportBlock;
import dev.parley.rtc.rtp.RtcpCompound;
import dev.parley.rtc.rtp.RtcpPacket;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.rtp.RtpParseException;
import dev.parley.rtc.rtp.SenderReport;
import dev.parley.rtc.rtp.SourceDescription;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two report interceptors back to back over a virtual link: RTP and RTCP go through bytes (RTCP
 * as an {@link RtcpCompound}, as on the wire) with a fixed one-way delay, some RTP is dropped,
 * and each side's stats must show what really happened.
 */
class ReportInterceptorLinkTest {
    private static final Duration ONE_WAY = Duration.ofMillis(30);
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final long PACKET_GAP_NANOS = 20_000_000L;
    private static final int CLOCK_RATE = 48000;
    private static final int TICKS_PER_PACKET = 960;
    private static final int PAYLOAD = 120;

    private final VirtualClock clock = new VirtualClock();

    /** One side: its executor, report interceptor and one audio stream. */
    private final class Peer {
        final SerialExecutor executor;
        final Instant wallAtStart;
        final ReportInterceptor reports;
        final StreamInfo local;
        final RtpSendStream stream;
        final List<Long> rtcpTimes = new ArrayList<>();
        final List<RtcpCompound> rtcpSent = new ArrayList<>();
        Peer other;
        int packetsToSend;
        Set<Integer> drops = Set.of();

        Peer(String name, long ssrc, Instant wall, long seed, boolean sending) {
            executor = clock.newSerialExecutor(name);
            wallAtStart = wall;
            InterceptorContext context = new InterceptorContext(executor, this::sendRtcp, rtp -> {},
                    Clock.fixed(wall, ZoneOffset.UTC), new Random(seed));
            reports = new ReportInterceptor(context, INTERVAL, name + "@example");
            local = new StreamInfo(ssrc, 111, CLOCK_RATE, "0", "audio", name + "@example", false);
            stream = new RtpSendStream(ssrc, CLOCK_RATE, new SecureRandom());
            if (sending) {
                reports.bindLocalStream(local);
            }
        }

        private void sendRtcp(List<RtcpPacket> packets) {
            RtcpCompound compound = RtcpCompound.of(packets);
            byte[] wire = compound.toBytes();
            rtcpTimes.add(clock.nanoTime());
            rtcpSent.add(compound);
            Peer to = other;
            to.executor.schedule(() -> {
                try {
                    to.reports.onIncomingRtcp(RtcpCompound.parse(wire).packets(), to.executor.nanoTime());
                } catch (RtpParseException e) {
                    throw new AssertionError("our own RTCP did not parse", e);
                }
            }, ONE_WAY.toNanos(), TimeUnit.NANOSECONDS);
        }

        /** Sends packets 0..count-1 every 20 ms from {@code startNanos}, dropping those in {@code drops} on the link. */
        void startMedia(long startNanos, int count, Set<Integer> dropped) {
            packetsToSend = count;
            drops = dropped;
            for (int i = 0; i < count; i++) {
                int index = i;
                executor.schedule(() -> sendRtp(index), startNanos + i * PACKET_GAP_NANOS - clock.nanoTime(),
                        TimeUnit.NANOSECONDS);
            }
        }

        private void sendRtp(int index) {
            RtpPacket packet = stream.packetize(111, (long) TICKS_PER_PACKET * index, false, new byte[PAYLOAD]);
            byte[] wire = reports.onOutgoingRtp(packet, executor.nanoTime()).toBytes();
            if (drops.contains(index)) {
                return;
            }
            Peer to = other;
            to.executor.schedule(() -> {
                try {
                    to.reports.onIncomingRtp(RtpPacket.parse(wire), to.executor.nanoTime());
                } catch (RtpParseException e) {
                    throw new AssertionError(e);
                }
            }, ONE_WAY.toNanos(), TimeUnit.NANOSECONDS);
        }

        RtpStatsSnapshot stats() {
            var future = reports.stats();
            clock.runPending();
            return future.join();
        }
    }

    private static void link(Peer a, Peer b) {
        a.other = b;
        b.other = a;
        if (a.reports != null && b.reports != null) {
            a.reports.bindRemoteStream(b.local);
            b.reports.bindRemoteStream(a.local);
        }
    }

    @Test
    void lossRoundTripAndSenderCountsAsEachSideSeesThem() {
        Peer a = new Peer("a", 0x0A0A_0001L, Instant.parse("2025-05-01T10:00:00Z"), 1, true);
        Peer b = new Peer("b", 0x0B0B_0002L, Instant.parse("1999-12-31T23:59:00Z"), 2, true);
        link(a, b);
        int n = 500;
        Set<Integer> aDrops = Set.of(40, 41, 42, 43, 44, 200, 333); // a burst of 5 and two singles
        Set<Integer> bDrops = Set.of(10, 400);
        long mediaStart = 100_000_000L;
        a.startMedia(mediaStart, n, aDrops);
        b.startMedia(mediaStart + 7_000_000L, n, bDrops);

        clock.advance(Duration.ofMillis(50));
        assertTrue(a.rtcpTimes.isEmpty() && b.rtcpTimes.isEmpty(), "no report before the first packet");
        clock.advance(Duration.ofSeconds(13));

        RtpStatsSnapshot aStats = a.stats();
        RtpStatsSnapshot bStats = b.stats();

        // What each receiver counted.
        InboundStreamStats bFromA = bStats.inbound().get(a.local.ssrc());
        assertEquals(n - aDrops.size(), bFromA.packetsReceived());
        assertEquals(aDrops.size(), bFromA.packetsLost());
        assertEquals((long) (n - aDrops.size()) * PAYLOAD, bFromA.bytesReceived());
        assertEquals(0.0, bFromA.jitter(), 1e-9, "a fixed delay has no jitter");
        assertEquals(bDrops.size(), aStats.inbound().get(b.local.ssrc()).packetsLost());

        // What each sender learned from the other's reports.
        RemoteInboundStats aSeenByB = aStats.remoteInbound().get(a.local.ssrc());
        assertEquals(aDrops.size(), aSeenByB.packetsLost());
        assertEquals(2 * ONE_WAY.toMillis() / 1000.0, aSeenByB.roundTripTime().orElseThrow(), 0.001);
        assertTrue(aSeenByB.roundTripTimeMeasurements() >= 10, aSeenByB.roundTripTimeMeasurements() + " RTTs");
        assertEquals(aSeenByB.roundTripTimeMeasurements() * 0.060, aSeenByB.totalRoundTripTime(),
                0.001 * aSeenByB.roundTripTimeMeasurements());
        assertEquals(0.0, aSeenByB.fractionLost(), "the last interval, after media stopped, lost nothing");
        RemoteInboundStats bSeenByA = bStats.remoteInbound().get(b.local.ssrc());
        assertEquals(bDrops.size(), bSeenByA.packetsLost());
        assertEquals(0.060, bSeenByA.roundTripTime().orElseThrow(), 0.001);

        // The burst shows in the fraction lost of the report that covered it.
        int maxFraction = b.rtcpSent.stream().flatMap(c -> blocks(c).stream())
                .mapToInt(ReportBlock::fractionLost).max().orElseThrow();
        assertTrue(maxFraction > 0, "some report of b carried the burst's fraction lost");

        // The sender's own counts, and what its SRs told the other side.
        OutboundStreamStats aOut = aStats.outbound().get(a.local.ssrc());
        assertEquals(n, aOut.packetsSent());
        assertEquals((long) n * PAYLOAD, aOut.bytesSent());
        assertEquals(n * 12L, aOut.headerBytesSent());
        RemoteOutboundStats aSrAtB = bStats.remoteOutbound().get(a.local.ssrc());
        assertEquals(n, aSrAtB.packetsSent());
        assertEquals((long) n * PAYLOAD, aSrAtB.bytesSent());
        assertEquals(countSenderReports(a), aSrAtB.reportsSent());
        assertTrue(aSrAtB.remoteTimestamp().isAfter(a.wallAtStart), "on a's clock: " + aSrAtB.remoteTimestamp());
    }

    @Test
    void senderReportsPairNtpAndRtpTimeOfTheSameInstant() {
        Peer a = new Peer("a", 0x0A0A_0001L, Instant.parse("2025-05-01T10:00:00Z"), 3, true);
        Peer b = new Peer("b", 0x0B0B_0002L, Instant.parse("2025-05-01T10:00:00Z"), 4, true);
        link(a, b);
        a.startMedia(0, 300, Set.of());
        clock.advance(Duration.ofSeconds(6));

        NtpClock aNtp = new NtpClock(0, a.wallAtStart);
        int checked = 0;
        for (int i = 0; i < a.rtcpSent.size(); i++) {
            long t = a.rtcpTimes.get(i);
            if (t > 300 * PACKET_GAP_NANOS) {
                continue; // after the last packet the extrapolation goes on, but nothing checks it here
            }
            SenderReport sr = assertInstanceOf(SenderReport.class, a.rtcpSent.get(i).packets().get(0));
            assertEquals(aNtp.ntpTimestamp(t), sr.ntpTimestamp());
            // Media time is 48 ticks per ms since t = 0, so the RTP time at t is the offset plus t in ticks.
            long expectedRtp = (a.stream.timestampOffset() + t * CLOCK_RATE / 1_000_000_000L) & 0xFFFF_FFFFL;
            assertEquals(expectedRtp, sr.rtpTimestamp(), "SR " + i + " at " + t + " ns");
            checked++;
        }
        assertTrue(checked >= 4, checked + " SRs checked");
    }

    @Test
    void everyCompoundIsValidAndSendersSwitchToReceiverReportsTwoIntervalsAfterTheirLastPacket() {
        Peer a = new Peer("a", 0x0A0A_0001L, Instant.parse("2025-05-01T10:00:00Z"), 5, true);
        Peer b = new Peer("b", 0x0B0B_0002L, Instant.parse("2025-05-01T10:00:00Z"), 6, true);
        link(a, b);
        a.startMedia(0, 100, Set.of()); // 2 s of media; b only receives
        clock.advance(Duration.ofSeconds(10));

        long lastPacket = 99 * PACKET_GAP_NANOS;
        List<Long> reportTimes = a.rtcpTimes;
        for (int i = 0; i < a.rtcpSent.size(); i++) {
            RtcpCompound compound = a.rtcpSent.get(i);
            assertTrue(compound.isValidFullCompound(), compound.toString());
            SourceDescription sdes = (SourceDescription) compound.packets().get(compound.packets().size() - 1);
            assertEquals("a@example", sdes.cname());
            boolean sentSinceSecondPrevious = i < 2 || lastPacket >= reportTimes.get(i - 2);
            RtcpPacket first = compound.packets().get(0);
            assertEquals(sentSinceSecondPrevious, first instanceof SenderReport, "report " + i + ": " + first);
        }
        assertInstanceOf(ReceiverReport.class, a.rtcpSent.get(a.rtcpSent.size() - 1).packets().get(0));
        for (RtcpCompound compound : b.rtcpSent) {
            ReceiverReport rr = assertInstanceOf(ReceiverReport.class, compound.packets().get(0));
            assertEquals(b.local.ssrc(), rr.ssrc(), "b reports from its bound (silent) stream");
            assertEquals(a.local.ssrc(), rr.reports().get(0).ssrc());
        }
    }

    @Test
    void intervalsAreRandomizedWithinHalfAndOneAndAHalfTimesTheBase() {
        Peer a = new Peer("a", 1, Instant.parse("2025-05-01T10:00:00Z"), 7, true);
        Peer b = new Peer("b", 2, Instant.parse("2025-05-01T10:00:00Z"), 8, true);
        link(a, b);
        long firstPacket = 333_000_000L;
        a.startMedia(firstPacket, 3000, Set.of());
        clock.advance(Duration.ofSeconds(60));

        List<Long> times = a.rtcpTimes;
        assertTrue(times.size() > 40, times.size() + " reports");
        long first = times.get(0) - firstPacket;
        assertTrue(first >= INTERVAL.toNanos() / 4 && first < INTERVAL.toNanos() * 3 / 4, "first after " + first + " ns");
        Set<Long> distinct = new HashSet<>();
        for (int i = 1; i < times.size(); i++) {
            long gap = times.get(i) - times.get(i - 1);
            assertTrue(gap >= INTERVAL.toNanos() / 2 && gap < INTERVAL.toNanos() * 3 / 2, "gap " + gap + " ns");
            distinct.add(gap);
        }
        assertTrue(distinct.size() > times.size() / 2, "gaps vary: " + distinct.size() + " distinct");
        double mean = (times.get(times.size() - 1) - times.get(0)) / (double) (times.size() - 1);
        assertEquals(INTERVAL.toNanos(), mean, INTERVAL.toNanos() * 0.15, "mean gap near the base");
    }

    @Test
    void aReceiveOnlyPeerReportsFromItsOwnSsrcWithItsCnameAndStillGivesTheSenderAnRtt() {
        Peer a = new Peer("a", 0x0A0A_0001L, Instant.parse("2025-05-01T10:00:00Z"), 9, true);
        Peer b = new Peer("b", 0x0B0B_0002L, Instant.parse("2025-05-01T10:00:00Z"), 10, false);
        link(a, b);
        b.reports.bindRemoteStream(a.local);
        a.startMedia(0, 250, Set.of(100));
        clock.advance(Duration.ofSeconds(6));

        assertFalse(b.rtcpSent.isEmpty());
        long reporter = ((ReceiverReport) b.rtcpSent.get(0).packets().get(0)).ssrc();
        assertNotEquals(a.local.ssrc(), reporter);
        for (RtcpCompound compound : b.rtcpSent) {
            assertTrue(compound.isValidFullCompound());
            assertEquals(reporter, ((ReceiverReport) compound.packets().get(0)).ssrc(), "one SSRC throughout");
            assertEquals("b@example", ((SourceDescription) compound.packets().get(1)).cname());
        }
        RemoteInboundStats seen = a.stats().remoteInbound().get(a.local.ssrc());
        assertEquals(0.060, seen.roundTripTime().orElseThrow(), 0.001);
        assertEquals(1, seen.packetsLost());
    }

    private static List<ReportBlock> blocks(RtcpCompound compound) {
        List<ReportBlock> blocks = new ArrayList<>();
        for (RtcpPacket p : compound.packets()) {
            if (p instanceof SenderReport sr) {
                blocks.addAll(sr.reports());
            } else if (p instanceof ReceiverReport rr) {
                blocks.addAll(rr.reports());
            }
        }
        return blocks;
    }

    private static long countSenderReports(Peer peer) {
        return peer.rtcpSent.stream().filter(c -> c.packets().get(0) instanceof SenderReport).count();
    }
}
