package dev.parley.ui.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** One line of the call history; the app maps it to and from its own store. */
public record CallHistoryEntry(String peer, CallDirection direction, Instant start, Duration duration) {
    public CallHistoryEntry {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        if (peer.isBlank()) {
            throw new IllegalArgumentException("peer: a name");
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration: not negative, got " + duration);
        }
    }
}
