package dev.parley.rtc.interceptor.report;

import java.time.Instant;
import java.util.Map;

/**
 * The report interceptor's figures at one moment, by SSRC, immutable: safe to hand to any thread.
 * A stream appears once it has carried a packet (outbound, inbound) or a report about it arrived
 * (remote-inbound, remote-outbound).
 *
 * @param timestamp                wall-clock time the snapshot was taken
 * @param outbound                 our streams, by our SSRC
 * @param inbound                  the peer's streams, by its SSRC
 * @param remoteInbound            the peer's reports on our streams, by our SSRC
 * @param remoteOutbound           the peer's sender reports, by its SSRC
 * @param rtpFromUnboundSsrc       incoming RTP packets of no bound remote stream (not counted above)
 * @param senderReportsFromUnboundSsrc incoming sender reports of no bound remote stream (ignored)
 */
public record RtpStatsSnapshot(Instant timestamp, Map<Long, OutboundStreamStats> outbound,
                               Map<Long, InboundStreamStats> inbound, Map<Long, RemoteInboundStats> remoteInbound,
                               Map<Long, RemoteOutboundStats> remoteOutbound, long rtpFromUnboundSsrc,
                               long senderReportsFromUnboundSsrc) {
    public RtpStatsSnapshot {
        outbound = Map.copyOf(outbound);
        inbound = Map.copyOf(inbound);
        remoteInbound = Map.copyOf(remoteInbound);
        remoteOutbound = Map.copyOf(remoteOutbound);
    }
}
