package dev.parley.rtc.srtp;

/**
 * A packet SRTP refused. The packet is dropped and the matching counter of {@link SrtpSession}
 * has been incremented; the message never contains key material.
 */
public final class SrtpException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a packet was refused. */
    public enum Reason {
        /** Too short, wrong version, header longer than the packet, … */
        MALFORMED,
        /** The authentication tag did not verify (tampered, wrong key, or a wrong ROC guess). */
        AUTHENTICATION_FAILED,
        /** Already received, or older than the replay window (RFC 3711 §3.3.2). */
        REPLAYED
    }

    private final Reason reason;

    public SrtpException(Reason reason, String message) {
        super(message, null, false, false); // no stack trace: these are routine drops, not bugs
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
