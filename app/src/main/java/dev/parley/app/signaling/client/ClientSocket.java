package dev.parley.app.signaling.client;

import dev.parley.app.signaling.protocol.SignalingCodec;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection's Tyrus callbacks, passed straight on to the client's lane. Public
 * only because Tyrus calls its methods reflectively; not an API.
 */
public final class ClientSocket extends Endpoint {
    private static final Logger LOG = LoggerFactory.getLogger(ClientSocket.class);

    private final Consumer<Session> onOpen;
    private final Consumer<String> onText;
    private final IntConsumer onClose;

    ClientSocket(Consumer<Session> onOpen, Consumer<String> onText, IntConsumer onClose) {
        this.onOpen = onOpen;
        this.onText = onText;
        this.onClose = onClose;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.setMaxTextMessageBufferSize(4 * SignalingCodec.DEFAULT_MAX_MESSAGE_BYTES);
        // The client's heartbeat finds dead paths. Tyrus's own idle timeout is off only when
        // negative: at its default 0 Tyrus 2.2.2 schedules a no-op timer task for every message.
        session.setMaxIdleTimeout(-1);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) onText::accept);
        onOpen.accept(session);
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        onClose.accept(reason.getCloseCode().getCode());
    }

    @Override
    public void onError(Session session, Throwable error) {
        LOG.debug("websocket error: {}", error.toString());
    }
}
