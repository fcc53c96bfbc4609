package dev.parley.app.signaling.client;

import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.glassfish.tyrus.client.SslEngineConfigurator;
import org.glassfish.tyrus.client.ThreadPoolConfig;

/**
 * What signaling clients share: the Tyrus client (one Grizzly transport for every connection),
 * the TLS trust, a small pool that runs every client's serial lane and timers, and threads for
 * the blocking WebSocket handshakes. The composition root makes one and closes it last; a
 * thousand clients can share it.
 */
public final class SignalingClientRuntime implements AutoCloseable {
    /** Threads that read every connection's frames (see {@link #newManager()}). */
    static final int IO_THREADS = 3;

    private final ClientManager plain;
    private final ClientManager secure;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService connector;

    /**
     * @param trust how {@code wss://} servers are judged
     * @param threads the size of the shared pool for lanes and timers
     */
    public SignalingClientRuntime(ServerTrust trust, int threads) throws GeneralSecurityException {
        // Two Tyrus clients: Tyrus applies a configured TLS engine to ws:// connections too.
        plain = newManager();
        secure = newManager();
        secure.getProperties().put(ClientProperties.SSL_ENGINE_CONFIGURATOR, sslConfigurator(trust));
        scheduler = Executors.newScheduledThreadPool(threads, daemon("parley-signaling-client"));
        connector = Executors.newFixedThreadPool(Math.max(2, threads), daemon("parley-signaling-connect"));
    }

    private static ClientManager newManager() {
        ClientManager manager = ClientManager.createClient();
        manager.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
        // Left alone, Grizzly's client adds a read thread whenever a message finds every one busy
        // (534 threads, mostly idle, with 1,000 clients in one JVM). Its threads only unframe text
        // and hand it to a client's lane, never block, so Tyrus's smallest pool (three) does.
        manager.getProperties().put(ClientProperties.WORKER_THREAD_POOL_CONFIG, ThreadPoolConfig.defaultConfig()
                .setPoolName("parley-signaling-io").setCorePoolSize(1).setMaxPoolSize(IO_THREADS).setDaemon(true));
        manager.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, 10_000);
        return manager;
    }

    private static SslEngineConfigurator sslConfigurator(ServerTrust trust) throws GeneralSecurityException {
        if (trust.pin().isEmpty()) {
            SslEngineConfigurator configurator = new SslEngineConfigurator(SSLContext.getDefault(), true, false, false);
            configurator.setHostVerificationEnabled(true);
            return configurator;
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trust.pinnedTrustManager()}, null);
        SslEngineConfigurator configurator = new SslEngineConfigurator(context, true, false, false);
        configurator.setHostVerificationEnabled(false);
        return configurator;
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The Tyrus client for {@code ws://} ({@code secure} false) or {@code wss://}. */
    ClientManager manager(boolean secure) {
        return secure ? this.secure : plain;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** Runs {@code task} after {@code delay} on the shared pool; a no-op once the runtime is closed. */
    Future<?> schedule(Runnable task, Duration delay) {
        try {
            return scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(null);
        }
    }

    /** Runs {@code task} on the pool for blocking work (handshakes, closes); a no-op once closed. */
    void runBlocking(Runnable task) {
        try {
            connector.execute(task);
        } catch (RejectedExecutionException e) {
            // closed: the task's connection goes with the runtime
        }
    }

    @Override
    public void close() {
        connector.shutdownNow();
        scheduler.shutdownNow();
        plain.shutdown();
        secure.shutdown();
    }
}
