package dev.parley.rtc.stun;

import java.util.concurrent.CompletionException;

/**
 * A TURN request or allocation failed. {@link #errorCode()} is the server's STUN error code
 * (401, 403, 437, 441, 486, 508…) with its {@link #reason()}, for ICE's
 * {@code icecandidateerror}; it is 0 when the server never answered (the cause is then a
 * {@link StunTimeoutException}) or the connection to it failed.
 */
public final class TurnException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int errorCode;
    private final String reason;

    TurnException(int errorCode, String reason, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.reason = reason == null ? "" : reason;
    }

    /** The server answered {@code method} with ERROR-CODE {@code code}. */
    static TurnException errorResponse(StunMethod method, int code, String reason) {
        return new TurnException(code, reason, method + " failed: " + code + " " + reason, null);
    }

    /** No error code: the server did not answer or could not be reached. */
    static TurnException noResponse(String message, Throwable cause) {
        return new TurnException(0, "", message, cause);
    }

    /** The TurnException inside what a dependent future failed with (they wrap it in CompletionException). */
    static TurnException of(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof TurnException ? (TurnException) cause : noResponse(String.valueOf(cause), cause);
    }

    /** The STUN ERROR-CODE the server sent, or 0 if it sent none. */
    public int errorCode() {
        return errorCode;
    }

    /** The server's reason phrase, or "" if it sent none. */
    public String reason() {
        return reason;
    }

    /** True when the failure was a timeout: no (valid) answer within the retransmission schedule. */
    public boolean isTimeout() {
        return getCause() instanceof StunTimeoutException;
    }
}
