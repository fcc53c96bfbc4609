package dev.parley.rtc.sctp;

/**
 * One user message on its way out: queued in {@link SendQueue}, cut into DATA chunks as the
 * path allows, then tracked chunk by chunk by {@link RetransmissionQueue} until every chunk is
 * acknowledged or the message is abandoned. Mutable; touched only on the association's thread.
 */
final class OutgoingMessage {
    /** Longer lifetimes (about 73 years) are cut to this, so that clock differences cannot overflow. */
    private static final long MAX_LIFETIME_NANOS = Long.MAX_VALUE / 4;

    final int streamId;
    final long ppid;
    final byte[] payload;
    final boolean unordered;
    final Reliability reliability;
    /** Whether the message has a {@link Reliability.MaxLifetime}. */
    final boolean hasLifetime;
    /** When it expires, on the caller's {@code nowNanos} clock (compared by difference, like {@link System#nanoTime}). */
    final long expiresAtNanos;

    /** The stream sequence number, assigned when the first fragment gets its TSN; -1 before. */
    int ssn = -1;
    /** Payload bytes already cut into chunks. */
    int fragmentedBytes;
    /** Chunks of this message with a TSN that the peer has not cumulatively acknowledged. */
    int unackedChunks;
    boolean abandoned;

    OutgoingMessage(int streamId, long ppid, byte[] payload, boolean unordered, Reliability reliability,
                    long nowNanos) {
        this.streamId = streamId;
        this.ppid = ppid;
        this.payload = payload;
        this.unordered = unordered;
        this.reliability = reliability;
        if (reliability instanceof Reliability.MaxLifetime lifetime) {
            hasLifetime = true;
            expiresAtNanos = nowNanos + Math.min(lifetime.nanos(), MAX_LIFETIME_NANOS);
        } else {
            hasLifetime = false;
            expiresAtNanos = 0;
        }
    }

    /** RFC 3758 §4.1 TR3/TR4: the lifetime has passed. */
    boolean expired(long nowNanos) {
        return hasLifetime && nowNanos - expiresAtNanos >= 0;
    }

    /** A chunk sent {@code transmissions} times may not be sent again under {@link Reliability.MaxRetransmits}. */
    boolean retransmissionsExhausted(int transmissions) {
        return reliability instanceof Reliability.MaxRetransmits max && transmissions - 1 >= max.count();
    }

    int remainingBytes() {
        return payload.length - fragmentedBytes;
    }

    boolean fullyFragmented() {
        return fragmentedBytes == payload.length;
    }
}
