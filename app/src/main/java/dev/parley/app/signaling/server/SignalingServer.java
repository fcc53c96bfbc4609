package dev.parley.app.signaling.server;

import dev.parley.app.signaling.protocol.SignalingCodec;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.grizzly.strategies.SameThreadIOStrategy;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded signaling server: WebSocket (RFC 6455) at {@value #PATH} and the browser calling
 * page at {@code /}, on one Grizzly listener bound to the configured host and port, with TLS when
 * configured. {@link #start} returns once it listens; {@link #close} stops it and its threads.
 *
 * <p>Threads: Grizzly's selector threads read and decode messages and apply rate limits; one hub
 * thread owns every registration and call ({@link SignalingHub}); a send pool, one thread a core,
 * encodes and writes each connection's messages in order ({@link WebSocketConnection}).
 */
public final class SignalingServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SignalingServer.class);
    /** The WebSocket path. */
    public static final String PATH = "/signal";
    /** Where the browser page lives on the class path (module {@code resources}). */
    static final String PAGE_RESOURCES = "dev/parley/resources/web/";

    private final SignalingServerConfig config;
    private final ScheduledExecutorService hubExecutor;
    private final ExecutorService sendPool;
    private final SignalingHub hub;
    private final SignalingEndpoint endpoint;
    private final HttpServer http;
    private final NetworkListener listener;

    private SignalingServer(SignalingServerConfig config) {
        this.config = config;
        this.hubExecutor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parley-signaling-hub");
            t.setDaemon(true);
            return t;
        });
        this.sendPool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r, "parley-signaling-send");
            t.setDaemon(true);
            return t;
        });
        this.hub = new SignalingHub(config.hubSettings(), timers());
        this.endpoint = new SignalingEndpoint(hub, hubExecutor, sendPool, new SignalingCodec(config.maxMessageBytes()), config);
        this.http = new HttpServer();
        this.listener = new NetworkListener("parley-signaling", config.host(), config.port());
    }

    /** Starts a server and returns once it listens. */
    public static SignalingServer start(SignalingServerConfig config) throws IOException {
        SignalingServer server = new SignalingServer(config);
        try {
            server.listen();
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private void listen() throws IOException {
        if (config.tls()) {
            try {
                listener.setSecure(true);
                listener.setSSLEngineConfig(new SSLEngineConfigurator(
                        PemTls.serverContext(config.tlsCertificate(), config.tlsKey()), false, false, false));
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot use the TLS certificate and key: " + e.getMessage(), e);
            }
        }
        // Messages are read and decoded on the selector threads that received them, one thread hop
        // fewer than Grizzly's worker pool: decoding is bounded by the size limit, the hub and the
        // send lanes do the rest, and the page's few small files come from the class path.
        listener.getTransport().setIOStrategy(SameThreadIOStrategy.getInstance());
        // WebSocket connections are long-lived; the hub's heartbeat rule, not HTTP keep-alive, ends idle ones.
        listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
        TyrusContainer container = new TyrusContainer(config.maxMessageBytes() * 4 + 1024);
        try {
            container.register(ServerEndpointConfig.Builder.create(SignalingEndpoint.class, PATH)
                    .configurator(new ServerEndpointConfig.Configurator() {
                        @Override
                        public <T> T getEndpointInstance(Class<T> endpointClass) {
                            return endpointClass.cast(endpoint);
                        }
                    }).build());
        } catch (DeploymentException e) {
            throw new IOException("cannot deploy the signaling endpoint", e);
        }
        listener.registerAddOn(new WebSocketAddOn(container, ""));
        http.addListener(listener);
        if (config.servePage()) {
            http.getServerConfiguration().addHttpHandler(
                    new PageHandler(SignalingServer.class.getClassLoader(), PAGE_RESOURCES), "/");
        }
        http.start();
        LOG.info("signaling on {}://{}:{}{} ({})", config.tls() ? "wss" : "ws", config.host(), port(), PATH, config);
    }

    /** The hub's timers on the hub's own thread, in {@link System#nanoTime()}. */
    private HubTimers timers() {
        return new HubTimers() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public Cancellable schedule(Duration delay, Runnable task) {
                ScheduledFuture<?> future = hubExecutor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
                return () -> future.cancel(false);
            }
        };
    }

    /** The bound port (the chosen one when the configuration said 0). */
    public int port() {
        return listener.getPort();
    }

    /** Where clients connect, e.g. {@code ws://127.0.0.1:43125/signal}. */
    public URI webSocketUri() {
        return URI.create((config.tls() ? "wss" : "ws") + "://" + hostForUri() + ":" + port() + PATH);
    }

    /** Where a browser finds the calling page. */
    public URI pageUri() {
        return URI.create((config.tls() ? "https" : "http") + "://" + hostForUri() + ":" + port() + "/");
    }

    private String hostForUri() {
        String host = config.host();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** How many connections the hub holds, registered or not (read on the hub thread). */
    public int clientCount() {
        return onHub(hub::clientCount);
    }

    /** How many calls the hub knows. */
    public int callCount() {
        return onHub(hub::callCount);
    }

    /** Messages refused so far: malformed, oversized, of another version, or over the rate. */
    public long refusedCount() {
        return endpoint.refusedCount();
    }

    private int onHub(java.util.concurrent.Callable<Integer> query) {
        try {
            return hubExecutor.submit(query).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the hub did not answer", e);
        }
    }

    @Override
    public void close() {
        http.shutdownNow();
        hubExecutor.shutdownNow();
        sendPool.shutdownNow();
        LOG.info("signaling server on port {} stopped", listener.getPort());
    }
}
