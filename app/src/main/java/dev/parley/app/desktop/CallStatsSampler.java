package dev.parley.app.desktop;

import dev.parley.rtc.RTCStats;
import dev.parley.rtc.RTCStatsReport;
import dev.parley.ui.port.CallStats;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns a call's cumulative W3C statistics into the per-interval numbers the call screen's network
 * indicator reads (RTT, loss, receive bitrate) and the end-of-call summary's totals. Received
 * media comes from one report's {@code inbound-rtp} entries; RTT from another's
 * {@code remote-inbound-rtp} (a receive-only end measures none, so a test call reads it from its
 * sending end). Not thread-safe: one sampler per call, fed from one thread.
 */
final class CallStatsSampler {
    private long lastBytes;
    private long lastReceived;
    private long lastLost;
    private long lastNanos;
    private boolean started;
    private long firstBytes;
    private long firstReceived;
    private long firstLost;
    private long firstNanos;

    /**
     * The interval since the previous sample; empty for the first, which only starts the count (a
     * zero bitrate then would read as a poor connection).
     */
    Optional<CallStats> next(RTCStatsReport inbound, RTCStatsReport rtt, long nowNanos) {
        long bytes = 0;
        long received = 0;
        long lost = 0;
        boolean video = false;
        for (RTCStats s : inbound.ofType("inbound-rtp")) {
            bytes += s.getLong("bytesReceived");
            received += s.getLong("packetsReceived");
            lost += Math.max(0, s.getLong("packetsLost"));
            video |= "video".equals(s.getString("kind").orElse(""));
        }
        double rttMs = 0;
        for (RTCStats s : rtt.ofType("remote-inbound-rtp")) {
            rttMs = Math.max(rttMs, s.getDouble("roundTripTime") * 1000);
        }
        if (!started) {
            started = true;
            firstBytes = bytes;
            firstReceived = received;
            firstLost = lost;
            firstNanos = nowNanos;
            remember(bytes, received, lost, nowNanos);
            return Optional.empty();
        }
        double seconds = Math.max(1e-3, (nowNanos - lastNanos) / 1e9);
        double bitrateKbps = Math.max(0, bytes - lastBytes) * 8 / 1000.0 / seconds;
        double loss = lossFraction(received - lastReceived, lost - lastLost);
        remember(bytes, received, lost, nowNanos);
        return Optional.of(new CallStats(rttMs, loss, bitrateKbps, video));
    }

    private void remember(long bytes, long received, long lost, long nowNanos) {
        lastBytes = bytes;
        lastReceived = received;
        lastLost = lost;
        lastNanos = nowNanos;
    }

    /** Receive bitrate averaged from the first sample to the last, kbit/s. */
    double averageBitrateKbps() {
        double seconds = (lastNanos - firstNanos) / 1e9;
        return seconds <= 0 ? 0 : (lastBytes - firstBytes) * 8 / 1000.0 / seconds;
    }

    /** Packets lost of those expected from the first sample to the last. */
    double totalLossFraction() {
        return lossFraction(lastReceived - firstReceived, lastLost - firstLost);
    }

    Duration sampled() {
        return Duration.ofNanos(lastNanos - firstNanos);
    }

    private static double lossFraction(long received, long lost) {
        long expected = Math.max(0, received) + Math.max(0, lost);
        return expected == 0 ? 0 : Math.max(0, lost) / (double) expected;
    }
}
