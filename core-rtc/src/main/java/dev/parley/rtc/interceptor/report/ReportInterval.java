package dev.parley.rtc.interceptor.report;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When the next report goes out: a fixed base interval, randomized to [0.5, 1.5) times itself
 * (RFC 3550 §6.3.1) so that reports of many senders do not synchronise; the first report waits
 * half the base interval, randomized the same way (RFC 3550 §6.2: "half the minimum interval").
 * The RFC's bandwidth-dependent interval does not apply: a WebRTC session has one peer, and
 * feedback such as NACK and PLI does not wait for the interval.
 */
final class ReportInterval {
    private final long baseNanos;
    private final RandomGenerator random;

    ReportInterval(Duration base, RandomGenerator random) {
        if (base.isNegative() || base.isZero()) {
            throw new IllegalArgumentException("report interval must be positive, got " + base);
        }
        this.baseNanos = base.toNanos();
        this.random = random;
    }

    long firstDelayNanos() {
        return randomized(baseNanos / 2);
    }

    long nextDelayNanos() {
        return randomized(baseNanos);
    }

    private long randomized(long nanos) {
        return (long) (nanos * (0.5 + random.nextDouble()));
    }
}
