package dev.parley.ui.port;

/**
 * One periodic sample of a call's network, as the app reads it from the peer connection's stats
 * (about once a second).
 *
 * @param rttMs round-trip time in milliseconds
 * @param lossFraction packets lost of those expected, 0..1, over the last interval
 * @param bitrateKbps receive bitrate, kilobits per second, over the last interval
 * @param video whether video is expected (an audio-only call needs far less bitrate)
 */
public record CallStats(double rttMs, double lossFraction, double bitrateKbps, boolean video) {
    public CallStats {
        if (!(rttMs >= 0) || !(lossFraction >= 0 && lossFraction <= 1) || !(bitrateKbps >= 0)) {
            throw new IllegalArgumentException("bad stats: rtt " + rttMs + " ms, loss " + lossFraction
                    + ", bitrate " + bitrateKbps + " kbit/s");
        }
    }
}
