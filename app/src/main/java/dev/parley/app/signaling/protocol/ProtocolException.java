package dev.parley.app.signaling.protocol;

/**
 * Why a signaling message could not be decoded: the only exception the codec throws on bad
 * input. Carries the request id when the message got far enough to show one, so the server can
 * answer the request that failed.
 */
public final class ProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final long requestId;

    public ProtocolException(ErrorCode code, String message, long requestId) {
        super(message);
        this.code = code;
        this.requestId = requestId;
    }

    public ProtocolException(ErrorCode code, String message) {
        this(code, message, 0);
    }

    public ErrorCode code() {
        return code;
    }

    /** The {@code id} of the failed message, or 0 when it had none or could not be read. */
    public long requestId() {
        return requestId;
    }
}
