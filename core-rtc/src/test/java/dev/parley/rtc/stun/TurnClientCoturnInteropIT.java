package dev.parley.rtc.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.net.RealNet;
import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.testutil.Coturn;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The TURN client against a real coturn on 127.0.0.1 (started by {@link Coturn}), over real sockets. */
class TurnClientCoturnInteropIT {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final InetSocketAddress LOOPBACK_ANY_PORT = new InetSocketAddress(LOOPBACK, 0);
    private static final long WAIT_SECONDS = 5;
    /** coturn grants at most this (max-allocate-lifetime), so refreshes happen within the test. */
    private static final int MAX_LIFETIME_SECONDS = 4;
    /** coturn's nonces go stale after this (stale-nonce), so longer tests meet real 438 answers. */
    private static final int NONCE_LIFETIME_SECONDS = 2;

    private static Coturn coturn;

    private final RealNet net = new RealNet();

    /** What a client's listener got: relayed datagrams and the allocation's failure. */
    record Received(InetSocketAddress peer, byte[] data) {}

    static final class Recorder implements TurnAllocation.Listener {
        final BlockingQueue<Received> data = new LinkedBlockingQueue<>();
        final CompletableFuture<TurnException> failed = new CompletableFuture<>();

        @Override
        public void onData(InetSocketAddress peer, byte[] bytes) {
            data.add(new Received(peer, bytes));
        }

        @Override
        public void onFailed(TurnException cause) {
            failed.complete(cause);
        }

        Received next() throws InterruptedException {
            Received r = data.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(r, "nothing relayed within " + WAIT_SECONDS + " s");
            return r;
        }
    }

    @BeforeAll
    static void startCoturn() throws Exception {
        coturn = Coturn.start("max-allocate-lifetime=" + MAX_LIFETIME_SECONDS,
                "stale-nonce=" + NONCE_LIFETIME_SECONDS);
    }

    @AfterAll
    static void stopCoturn() throws Exception {
        if (coturn != null) {
            coturn.close();
        }
    }

    @AfterEach
    void closeNet() {
        net.close();
    }

    private TurnServerConfig udp() {
        return TurnServerConfig.udp(coturn.address()).withLocalBind(LOOPBACK_ANY_PORT);
    }

    private TurnServerConfig tcp() {
        return TurnServerConfig.tcp(coturn.address()).withLocalBind(LOOPBACK_ANY_PORT);
    }

    private TurnServerConfig tls() throws Exception {
        return TurnServerConfig.tls(coturn.tlsAddress(), "localhost").withSslContext(coturn.trustingSslContext())
                .withLocalBind(LOOPBACK_ANY_PORT);
    }

    private static TurnCredentials goodCredentials() {
        return new TurnCredentials(Coturn.USERNAME, Coturn.PASSWORD);
    }

    private CompletableFuture<TurnAllocation> startAllocate(SerialExecutor executor, TurnServerConfig config,
            TurnCredentials credentials, TurnAllocation.Listener listener) {
        return TurnClient.allocate(net, executor, config, credentials, listener);
    }

    private TurnAllocation allocate(SerialExecutor executor, TurnServerConfig config, TurnAllocation.Listener listener)
            throws Exception {
        return startAllocate(executor, config, goodCredentials(), listener).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Runs {@code call} on the allocation's executor (it is confined there) and waits for its future. */
    private static <T> T on(SerialExecutor executor, Supplier<CompletableFuture<T>> call) throws Exception {
        CompletableFuture<CompletableFuture<T>> started = new CompletableFuture<>();
        executor.execute(() -> started.complete(call.get()));
        return started.get(WAIT_SECONDS, TimeUnit.SECONDS).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static boolean send(SerialExecutor executor, TurnAllocation allocation, InetSocketAddress to, String text)
            throws Exception {
        return on(executor, () -> CompletableFuture.completedFuture(
                allocation.send(to, text.getBytes(StandardCharsets.UTF_8))));
    }

    private void assertAllocatesOnLoopback(TurnServerConfig config) throws Exception {
        SerialExecutor executor = net.newSerialExecutor("turn-" + config.transport());
        long start = System.nanoTime();
        TurnAllocation allocation = allocate(executor, config, new Recorder());
        long micros = (System.nanoTime() - start) / 1000;
        System.out.printf("TURN allocation over %s on loopback: %d us%n", config.transport(), micros);
        assertEquals(LOOPBACK, allocation.relayedAddress().getAddress());
        assertTrue(allocation.relayedAddress().getPort() > 0);
        assertEquals(allocation.localAddress(), allocation.mappedAddress().orElseThrow(),
                "XOR-MAPPED-ADDRESS is our own address: no NAT on loopback");
        assertEquals(config.transport(), allocation.transport());
        assertTrue(allocation.lifetime().toSeconds() > 0
                && allocation.lifetime().toSeconds() <= MAX_LIFETIME_SECONDS, "lifetime " + allocation.lifetime());
        on(executor, allocation::close);
    }

    @Test
    void allocatesOverUdp() throws Exception {
        assertAllocatesOnLoopback(udp());
    }

    @Test
    void allocatesOverTcp() throws Exception {
        assertAllocatesOnLoopback(tcp());
    }

    @Test
    void allocatesOverTls() throws Exception {
        assertAllocatesOnLoopback(tls());
    }

    @Test
    void tlsRefusesTheSelfSignedCertificateWithoutExplicitTrust() throws Exception {
        SerialExecutor executor = net.newSerialExecutor("turn-tls-default-trust");
        TurnServerConfig defaultTrust = TurnServerConfig.tls(coturn.tlsAddress(), "localhost")
                .withLocalBind(LOOPBACK_ANY_PORT);
        ExecutionException e = assertThrows(ExecutionException.class, () -> startAllocate(executor, defaultTrust,
                goodCredentials(), new Recorder()).get(WAIT_SECONDS, TimeUnit.SECONDS));
        TurnException failure = assertInstanceOf(TurnException.class, e.getCause());
        assertEquals(0, failure.errorCode());
        assertTrue(failure.getMessage().contains("TLS"), failure.getMessage());
    }

    @Test
    void tlsVerifiesTheHostNameEvenWithATrustedCertificate() throws Exception {
        SerialExecutor executor = net.newSerialExecutor("turn-tls-wrong-name");
        TurnServerConfig wrongName = TurnServerConfig.tls(coturn.tlsAddress(), "turn.example.org")
                .withSslContext(coturn.trustingSslContext()).withLocalBind(LOOPBACK_ANY_PORT);
        ExecutionException e = assertThrows(ExecutionException.class, () -> startAllocate(executor, wrongName,
                goodCredentials(), new Recorder()).get(WAIT_SECONDS, TimeUnit.SECONDS));
        TurnException failure = assertInstanceOf(TurnException.class, e.getCause());
        assertTrue(failure.getMessage().contains("turn.example.org"), failure.getMessage());
    }

    @Test
    void wrongPasswordFailsWith401WithinSeconds() throws Exception {
        SerialExecutor executor = net.newSerialExecutor("turn-wrong-password");
        long start = System.nanoTime();
        ExecutionException e = assertThrows(ExecutionException.class, () -> startAllocate(executor, udp(),
                new TurnCredentials(Coturn.USERNAME, "not-the-password"), new Recorder()).get(3, TimeUnit.SECONDS));
        TurnException failure = assertInstanceOf(TurnException.class, e.getCause());
        assertEquals(401, failure.errorCode());
        assertFalse(failure.reason().isEmpty(), "the server's reason phrase is kept");
        assertTrue(failure.getMessage().contains(Coturn.USERNAME), failure.getMessage());
        System.out.printf("wrong password rejected in %d ms: %s%n",
                (System.nanoTime() - start) / 1_000_000, failure.getMessage());
    }

    /**
     * A over UDP and B over TCP (so ChannelData must be padded on B's stream) permit each other,
     * exchange datagrams by Send/Data indications, then bind channels and exchange ChannelData.
     */
    @Test
    void twoClientsRelayBothWaysByIndicationsThenChannels() throws Exception {
        SerialExecutor aExec = net.newSerialExecutor("turn-a");
        SerialExecutor bExec = net.newSerialExecutor("turn-b");
        Recorder aGot = new Recorder();
        Recorder bGot = new Recorder();
        TurnAllocation a = allocate(aExec, udp(), aGot);
        TurnAllocation b = allocate(bExec, tcp(), bGot);
        InetSocketAddress aRelay = a.relayedAddress();
        InetSocketAddress bRelay = b.relayedAddress();

        on(aExec, () -> a.createPermission(bRelay.getAddress()));
        on(bExec, () -> b.createPermission(aRelay.getAddress()));

        assertTrue(send(aExec, a, bRelay, "hello from A"));
        Received atB = bGot.next();
        assertEquals(aRelay, atB.peer(), "B sees A's relayed address as the sender");
        assertArrayEquals("hello from A".getBytes(StandardCharsets.UTF_8), atB.data());
        assertTrue(send(bExec, b, aRelay, "hi A"));
        Received atA = aGot.next();
        assertEquals(bRelay, atA.peer());
        assertArrayEquals("hi A".getBytes(StandardCharsets.UTF_8), atA.data());

        int aChannel = on(aExec, () -> a.bindChannel(bRelay));
        int bChannel = on(bExec, () -> b.bindChannel(aRelay));
        assertTrue(aChannel >= 0x4000 && aChannel <= 0x4FFF);
        assertTrue(bChannel >= 0x4000 && bChannel <= 0x4FFF);
        assertEquals(aChannel, (int) on(aExec, () -> a.bindChannel(bRelay)), "binding again reuses the channel");

        // Odd lengths, so that B's stream carries padded ChannelData both ways.
        assertTrue(send(aExec, a, bRelay, "by channel, A"));
        assertArrayEquals("by channel, A".getBytes(StandardCharsets.UTF_8), bGot.next().data());
        assertTrue(send(bExec, b, aRelay, "by channel, B!"));
        Received last = aGot.next();
        assertEquals(bRelay, last.peer());
        assertArrayEquals("by channel, B!".getBytes(StandardCharsets.UTF_8), last.data());

        assertEquals(1, (long) on(aExec, () -> CompletableFuture.completedFuture(a.receivedByIndication())));
        assertEquals(1, (long) on(aExec, () -> CompletableFuture.completedFuture(a.receivedByChannel())),
                "the server relayed to A by ChannelData once A's channel was bound");
        assertEquals(1, (long) on(bExec, () -> CompletableFuture.completedFuture(b.receivedByChannel())));
        assertEquals(0, (long) on(aExec, () -> CompletableFuture.completedFuture(a.droppedResponses())));
        on(aExec, a::close);
        on(bExec, b::close);
    }

    /**
     * A and C get 4 s lifetimes; A refreshes on its own at half of it, C is told not to. Past the
     * 4 s, A still relays and C's allocation is gone (437).
     */
    @Test
    void refreshesKeepAShortAllocationAlivePastItsLifetime() throws Exception {
        SerialExecutor aExec = net.newSerialExecutor("turn-a");
        SerialExecutor bExec = net.newSerialExecutor("turn-b");
        SerialExecutor cExec = net.newSerialExecutor("turn-c");
        Recorder aGot = new Recorder();
        Duration lifetime = Duration.ofSeconds(MAX_LIFETIME_SECONDS);
        TurnAllocation a = allocate(aExec, udp().withRequestedLifetime(lifetime), aGot);
        long allocatedAt = System.nanoTime();
        TurnAllocation c = allocate(cExec, udp().withRequestedLifetime(lifetime), new Recorder());
        TurnAllocation b = allocate(bExec, udp(), new Recorder());
        assertEquals(lifetime, a.lifetime());
        assertEquals(lifetime, c.lifetime());
        CompletableFuture<Long> firstRefreshMs = new CompletableFuture<>();
        on(aExec, () -> {
            a.setRefreshObserver(granted -> firstRefreshMs.complete((System.nanoTime() - allocatedAt) / 1_000_000));
            return a.createPermission(b.relayedAddress().getAddress());
        });
        on(cExec, () -> {
            c.stopRefreshing();
            return CompletableFuture.completedFuture(null);
        });
        on(bExec, () -> b.createPermission(a.relayedAddress().getAddress()));

        long refreshedAt = firstRefreshMs.get(MAX_LIFETIME_SECONDS, TimeUnit.SECONDS);
        assertTrue(refreshedAt >= lifetime.toMillis() / 2 - 100 && refreshedAt < lifetime.toMillis(),
                "refreshed at half the lifetime, not after " + refreshedAt + " ms");
        // Wait out the first lifetime (plus coturn's 1 s timer granularity): that is what is tested.
        long remainingMs = lifetime.toMillis() + 2000 - (System.nanoTime() - allocatedAt) / 1_000_000;
        CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(remainingMs, TimeUnit.MILLISECONDS))
                .get(remainingMs + 1000, TimeUnit.MILLISECONDS);

        assertTrue(send(bExec, b, a.relayedAddress(), "still here"));
        assertArrayEquals("still here".getBytes(StandardCharsets.UTF_8), aGot.next().data());
        assertFalse(aGot.failed.isDone());
        ExecutionException expired = assertThrows(ExecutionException.class, () -> on(cExec, c::refresh));
        assertEquals(437, assertInstanceOf(TurnException.class, expired.getCause()).errorCode(),
                "the allocation that was not refreshed expired");
        long staleNonces = on(cExec, () -> CompletableFuture.completedFuture(c.session().staleNonces()));
        assertTrue(staleNonces >= 1, "C's late Refresh met coturn's 438 and was retried with the new nonce");
        on(aExec, a::close);
        on(bExec, b::close);
    }

    /** After LIFETIME 0 the server drops the allocation (coturn on its next 1 s tick), then answers 437. */
    @Test
    void deallocationEndsTheAllocationOnTheServer() throws Exception {
        SerialExecutor executor = net.newSerialExecutor("turn-dealloc");
        TurnAllocation allocation = allocate(executor, udp(), new Recorder());
        on(executor, allocation::deallocate);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        TurnException refused = null;
        while (refused == null && System.nanoTime() < deadline) {
            // CreatePermission does not revive an allocation (a Refresh would): ask until the server refuses.
            try {
                on(executor, () -> allocation.session().request(StunMethod.CREATE_PERMISSION,
                        java.util.List.of(new XorPeerAddress(new InetSocketAddress(LOOPBACK, 0)))));
                CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS))
                        .get(1, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                refused = assertInstanceOf(TurnException.class, e.getCause());
            }
        }
        assertNotNull(refused, "the server still had the allocation 3 s after LIFETIME 0");
        ExecutionException e = assertThrows(ExecutionException.class, () -> on(executor, allocation::refresh));
        assertEquals(437, assertInstanceOf(TurnException.class, e.getCause()).errorCode());
        on(executor, allocation::close);
    }

    @Test
    void closeDeallocatesAndLaterSendsFail() throws Exception {
        SerialExecutor executor = net.newSerialExecutor("turn-close");
        TurnAllocation allocation = allocate(executor, tcp(), new Recorder());
        InetSocketAddress relay = allocation.relayedAddress();
        on(executor, allocation::close); // completes only on the server's success answer to LIFETIME 0
        assertFalse(send(executor, allocation, relay, "after close"));
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> on(executor, () -> allocation.createPermission(LOOPBACK)));
        assertInstanceOf(TurnException.class, e.getCause());
    }

    @Test
    void unreachableTcpServerFailsWithAClearMessage() throws Exception {
        SerialExecutor executor = net.newSerialExecutor("turn-unreachable");
        InetSocketAddress nobody;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, LOOPBACK)) {
            nobody = new InetSocketAddress(LOOPBACK, s.getLocalPort());
        }
        ExecutionException e = assertThrows(ExecutionException.class, () -> startAllocate(executor,
                TurnServerConfig.tcp(nobody), goodCredentials(), new Recorder()).get(WAIT_SECONDS, TimeUnit.SECONDS));
        TurnException failure = assertInstanceOf(TurnException.class, e.getCause());
        assertEquals(0, failure.errorCode());
        assertTrue(failure.getMessage().contains("could not connect"), failure.getMessage());
    }
}
