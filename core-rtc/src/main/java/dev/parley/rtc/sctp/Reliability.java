package dev.parley.rtc.sctp;

import java.time.Duration;

/**
 * How hard the send side tries to deliver one message: fully reliable, or partially reliable
 * with the PR-SCTP policies data channels use (RFC 8831 §6.1, RFC 3758 §4.1): a limited number of
 * retransmissions (W3C {@code maxRetransmits}) or a limited lifetime (W3C {@code maxPacketLifeTime}).
 * An abandoned message is skipped with a FORWARD TSN (RFC 3758 §3.5).
 */
public sealed interface Reliability {
    /** Retransmitted until acknowledged. */
    static Reliability reliable() {
        return Reliable.INSTANCE;
    }

    /** Each chunk is retransmitted at most {@code count} times, then the message is abandoned. */
    static Reliability maxRetransmits(int count) {
        return new MaxRetransmits(count);
    }

    /**
     * Not sent, and not retransmitted, once {@code lifetime} has passed since the message was
     * queued (RFC 3758 §4.1 "timed reliability").
     */
    static Reliability maxLifetime(Duration lifetime) {
        return new MaxLifetime(lifetime.toNanos());
    }

    /** Fully reliable delivery. */
    enum Reliable implements Reliability { INSTANCE }

    /** At most {@code count} retransmissions of each chunk of the message. */
    record MaxRetransmits(int count) implements Reliability {
        public MaxRetransmits {
            if (count < 0) {
                throw new IllegalArgumentException("maxRetransmits < 0");
            }
        }
    }

    /** Abandoned {@code nanos} after it was queued. */
    record MaxLifetime(long nanos) implements Reliability {
        public MaxLifetime {
            if (nanos < 0) {
                throw new IllegalArgumentException("lifetime < 0");
            }
        }
    }
}
