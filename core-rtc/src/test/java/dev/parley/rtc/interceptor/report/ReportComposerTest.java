package dev.parley.rtc.interceptor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.interceptor.StreamInfo;
import dev.parley.rtc.media.NtpClock;
import dev.parley.rtc.rtp.ReceiverReport;
import dev.parley.rtc.rtp.RtcpCompound;
import dev.parley.rtc.rtp.RtcpPacket;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.rtp.SenderReport;
import dev.parley.rtc.rtp.SourceDescription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout of one compound report (RFC 3550 §6.1, §6.4). */
class ReportComposerTest {
    private static final NtpClock NTP = new NtpClock(0, Instant.parse("2025-01-01T00:00:00Z"));
    private static final long NOW = 5_000_000_000L;

    private static LocalStream local(long ssrc, String cname, boolean sent) {
        LocalStream stream = new LocalStream(new StreamInfo(ssrc, 96, 90000, "1", "video", cname, false));
        if (sent) {
            stream.sent.onPacketSent(RtpPacket.builder().ssrc(ssrc).timestamp(1000).payload(new byte[10]).build(), NOW - 1);
        }
        return stream;
    }

    private static List<RemoteStream> remotes(int count, boolean received) {
        List<RemoteStream> remotes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RemoteStream remote = new RemoteStream(new StreamInfo(1000 + i, 111, 48000, "0", "audio", null, false));
            if (received) {
                remote.received.onRtp(RtpPacket.builder().ssrc(1000 + i).sequenceNumber(i).build(), NOW - 2);
            }
            remotes.add(remote);
        }
        return remotes;
    }

    @Test
    void fortyRemoteStreamsNeedASecondReceiverReport() {
        List<RtcpPacket> packets = ReportComposer.compose(List.of(local(7, "me", true)), remotes(40, true), NOW, NTP,
                Long.MIN_VALUE, 99, "default");

        SenderReport sr = assertInstanceOf(SenderReport.class, packets.get(0));
        assertEquals(31, sr.reports().size());
        ReceiverReport more = assertInstanceOf(ReceiverReport.class, packets.get(1));
        assertEquals(7, more.ssrc(), "further blocks come from the same SSRC");
        assertEquals(9, more.reports().size());
        assertEquals(1039, more.reports().get(8).ssrc());
        SourceDescription sdes = assertInstanceOf(SourceDescription.class, packets.get(2));
        assertEquals("me", sdes.cname());
        assertEquals(3, packets.size());
        assertTrue(RtcpCompound.of(packets).isValidFullCompound());
        assertEquals(NTP.ntpTimestamp(NOW), sr.ntpTimestamp());
        assertEquals(1, sr.packetCount());
        assertEquals(10, sr.octetCount());
    }

    @Test
    void eachSendingStreamHasItsSenderReportAndCnameChunkAndTheBlocksGoInTheFirst() {
        List<LocalStream> locals = List.of(local(7, "me", true), local(8, null, false), local(9, "me", true));
        List<RtcpPacket> packets = ReportComposer.compose(locals, remotes(2, true), NOW, NTP, Long.MIN_VALUE, 99, "default");

        assertEquals(3, packets.size());
        assertEquals(2, ((SenderReport) packets.get(0)).reports().size());
        assertEquals(9, ((SenderReport) packets.get(1)).ssrc());
        assertEquals(0, ((SenderReport) packets.get(1)).reports().size());
        SourceDescription sdes = (SourceDescription) packets.get(2);
        assertEquals(List.of(7L, 9L), sdes.chunks().stream().map(SourceDescription.Chunk::ssrc).toList());
    }

    @Test
    void withNoSenderTheFirstLocalStreamReportsAndOneWithoutCnameUsesTheDefault() {
        List<RtcpPacket> packets = ReportComposer.compose(List.of(local(8, null, false), local(9, "x", false)),
                remotes(1, true), NOW, NTP, Long.MIN_VALUE, 99, "default");

        ReceiverReport rr = assertInstanceOf(ReceiverReport.class, packets.get(0));
        assertEquals(8, rr.ssrc());
        assertEquals(1, rr.reports().size());
        assertEquals("default", ((SourceDescription) packets.get(1)).cname());
    }

    @Test
    void aStreamThatSentBeforeTheSecondPreviousReportIsNoLongerASender() {
        List<RtcpPacket> packets = ReportComposer.compose(List.of(local(7, "me", true)), remotes(0, true), NOW, NTP,
                NOW, 99, "default");
        assertInstanceOf(ReceiverReport.class, packets.get(0));
    }

    @Test
    void remoteStreamsWithNothingReceivedGetNoBlockAndWithoutLocalStreamsTheReceiveOnlySsrcReports() {
        List<RtcpPacket> packets = ReportComposer.compose(List.of(), remotes(3, false), NOW, NTP, Long.MIN_VALUE,
                99, "default");

        ReceiverReport rr = assertInstanceOf(ReceiverReport.class, packets.get(0));
        assertEquals(99, rr.ssrc());
        assertEquals(0, rr.reports().size());
        assertEquals(99, ((SourceDescription) packets.get(1)).chunks().get(0).ssrc());
        assertEquals("default", ((SourceDescription) packets.get(1)).cname());
    }
}
