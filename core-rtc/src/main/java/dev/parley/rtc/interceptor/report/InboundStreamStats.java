package dev.parley.rtc.interceptor.report;

import dev.parley.rtc.interceptor.StreamInfo;
import dev.parley.rtc.media.NtpClock;
import dev.parley.rtc.media.RtpReceiveStatistics;
import java.time.Instant;

/**
 * W3C inbound-rtp figures of one remote SSRC (RFC 3550 §6.4.1, Appendix A).
 *
 * @param packetsReceived             valid packets, duplicates included
 * @param bytesReceived               payload bytes
 * @param headerBytesReceived         RTP header and padding bytes
 * @param packetsLost                 expected minus received since the source (re)started; negative
 *                                    when duplicates outnumber losses
 * @param jitter                      interarrival jitter in seconds
 * @param lastPacketReceivedTimestamp wall-clock time the last valid packet arrived
 */
public record InboundStreamStats(long ssrc, String kind, String mid, int payloadType, long packetsReceived,
                                 long bytesReceived, long headerBytesReceived, long packetsLost, double jitter,
                                 Instant lastPacketReceivedTimestamp) {

    static InboundStreamStats of(StreamInfo info, RtpReceiveStatistics received, NtpClock clock) {
        return new InboundStreamStats(info.ssrc(), info.kind(), info.mid(), info.payloadType(),
                received.packetsReceived(), received.bytesReceived(), received.headerBytesReceived(),
                received.packetsLost(), received.jitterSeconds(), clock.wallClockTime(received.lastPacketReceivedNanos()));
    }
}
