package dev.parley.rtc.interceptor.report;

import dev.parley.rtc.interceptor.StreamInfo;
import dev.parley.rtc.media.NtpClock;
import dev.parley.rtc.rtp.SenderReport;
import java.time.Instant;

/**
 * W3C remote-outbound-rtp figures: what the peer's last sender report said about one of its SSRCs.
 *
 * @param packetsSent     the report's packet count (RFC 3550 §6.4.1: wraps at 2^32)
 * @param bytesSent       the report's payload octet count (wraps at 2^32)
 * @param remoteTimestamp the report's NTP time, on the peer's clock
 * @param reportsSent     sender reports received for this SSRC
 */
public record RemoteOutboundStats(long ssrc, String kind, String mid, long packetsSent, long bytesSent,
                                  Instant remoteTimestamp, long reportsSent) {

    static RemoteOutboundStats of(StreamInfo info, SenderReport report, long reportsSent) {
        return new RemoteOutboundStats(info.ssrc(), info.kind(), info.mid(), report.packetCount(), report.octetCount(),
                NtpClock.toInstant(report.ntpTimestamp()), reportsSent);
    }
}
