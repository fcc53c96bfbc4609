package dev.parley.rtc.interceptor.report;

import dev.parley.rtc.interceptor.StreamInfo;
import dev.parley.rtc.media.NtpClock;
import dev.parley.rtc.media.RtpSendStatistics;
import java.time.Instant;

/**
 * W3C outbound-rtp figures of one local SSRC, as counted when its packets left.
 *
 * @param bytesSent                payload bytes (RFC 3550 §6.4.1 octet count, not wrapped)
 * @param headerBytesSent          RTP header and padding bytes
 * @param lastPacketSentTimestamp  wall-clock time the last packet left
 */
public record OutboundStreamStats(long ssrc, String kind, String mid, int payloadType, long packetsSent,
                                  long bytesSent, long headerBytesSent, Instant lastPacketSentTimestamp) {

    static OutboundStreamStats of(StreamInfo info, RtpSendStatistics sent, NtpClock clock) {
        return new OutboundStreamStats(info.ssrc(), info.kind(), info.mid(), info.payloadType(), sent.packetsSent(),
                sent.bytesSent(), sent.headerBytesSent(), clock.wallClockTime(sent.lastPacketSentNanos()));
    }
}
