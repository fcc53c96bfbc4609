package dev.parley.app.signaling.server;

import dev.parley.app.signaling.protocol.ServerMessage;
import dev.parley.app.signaling.protocol.SignalingCodec;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Tyrus session seen as a {@link ClientConnection}: messages are encoded here and sent
 * asynchronously. A client that stops reading would make those sends pile up in the server's
 * memory; past {@link #MAX_QUEUED} unsent messages the connection is closed with 1008 (policy
 * violation, RFC 6455 §7.4.1) instead.
 */
final class WebSocketConnection implements ClientConnection {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketConnection.class);
    /** Unsent messages a connection may have queued before it counts as not reading. */
    static final int MAX_QUEUED = 1024;
    static final int CLOSE_POLICY_VIOLATION = 1008;

    private final AtomicInteger queued = new AtomicInteger();

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
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            LOG.info("{}: {} messages unsent, the client is not reading; closing", label, MAX_QUEUED);
            close(CLOSE_POLICY_VIOLATION, "not reading");
            return;
        }
        try {
            session.getAsyncRemote().sendText(codec.encode(message), result -> {
                queued.decrementAndGet();
                if (!result.isOK()) {
                    LOG.debug("{}: {} not sent: {}", label, message.getClass().getSimpleName(), result.getException().toString());
                }
            });
        } catch (RuntimeException e) {
            queued.decrementAndGet();
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
