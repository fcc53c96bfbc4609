package dev.parley.rtc.sctp;

/**
 * A DATA chunk that has a TSN and is not yet cumulatively acknowledged by the peer, with what
 * {@link RetransmissionQueue} knows about it.
 *
 * <pre>
 *              send                     gap-acked
 *   (new) ---------------&gt; IN_FLIGHT ---------------&gt; ACKED
 *                          |    ^   &lt;---------------
 *       3 miss indications |    | send     reneged (not in a later SACK's gap blocks)
 *       or T3-rtx expiry   v    |
 *                        TO_RETRANSMIT
 *
 *   any state --(message abandoned, RFC 3758 §3.5 A2/A3)--&gt; ABANDONED
 *   any state --(cumulative TSN ack passes it)--&gt; removed
 * </pre>
 */
final class OutstandingChunk {
    enum State {
        /** Sent and counted in the flight size. */
        IN_FLIGHT,
        /** Reported received in a gap ack block; the peer may still renege. */
        ACKED,
        /** Deemed lost; waits to be sent again, not counted in the flight size. */
        TO_RETRANSMIT,
        /** Given up (PR-SCTP); treated as acknowledged, skipped by FORWARD TSN. */
        ABANDONED
    }

    final DataChunk chunk;
    final OutgoingMessage message;
    State state = State.IN_FLIGHT;
    int transmissions;
    long lastSentNanos;
    int missIndications;
    /** Already fast-retransmitted once: not eligible again (RFC 9260 §7.2.4 rule 6). */
    boolean fastRetransmitted;
    /** Marked by fast retransmit and not yet sent again. */
    boolean fastRetransmitPending;
    /** The chunk whose acknowledgement gives the next RTT measurement (RFC 9260 §6.3.1 C4/C5). */
    boolean timed;
    /** The number of the last SACK whose gap blocks reported this chunk acked. */
    long gapAckedInSack;

    OutstandingChunk(DataChunk chunk, OutgoingMessage message) {
        this.chunk = chunk;
        this.message = message;
    }

    long tsn() {
        return chunk.tsn();
    }

    /** Payload bytes: the measure of flight size and rwnd. */
    int size() {
        return chunk.userData().length;
    }

    /** Bytes the chunk takes in a packet, padded to 4 (RFC 9260 §3.2). */
    int wireSize() {
        return (chunk.wireLength() + 3) & ~3;
    }

    @Override
    public String toString() {
        return chunk.tsn() + ":" + state + (transmissions > 1 ? "x" + transmissions : "");
    }
}
