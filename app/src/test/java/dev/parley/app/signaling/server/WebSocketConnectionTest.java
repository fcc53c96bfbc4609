package dev.parley.app.signaling.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.parley.app.signaling.protocol.ServerMessage;
import dev.parley.app.signaling.protocol.SignalingCodec;
import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A client that stops reading is closed once its unsent messages pass the limit, not buffered for ever. */
class WebSocketConnectionTest {
    private final List<SendHandler> unsent = new ArrayList<>();
    private CloseReason closedWith;

    /** A session whose sends never complete until the test completes them, as when the peer does not read. */
    private Session stalledSession() {
        RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendText") && args.length == 2) {
                        unsent.add((SendHandler) args[1]);
                    }
                    return null;
                });
        return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isOpen" -> closedWith == null;
                    case "getAsyncRemote" -> remote;
                    case "close" -> {
                        closedWith = args == null ? null : (CloseReason) args[0];
                        yield null;
                    }
                    default -> null;
                });
    }

    @Test
    void aClientThatDoesNotReadIsClosedAtTheLimit() {
        WebSocketConnection c = new WebSocketConnection(stalledSession(), Runnable::run, new SignalingCodec(),
                new RateLimiter(50, 200, System::nanoTime), "connection 1");
        for (int i = 0; i < WebSocketConnection.MAX_QUEUED; i++) {
            c.send(new ServerMessage.Ack(i + 1));
        }
        assertNull(closedWith, "at the limit, still open");
        unsent.remove(0).onResult(new SendResult());   // one went out: room for one more
        c.send(new ServerMessage.Ack(5000));
        assertNull(closedWith);
        c.send(new ServerMessage.Ack(5001));
        assertEquals(WebSocketConnection.CLOSE_POLICY_VIOLATION, closedWith.getCloseCode().getCode());
        assertEquals(WebSocketConnection.MAX_QUEUED, unsent.size(), "nothing more was queued");
    }
}
