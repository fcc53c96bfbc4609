package dev.parley.app.signaling.client;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Reconnect delays: exponential from {@code initial} up to {@code max}, each with "equal jitter"
 * (half the delay fixed, half random) so that clients dropped together by a server restart do
 * not come back in one wave.
 */
final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    Backoff(Duration initial, Duration max, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max");
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The delay before reconnect attempt {@code attempt} (0 for the first). */
    Duration delay(int attempt) {
        long ceiling = initial.toNanos() << Math.min(attempt, 30);
        long base = Math.min(max.toNanos(), ceiling > 0 ? ceiling : Long.MAX_VALUE);
        long half = base / 2;
        return Duration.ofNanos(half + (long) (random.getAsDouble() * half));
    }
}
