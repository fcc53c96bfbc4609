package dev.parley.app.signaling.server;

import java.util.function.LongSupplier;

/**
 * A token bucket per connection: {@code burst} messages at once, refilled at {@code perSecond}.
 * Thread-safe (Tyrus may deliver one connection's messages on different worker threads).
 */
final class RateLimiter {
    private final double perNano;
    private final double burst;
    private final LongSupplier nanoClock;
    private double tokens;
    private long last;
    private long dropped;

    RateLimiter(double perSecond, int burst, LongSupplier nanoClock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.nanoClock = nanoClock;
        this.tokens = burst;
        this.last = nanoClock.getAsLong();
    }

    /** Takes one token if there is one; otherwise counts a drop. */
    synchronized boolean tryAcquire() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        dropped++;
        return false;
    }

    synchronized long dropped() {
        return dropped;
    }
}
