package dev.parley.app.signaling.client;

import dev.parley.app.signaling.protocol.ErrorCode;
import dev.parley.app.signaling.protocol.ServerMessage;

/** A request the server refused: the futures of {@link SignalingClient} fail with this. */
public final class SignalingException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient ServerMessage.Error error;

    public SignalingException(ServerMessage.Error error) {
        super(error.code().wireName() + ": " + error.message());
        this.error = error;
    }

    public ErrorCode code() {
        return error.code();
    }

    public ServerMessage.Error error() {
        return error;
    }
}
