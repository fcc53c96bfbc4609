package dev.parley.app.signaling.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Who a {@link SignalingClient} is and how patient it is.
 *
 * @param server {@code ws://} or {@code wss://} address of the server's WebSocket
 * @param name the display name to register
 * @param token the server's access token, or null
 * @param requestTimeout how long a request waits for its answer
 * @param heartbeatTimeout how long a ping waits for its pong before the connection counts as dead
 * @param reconnectInitial first reconnect delay (then doubling, with jitter)
 * @param reconnectMax longest reconnect delay
 */
public record SignalingClientConfig(URI server, String name, String token, Duration requestTimeout,
                                    Duration heartbeatTimeout, Duration reconnectInitial, Duration reconnectMax) {
    public SignalingClientConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(name, "name");
        if (!"ws".equals(server.getScheme()) && !"wss".equals(server.getScheme())) {
            throw new IllegalArgumentException("server: ws:// or wss://, not " + server);
        }
    }

    /** Sensible defaults: 10 s requests and heartbeat time-out, reconnect from 250 ms up to 30 s. */
    public static SignalingClientConfig of(URI server, String name, String token) {
        return new SignalingClientConfig(server, name, token, Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofMillis(250), Duration.ofSeconds(30));
    }

    @Override
    public String toString() {
        return "SignalingClientConfig[" + server + " as " + name + ", token " + (token == null ? "none" : "set") + "]";
    }
}
