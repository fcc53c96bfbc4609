package dev.parley.app.signaling.server;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Map;
import java.util.Set;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * Tyrus's WebSocket engine without Tyrus's own HTTP server: {@link SignalingServer} puts it on a
 * Grizzly listener it configured itself (bound host, TLS, static page on the same port), which
 * Tyrus's {@code Server} class does not allow.
 */
final class TyrusContainer extends TyrusServerContainer {
    private final TyrusWebSocketEngine engine;

    TyrusContainer(int incomingBufferSize) {
        super(Set.<Class<?>>of());
        engine = TyrusWebSocketEngine.builder(this).incomingBufferSize(incomingBufferSize).build();
    }

    @Override
    public void register(Class<?> endpointClass) throws DeploymentException {
        engine.register(endpointClass, "");
    }

    @Override
    public void register(ServerEndpointConfig config) throws DeploymentException {
        engine.register(config, "");
    }

    @Override
    public Map<String, Object> getProperties() {
        return Map.of();
    }

    @Override
    public WebSocketEngine getWebSocketEngine() {
        return engine;
    }
}
