package dev.parley.app.signaling.server;

import dev.parley.app.signaling.protocol.ServerMessage;
import dev.parley.app.signaling.protocol.SignalingCodec;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Tyrus session seen as a {@link ClientConnection}: messages are encoded and handed to Tyrus on
 * the connection's own send lane, in the order the hub sent them, so that the one hub thread only
 * decides and the encoding of 6 KB descriptions spreads over the send pool's threads. A client that stops reading would make those sends pile up in the server's
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
    private final Executor lane;
    private final SignalingCodec codec;
    private final String label;
    final RateLimiter limiter;
    /** Set by the endpoint when it has told the client about a burst of drops, so one burst costs one error. */
    volatile boolean toldRateLimited;
    /** Stamped by the endpoint on every message, dropped ones too: a flooding client is not silent. */
    private volatile long lastHeardNanos = System.nanoTime();

    /** {@code lane} runs tasks one at a time in order (a {@code SerialLane}). */
    WebSocketConnection(Session session, Executor lane, SignalingCodec codec, RateLimiter limiter, String label) {
        this.session = session;
        this.lane = lane;
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
        lane.execute(() -> sendNow(message));
    }

    private void sendNow(ServerMessage message) {
        try {
            session.getAsyncRemote().sendText(codec.encode(message), result -> {
                queued.decrementAndGet();
                if (!result.isOK()) {
                    LOG.debug("{}: {} not sent: {}", label, message.getClass().getSimpleName(), result.getException().toString());
                }
            });
        } catch (RuntimeException e) {
            queued.decrementAndGet();
            // The session closed since the message was queued: it has nobody to go to.
            LOG.debug("{}: {} not sent: {}", label, message.getClass().getSimpleName(), e.toString());
        }
    }

    @Override
    public void close(int code, String reason) {
        lane.execute(() -> closeNow(code, reason));   // after the messages sent before it
    }

    private void closeNow(int code, String reason) {
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

    @Override
    public long lastHeardNanos() {
        return lastHeardNanos;
    }

    /** The client said something just now. */
    void heard() {
        lastHeardNanos = System.nanoTime();
    }
}
