package dev.parley.app.signaling.server;

import dev.parley.app.signaling.SerialLane;
import dev.parley.app.signaling.protocol.ClientEnvelope;
import dev.parley.app.signaling.protocol.ErrorCode;
import dev.parley.app.signaling.protocol.ProtocolException;
import dev.parley.app.signaling.protocol.SignalingCodec;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket endpoint (one instance for every session): it applies the per-connection rate
 * limit and decodes on Tyrus's threads, then hands each well-formed message to the hub's
 * executor. Bad input is answered with an error to its sender only; the connection stays open.
 * Public only because Tyrus calls its methods reflectively; not an API.
 */
public final class SignalingEndpoint extends Endpoint {
    private static final Logger LOG = LoggerFactory.getLogger(SignalingEndpoint.class);
    private static final String CONNECTION = "parley.connection";

    private final SignalingHub hub;
    private final Executor hubExecutor;
    private final Executor sendPool;
    private final SignalingCodec codec;
    private final SignalingServerConfig config;
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    SignalingEndpoint(SignalingHub hub, Executor hubExecutor, Executor sendPool, SignalingCodec codec,
                      SignalingServerConfig config) {
        this.hub = hub;
        this.hubExecutor = hubExecutor;
        this.sendPool = sendPool;
        this.codec = codec;
        this.config = config;
    }

    @Override
    public void onOpen(Session session, EndpointConfig endpointConfig) {
        // Frames above the codec's limit still arrive whole up to this bound so that the sender
        // hears "too-large"; beyond it Tyrus closes with 1009 (RFC 6455 §7.4.1).
        session.setMaxTextMessageBufferSize(codec.maxMessageBytes() * 4);
        session.setMaxBinaryMessageBufferSize(1024);
        // No Tyrus idle timeout: it re-arms a timer on every message sent or received (thousands a
        // second on a busy server) and counts the server's own sends as life; the hub's sweep drops
        // connections whose client has been silent instead (SignalingHub.sweepSilent). Negative, not
        // 0: Tyrus 2.2.2 schedules an immediate no-op timer task per message when it is 0.
        session.setMaxIdleTimeout(-1);
        WebSocketConnection connection = new WebSocketConnection(session, new SerialLane(sendPool), codec,
                new RateLimiter(config.messagesPerSecond(), config.messageBurst(), System::nanoTime),
                "connection " + connections.incrementAndGet());
        session.getUserProperties().put(CONNECTION, connection);
        toHub(() -> hub.opened(connection));
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> onText(connection, text));
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Whole<ByteBuffer>) bytes -> {
            connection.heard();
            refuse(connection, new ProtocolException(ErrorCode.BAD_JSON, "send JSON in text messages"));
        });
    }

    private void onText(WebSocketConnection connection, String text) {
        connection.heard();
        if (!connection.limiter.tryAcquire()) {
            refused.incrementAndGet();
            if (!connection.toldRateLimited) {
                connection.toldRateLimited = true;
                refuse(connection, new ProtocolException(ErrorCode.RATE_LIMITED,
                        "more than " + config.messagesPerSecond() + " messages a second; dropped"));
            }
            return;
        }
        connection.toldRateLimited = false;
        try {
            ClientEnvelope envelope = codec.decodeClientMessage(text);
            toHub(() -> hub.received(connection, envelope));
        } catch (ProtocolException e) {
            refused.incrementAndGet();
            LOG.debug("{}: refused: {}", connection.describe(), e.code().wireName());
            refuse(connection, e);
        }
    }

    private void refuse(WebSocketConnection connection, ProtocolException e) {
        toHub(() -> hub.refused(connection, e));
    }

    /** Hands work to the hub; once the server is stopping, the last sessions' events have nobody to go to. */
    private void toHub(Runnable task) {
        try {
            hubExecutor.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("server stopping: event dropped");
        }
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        Object connection = session.getUserProperties().get(CONNECTION);
        if (connection instanceof WebSocketConnection c) {
            toHub(() -> hub.closed(c));
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        LOG.debug("websocket error: {}", error.toString());
    }

    /** Messages refused so far (bad input and rate-limit drops), for tests and stats. */
    long refusedCount() {
        return refused.get();
    }
}
