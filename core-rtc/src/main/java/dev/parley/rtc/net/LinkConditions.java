package dev.parley.rtc.net;

import java.time.Duration;
import java.util.Objects;

/**
 * Impairment of one link of the virtual network (a LAN's uplink, or the internet core), applied to
 * each datagram crossing it, one way. Random draws come from the {@link VirtualNetwork}'s seeded
 * {@code Random}, so a run repeats exactly.
 *
 * <p>Reordering comes from jitter: two datagrams sent close together may draw delays that swap
 * their arrival. TCP streams see only the fixed {@code delay} (they stay reliable and in order).
 *
 * @param delay fixed one-way delay
 * @param jitter extra delay drawn uniformly from {@code [0, jitter]} per datagram
 * @param lossProbability chance in {@code [0, 1]} that a datagram is dropped
 */
public record LinkConditions(Duration delay, Duration jitter, double lossProbability) {
    /** No delay, no jitter, no loss. */
    public static final LinkConditions PERFECT = new LinkConditions(Duration.ZERO, Duration.ZERO, 0);

    public LinkConditions {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(jitter, "jitter");
        if (delay.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("negative delay or jitter: " + delay + ", " + jitter);
        }
        if (!(lossProbability >= 0 && lossProbability <= 1)) {
            throw new IllegalArgumentException("lossProbability not in [0, 1]: " + lossProbability);
        }
    }

    public LinkConditions withDelay(Duration newDelay) {
        return new LinkConditions(newDelay, jitter, lossProbability);
    }

    public LinkConditions withJitter(Duration newJitter) {
        return new LinkConditions(delay, newJitter, lossProbability);
    }

    public LinkConditions withLoss(double newLossProbability) {
        return new LinkConditions(delay, jitter, newLossProbability);
    }
}
