package dev.parley.app.settings;

import dev.parley.app.signaling.protocol.Check;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One call in the history: who, which way, when it started, how long it lasted (zero for a
 * missed call, and for one that was declined or never connected).
 */
public record CallRecord(String peerName, Direction direction, Instant start, Duration duration) {
    /** Which way the call went; written in lower case in the history file. */
    public enum Direction {
        INCOMING,
        OUTGOING,
        /** An incoming call nobody answered. */
        MISSED;

        String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Direction> fromJsonName(String name) {
            for (Direction d : values()) {
                if (d.jsonName().equals(name)) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        }
    }

    public CallRecord {
        Check.name("peerName", peerName);
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration: not negative, got " + duration);
        }
    }
}
