package dev.parley.rtc.stun;

import java.time.Duration;
import java.util.Objects;

/**
 * When a STUN client retransmits a request and when it gives up (RFC 8489 §6.2.1): over UDP the
 * request is resent after RTO, 2·RTO, 4·RTO… up to {@code maxTransmissions} sends, and the
 * transaction fails {@code finalWaitMultiplier}·RTO after the last send. Over TCP/TLS it is sent
 * once and fails after {@code reliableTimeout} (RFC 8489 §6.2.2).
 *
 * @param initialRto the first retransmission timeout; RFC 8489 recommends 500 ms, ICE checks
 *     use less (RFC 8445 §14.3)
 * @param maxRto the cap for the doubling RTO
 */
public record RetransmissionSchedule(
        Duration initialRto, Duration maxRto, int maxTransmissions, int finalWaitMultiplier, Duration reliableTimeout) {

    /** RFC 8489's defaults: RTO 500 ms, Rc = 7, Rm = 16, 39.5 s over TCP. */
    public static final RetransmissionSchedule RFC_8489 = new RetransmissionSchedule(
            Duration.ofMillis(500), Duration.ofSeconds(60), 7, 16, Duration.ofMillis(39_500));

    public RetransmissionSchedule {
        Objects.requireNonNull(initialRto, "initialRto");
        Objects.requireNonNull(maxRto, "maxRto");
        Objects.requireNonNull(reliableTimeout, "reliableTimeout");
        if (initialRto.isNegative() || initialRto.isZero() || maxRto.compareTo(initialRto) < 0) {
            throw new IllegalArgumentException("need 0 < initialRto <= maxRto");
        }
        if (maxTransmissions < 1 || finalWaitMultiplier < 1) {
            throw new IllegalArgumentException("need maxTransmissions >= 1 and finalWaitMultiplier >= 1");
        }
    }

    /** The wait after send number {@code sendIndex} (0-based) before the next send or, after the last, before failing. */
    long waitAfterSendNanos(int sendIndex) {
        long rto = initialRto.toNanos();
        long cap = maxRto.toNanos();
        for (int i = 0; i < sendIndex && rto < cap; i++) {
            rto = Math.min(cap, rto * 2);
        }
        // The final wait is Rm times the initial RTO: 16 × 500 ms completes RFC 8489's 39.5 s.
        return sendIndex == maxTransmissions - 1 ? initialRto.toNanos() * finalWaitMultiplier : rto;
    }
}
