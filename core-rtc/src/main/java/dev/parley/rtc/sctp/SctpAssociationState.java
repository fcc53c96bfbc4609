package dev.parley.rtc.sctp;

/**
 * The association states of RFC 9260 §4:
 *
 * <pre>
 *  CLOSED ──connect/send INIT──▶ COOKIE_WAIT ──INIT ACK/send COOKIE ECHO──▶ COOKIE_ECHOED
 *    │                                                                          │ COOKIE ACK
 *    └──COOKIE ECHO (valid)/send COOKIE ACK──────────────────────────────────▶ ESTABLISHED
 *  ESTABLISHED ──shutdown──▶ SHUTDOWN_PENDING ──queue empty/SHUTDOWN──▶ SHUTDOWN_SENT
 *  ESTABLISHED ──SHUTDOWN──▶ SHUTDOWN_RECEIVED ──queue empty/SHUTDOWN ACK──▶ SHUTDOWN_ACK_SENT
 *  SHUTDOWN_SENT ──SHUTDOWN ACK/SHUTDOWN COMPLETE──▶ CLOSED ◀──SHUTDOWN COMPLETE── SHUTDOWN_ACK_SENT
 *  any ──ABORT sent or received, too many retransmissions──▶ CLOSED
 * </pre>
 */
public enum SctpAssociationState {
    CLOSED, COOKIE_WAIT, COOKIE_ECHOED, ESTABLISHED, SHUTDOWN_PENDING, SHUTDOWN_SENT, SHUTDOWN_RECEIVED,
    SHUTDOWN_ACK_SENT;

    /** States in which the association accepts user data from the peer (RFC 9260 §6). */
    boolean acceptsData() {
        return this == ESTABLISHED || this == SHUTDOWN_PENDING || this == SHUTDOWN_SENT;
    }
}
