package dev.parley.rtc.interceptor.report;

import dev.parley.rtc.media.NtpClock;
import dev.parley.rtc.rtp.ReceiverReport;
import dev.parley.rtc.rtp.ReportBlock;
import dev.parley.rtc.rtp.RtcpPacket;
import dev.parley.rtc.rtp.SourceDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts one compound report together (RFC 3550 §6.1, §6.4): an SR per local stream that sent
 * lately, or else one RR; reception report blocks for every remote stream that has received
 * something, 31 to a packet, the first 31 in the first SR/RR and the rest in further RRs of the
 * same SSRC; then SDES with a CNAME for each reporting SSRC.
 */
final class ReportComposer {
    /** The report count field has 5 bits (RFC 3550 §6.4.1); so has the SDES source count. */
    static final int MAX_PER_PACKET = 31;

    private ReportComposer() {}

    /**
     * @param sendingSinceNanos a local stream that sent since then reports with an SR
     * @param receiveOnlySsrc   the reporting SSRC when no local stream is bound
     * @param defaultCname      the CNAME of that SSRC, and of local streams that have none
     */
    static List<RtcpPacket> compose(List<LocalStream> locals, List<RemoteStream> remotes, long nowNanos,
                                    NtpClock ntpClock, long sendingSinceNanos, long receiveOnlySsrc,
                                    String defaultCname) {
        List<ReportBlock> blocks = new ArrayList<>();
        for (RemoteStream remote : remotes) {
            if (remote.received.hasReceived()) {
                blocks.add(remote.received.reportBlock(nowNanos));
            }
        }
        int inFirst = Math.min(blocks.size(), MAX_PER_PACKET);
        List<RtcpPacket> packets = new ArrayList<>();
        List<SourceDescription.Chunk> chunks = new ArrayList<>();
        long reporter;
        List<LocalStream> senders = locals.stream().filter(l -> l.sentSince(sendingSinceNanos)).toList();
        if (!senders.isEmpty()) {
            long ntp = ntpClock.ntpTimestamp(nowNanos);
            for (int i = 0; i < senders.size(); i++) {
                LocalStream sender = senders.get(i);
                packets.add(sender.senderReport(ntp, nowNanos, i == 0 ? blocks.subList(0, inFirst) : List.of()));
                chunks.add(cnameChunk(sender.ssrc(), cnameOf(sender, defaultCname)));
            }
            reporter = senders.get(0).ssrc();
        } else {
            LocalStream first = locals.isEmpty() ? null : locals.get(0);
            reporter = first == null ? receiveOnlySsrc : first.ssrc();
            packets.add(new ReceiverReport(reporter, blocks.subList(0, inFirst)));
            chunks.add(cnameChunk(reporter, first == null ? defaultCname : cnameOf(first, defaultCname)));
        }
        for (int from = inFirst; from < blocks.size(); from += MAX_PER_PACKET) {
            packets.add(new ReceiverReport(reporter, blocks.subList(from, Math.min(blocks.size(), from + MAX_PER_PACKET))));
        }
        for (int from = 0; from < chunks.size(); from += MAX_PER_PACKET) {
            packets.add(new SourceDescription(chunks.subList(from, Math.min(chunks.size(), from + MAX_PER_PACKET))));
        }
        return packets;
    }

    private static String cnameOf(LocalStream stream, String defaultCname) {
        String cname = stream.info.cname();
        return cname != null ? cname : defaultCname;
    }

    private static SourceDescription.Chunk cnameChunk(long ssrc, String cname) {
        return new SourceDescription.Chunk(ssrc, List.of(SourceDescription.Item.text(SourceDescription.CNAME, cname)));
    }
}
