package dev.parley.rtc.interceptor.report;

import dev.parley.rtc.interceptor.StreamInfo;
import dev.parley.rtc.media.RemoteReceiverStatistics;
import java.util.OptionalDouble;

/**
 * W3C remote-inbound-rtp figures: what the peer's last reception report said about one of our
 * SSRCs, and the round-trip times measured from its LSR and DLSR (RFC 3550 §6.4.1).
 *
 * @param fractionLost              the last reported fraction lost, 0..1
 * @param packetsLost               the last reported cumulative loss (may be negative)
 * @param jitter                    the last reported jitter in seconds
 * @param roundTripTime             the latest round-trip time in seconds; empty before the first
 *                                  report that echoes one of our sender reports
 * @param totalRoundTripTime        sum of the measured round-trip times in seconds
 * @param roundTripTimeMeasurements how many were measured
 * @param reportsReceived           report blocks received about this SSRC
 */
public record RemoteInboundStats(long ssrc, String kind, String mid, double fractionLost, long packetsLost,
                                 double jitter, OptionalDouble roundTripTime, double totalRoundTripTime,
                                 long roundTripTimeMeasurements, long reportsReceived) {

    static RemoteInboundStats of(StreamInfo info, RemoteReceiverStatistics reports) {
        double rtt = reports.roundTripTime();
        return new RemoteInboundStats(info.ssrc(), info.kind(), info.mid(), reports.fractionLost(),
                reports.packetsLost(), reports.jitterSeconds(),
                Double.isNaN(rtt) ? OptionalDouble.empty() : OptionalDouble.of(rtt),
                reports.totalRoundTripTime(), reports.roundTripTimeMeasurements(), reports.reportsReceived());
    }
}
