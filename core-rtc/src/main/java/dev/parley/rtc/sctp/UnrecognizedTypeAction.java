package dev.parley.rtc.sctp;

/**
 * What a receiver does with a chunk or parameter type it does not know, from the type's two
 * highest bits (RFC 9260 §3.2 for chunk types, §3.2.1 for parameter types).
 *
 * <pre>
 *  bits  chunk (§3.2)                                parameter (§3.2.1)
 *  00    stop: discard the packet's remaining chunks stop: process no further parameters of the chunk
 *  01    as 00, and report it in an ERROR chunk      as 00, and report it
 *  10    skip it and go on                           skip it and go on
 *  11    skip it, go on, and report it               skip it, go on, and report it
 * </pre>
 *
 * Chunks are reported with the "Unrecognized Chunk Type" cause (§3.3.10.6); parameters of an INIT
 * in the INIT ACK's "Unrecognized Parameter" parameter (§3.3.3), otherwise with the
 * "Unrecognized Parameters" cause (§3.3.10.8).
 */
public enum UnrecognizedTypeAction {
    STOP_DISCARD(true, false),
    STOP_DISCARD_REPORT(true, true),
    SKIP(false, false),
    SKIP_REPORT(false, true);

    private final boolean stop;
    private final boolean report;

    UnrecognizedTypeAction(boolean stop, boolean report) {
        this.stop = stop;
        this.report = report;
    }

    /** The action for a value's two highest bits, 0..3. */
    static UnrecognizedTypeAction ofBits(int upperTwoBits) {
        return values()[upperTwoBits & 3];
    }

    /** Whether processing stops (the rest of the packet, or the rest of the chunk's parameters). */
    public boolean stop() {
        return stop;
    }

    /** Whether the unrecognized type is reported to the sender. */
    public boolean report() {
        return report;
    }
}
