package dev.parley.app.signaling.server;

import dev.parley.app.signaling.protocol.ServerMessage;
import dev.parley.app.signaling.protocol.SignalingCodec;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A Tyrus session seen as a {@link ClientConnection}: messages are encoded here and sent asynchronously. */
final class WebSocketConnection implements ClientConnection {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketConnection.class);

    private final Session session;
    private final SignalingCodec codec;
    private final String label;
    final RateLimiter limiter;
    /** Set by the endpoint when it has told the client about a burst of drops, so one burst costs one error. */
    volatile boolean toldRateLimited;

    WebSocketConnection(Session session, SignalingCodec codec, RateLimiter limiter, String label) {
        this.session = session;
        this.codec = codec;
        this.limiter = limiter;
        this.label = label;
    }

    @Override
    public void send(ServerMessage message) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.getAsyncRemote().sendText(codec.encode(message), result -> {
                if (!result.isOK()) {
                    LOG.debug("{}: {} not sent: {}", label, message.getClass().getSimpleName(), result.getException().toString());
                }
            });
        } catch (RuntimeException e) {
            // The session closed between the check and the send: the message has nobody to go to.
            LOG.debug("{}: {} not sent: {}", label, message.getClass().getSimpleName(), e.toString());
        }
    }

    @Override
    public void close(int code, String reason) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
        } catch (IOException | RuntimeException e) {
            LOG.debug("{}: close failed: {}", label, e.toString());
        }
    }

    @Override
    public String describe() {
        return label;
    }
}
