package dev.parley.rtc.interceptor.report;

import dev.parley.rtc.interceptor.StreamInfo;
import dev.parley.rtc.media.RemoteReceiverStatistics;
import dev.parley.rtc.media.RtpSendStatistics;
import dev.parley.rtc.rtp.ReportBlock;
import dev.parley.rtc.rtp.SenderReport;
import java.util.List;

/** One of our SSRCs: what it sent, and what the peer reports about it. */
final class LocalStream {
    private static final long U32 = 0xFFFF_FFFFL;

    StreamInfo info;
    final RtpSendStatistics sent;
    final RemoteReceiverStatistics reports;

    LocalStream(StreamInfo info) {
        this.info = info;
        this.sent = new RtpSendStatistics(info.clockRate());
        this.reports = new RemoteReceiverStatistics(info.ssrc(), info.clockRate());
    }

    long ssrc() {
        return info.ssrc();
    }

    /** Whether it sent since {@code sinceNanos}: RFC 3550 §6.3 "we_sent", decides SR or RR. */
    boolean sentSince(long sinceNanos) {
        return sent.hasSent() && sent.lastPacketSentNanos() >= sinceNanos;
    }

    /** Its sender report at {@code nowNanos} (RFC 3550 §6.4.1): counts wrap at 2^32. */
    SenderReport senderReport(long ntpTimestamp, long nowNanos, List<ReportBlock> blocks) {
        return new SenderReport(ssrc(), ntpTimestamp, sent.rtpTimestampAt(nowNanos), sent.packetsSent() & U32,
                sent.bytesSent() & U32, blocks);
    }
}
