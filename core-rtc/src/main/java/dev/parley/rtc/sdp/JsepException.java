package dev.parley.rtc.sdp;

import java.util.Objects;

/**
 * A remote description (or an offer/answer pair) that JSEP cannot apply. The message names the
 * m= section and attribute; {@link #reason()} tells the peer connection which W3C error to raise.
 */
public final class JsepException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the description was refused; each maps to a W3C error name (see the constants). */
    public enum Reason {
        /** Structurally wrong (duplicate mid, bad payload type, bad BUNDLE group): OperationError / SyntaxError. */
        MALFORMED,
        /** A required attribute is absent (ice-ufrag, ice-pwd, fingerprint, mid): InvalidAccessError. */
        MISSING_ATTRIBUTE,
        /** The answer does not fit the offer (m= count, order, mid, kind, codecs, roles): InvalidAccessError. */
        INCOMPATIBLE_ANSWER,
        /** Valid SDP we do not accept (no rtcp-mux on an accepted RTP section, setup:holdconn): InvalidAccessError. */
        UNSUPPORTED
    }

    private final Reason reason;

    public JsepException(Reason reason, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public String toString() {
        return "JsepException[" + reason + "]: " + getMessage();
    }
}
