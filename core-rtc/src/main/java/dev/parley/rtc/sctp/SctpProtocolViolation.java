package dev.parley.rtc.sctp;

/**
 * The peer broke the rules of RFC 9260 on the receive side in a way that the association
 * must answer with an ABORT (RFC 9260 §6.2 "No User Data", §3.3.10.13 "Protocol Violation").
 *
 * <p>Thrown by {@link StreamReassembler}; after it is thrown the reassembler is in an unspecified
 * state and the association is expected to abort and drop it.
 */
final class SctpProtocolViolation extends RuntimeException {
    /** What the peer did wrong; the association picks the ABORT's error cause from it. */
    enum Reason {
        /** A DATA chunk without user data (RFC 9260 §6.2: error cause "No User Data"). */
        NO_USER_DATA,
        /** A message larger than the maximum message size we announced (RFC 8841 a=max-message-size). */
        MESSAGE_TOO_LARGE,
        /** Fragments whose B/E bits, TSNs or stream ids cannot form one message (RFC 9260 §6.9). */
        INCONSISTENT_FRAGMENTS
    }

    private final Reason reason;

    SctpProtocolViolation(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
