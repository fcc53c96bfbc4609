package dev.parley.ui.port;

import java.time.Duration;
import java.util.Objects;

/**
 * What the end-of-call screen shows.
 *
 * @param duration from connected to hang-up (zero if it never connected)
 * @param averageBitrateKbps receive bitrate averaged over the call
 * @param lossFraction packets lost of those expected over the call, 0..1
 * @param endReason why it ended, in words for people ("Alice hung up", "Connection lost")
 */
public record CallSummary(Duration duration, double averageBitrateKbps, double lossFraction, String endReason) {
    public CallSummary {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(endReason, "endReason");
    }
}
