package dev.parley.rtc.stun;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.net.NatBehavior;
import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.net.VirtualClock;
import dev.parley.rtc.net.VirtualHost;
import dev.parley.rtc.net.VirtualNetwork;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The TURN client's logic — authentication, retries, refresh timing, hostile input — against a
 * scripted {@link FakeTurnServer} on the virtual network with its virtual clock.
 */
class TurnClientTest {
    private static final InetSocketAddress PEER = new InetSocketAddress("192.0.2.77", 40_000);
    private static final Duration LONG = Duration.ofHours(2);

    private final VirtualNetwork net = new VirtualNetwork(3);
    private final VirtualClock clock = net.clock();
    private final VirtualHost serverHost = net.addPublicHost("198.51.100.10");
    private final VirtualHost clientHost = net.addPublicHost("203.0.113.5");
    private final SerialExecutor clientExec = clientHost.newSerialExecutor("turn-client");
    private final List<String> events = new ArrayList<>();
    private final List<TurnException> failures = new ArrayList<>();
    private FakeTurnServer server;

    private final TurnAllocation.Listener listener = new TurnAllocation.Listener() {
        @Override
        public void onData(InetSocketAddress peer, byte[] data) {
            events.add(peer + " " + new String(data, StandardCharsets.UTF_8));
        }

        @Override
        public void onFailed(TurnException cause) {
            failures.add(cause);
        }
    };

    @BeforeEach
    void startServer() throws Exception {
        server = new FakeTurnServer(serverHost, serverHost.newSerialExecutor("fake-turn"));
    }

    private TurnServerConfig config() {
        return TurnServerConfig.udp(server.address());
    }

    private static TurnCredentials goodCredentials() {
        return new TurnCredentials(FakeTurnServer.USERNAME, FakeTurnServer.PASSWORD);
    }

    private CompletableFuture<TurnAllocation> startAllocate(VirtualHost host, SerialExecutor executor,
            TurnServerConfig config, TurnCredentials credentials) {
        CompletableFuture<TurnAllocation> future = TurnClient.allocate(host, executor, config, credentials, listener);
        clock.runUntil(future::isDone, LONG);
        assertTrue(future.isDone(), "allocation neither succeeded nor failed");
        return future;
    }

    private TurnAllocation allocate() {
        return startAllocate(clientHost, clientExec, config(), goodCredentials()).join();
    }

    private TurnException allocationFailure(TurnServerConfig config, TurnCredentials credentials) {
        CompletableFuture<TurnAllocation> future = startAllocate(clientHost, clientExec, config, credentials);
        return failureOf(future);
    }

    private static TurnException failureOf(CompletableFuture<?> future) {
        assertTrue(future.isCompletedExceptionally(), "expected a failure");
        try {
            future.join();
            throw new AssertionError("unreachable");
        } catch (CompletionException e) {
            return assertInstanceOf(TurnException.class, e.getCause());
        }
    }

    /** Runs {@code call} on the client's executor and the clock until its future is done. */
    private <T> CompletableFuture<T> on(Supplier<CompletableFuture<T>> call) {
        List<CompletableFuture<T>> holder = new ArrayList<>();
        clientExec.execute(() -> holder.add(call.get()));
        clock.runPending();
        CompletableFuture<T> future = holder.get(0);
        clock.runUntil(future::isDone, LONG);
        return future;
    }

    private boolean send(TurnAllocation allocation, InetSocketAddress peer, String text) {
        boolean sent = on(() -> CompletableFuture.completedFuture(
                allocation.send(peer, text.getBytes(StandardCharsets.UTF_8)))).join();
        clock.runPending();
        return sent;
    }

    private static List<Long> times(List<FakeTurnServer.Received> received) {
        List<Long> out = new ArrayList<>();
        received.forEach(r -> out.add(r.atMillis()));
        return out;
    }

    @Test
    void answersThe401ChallengeWithLongTermCredentials() {
        TurnAllocation allocation = allocate();

        List<FakeTurnServer.Received> allocates = server.requests(StunMethod.ALLOCATE);
        assertEquals(2, allocates.size());
        StunMessage first = allocates.get(0).message();
        assertTrue(first.first(MessageIntegrity.class).isEmpty(), "the first Allocate goes without credentials");
        assertEquals(RequestedTransport.UDP, first.first(RequestedTransport.class).orElseThrow().protocol());
        StunMessage second = allocates.get(1).message();
        assertEquals(FakeTurnServer.USERNAME, second.first(Username.class).orElseThrow().name());
        assertEquals(FakeTurnServer.REALM, second.first(Realm.class).orElseThrow().realm());
        assertEquals("nonce-1", second.first(Nonce.class).orElseThrow().nonce());
        assertTrue(StunIntegrity.checkIntegrity(allocates.get(1).raw(),
                StunCredentials.longTermKey(FakeTurnServer.USERNAME, FakeTurnServer.REALM, FakeTurnServer.PASSWORD)));

        assertEquals(server.relayedAddress(), allocation.relayedAddress());
        assertEquals(new InetSocketAddress(clientHost.address(), allocation.localAddress().getPort()),
                allocation.mappedAddress().orElseThrow());
        assertEquals(Duration.ofMinutes(10), allocation.lifetime());
    }

    @Test
    void behindANatTheMappedAddressIsTheNatsPublicOne() throws Exception {
        VirtualHost natted = net.addLan("10.0.1.0/24", NatBehavior.portRestrictedCone(), "203.0.113.1")
                .addHost("10.0.1.2");
        SerialExecutor executor = natted.newSerialExecutor("natted");
        TurnServerConfig config = config().withLocalBind(new InetSocketAddress(natted.address(), 0));
        TurnAllocation allocation = startAllocate(natted, executor, config, goodCredentials()).join();
        assertEquals(InetAddress.getByName("203.0.113.1"), allocation.mappedAddress().orElseThrow().getAddress());
        assertEquals(InetAddress.getByName("10.0.1.2"), allocation.localAddress().getAddress());
    }

    @Test
    void aStaleNonceIsRetriedOnceWithTheNewNonce() {
        server.staleNonceOnce = true;
        allocate();
        List<FakeTurnServer.Received> allocates = server.requests(StunMethod.ALLOCATE);
        assertEquals(3, allocates.size(), "challenge, 438, then success");
        assertEquals("nonce-1+", allocates.get(2).message().first(Nonce.class).orElseThrow().nonce());

        // Later requests use the new nonce too, and a 438 on them is retried the same way.
        TurnAllocation allocation = allocate();
        server.staleNonceOnce = true;
        on(() -> allocation.createPermission(PEER.getAddress())).join();
        List<FakeTurnServer.Received> permissions = server.requests(StunMethod.CREATE_PERMISSION);
        assertEquals(2, permissions.size());
        assertEquals("nonce-1++", permissions.get(1).message().first(Nonce.class).orElseThrow().nonce());
    }

    @Test
    void aWrongPasswordFailsWith401AndTheServersReasonWithoutRetryingForever() {
        TurnException failure = allocationFailure(config(), new TurnCredentials(FakeTurnServer.USERNAME, "guess"));
        assertEquals(401, failure.errorCode());
        assertEquals("Unauthorized", failure.reason());
        assertFalse(failure.isTimeout());
        assertEquals(2, server.requests(StunMethod.ALLOCATE).size());
        assertTrue(clock.elapsed().toMillis() < 100, "failed at once, not after timeouts: " + clock.elapsed());
    }

    @Test
    void serverErrorsSurfaceWithCodeAndReason() {
        server.failCode = ErrorCode.ALLOCATION_QUOTA_REACHED;
        server.failReason = "Allocation Quota Reached";
        TurnException quota = allocationFailure(config(), goodCredentials());
        assertEquals(486, quota.errorCode());
        assertEquals("Allocation Quota Reached", quota.reason());
        assertTrue(quota.getMessage().contains("486"), quota.getMessage());

        TurnAllocation allocation = allocate();
        server.failMethod = StunMethod.CREATE_PERMISSION;
        server.failCode = ErrorCode.FORBIDDEN;
        server.failReason = "Forbidden IP";
        TurnException forbidden = failureOf(on(() -> allocation.createPermission(PEER.getAddress())));
        assertEquals(403, forbidden.errorCode());
        assertEquals("Forbidden IP", forbidden.reason());
    }

    @Test
    void aSilentServerFailsTheAllocationAfterTheRetransmissionSchedule() {
        server.silent = true;
        TurnException failure = allocationFailure(config(), goodCredentials());
        assertTrue(failure.isTimeout());
        assertEquals(0, failure.errorCode());
        assertInstanceOf(StunTimeoutException.class, failure.getCause());
        assertTrue(failure.getMessage().contains(server.address().toString()), failure.getMessage());
        assertEquals(39_500, clock.elapsed().toMillis(), "RFC 8489's 39.5 s, then a clear failure");
        assertEquals(7, server.requests(StunMethod.ALLOCATE).size());
    }

    @Test
    void aForgedResponseIsDroppedAndTheRealOneCompletesTheRequest() {
        server.forgeOnce = true;
        TurnAllocation allocation = allocate();
        assertEquals(server.relayedAddress(), allocation.relayedAddress(), "the forged relayed address was not taken");
        assertEquals(1, on(() -> CompletableFuture.completedFuture(allocation.droppedResponses())).join());
    }

    @Test
    void anUnsignedSuccessToAnAuthenticatedRequestIsDropped() {
        server.forgeUnsignedOnce = true;
        TurnAllocation allocation = allocate();
        assertEquals(server.relayedAddress(), allocation.relayedAddress());
        assertEquals(1, on(() -> CompletableFuture.completedFuture(allocation.droppedResponses())).join());
    }

    @Test
    void junkAndResponsesToNoRequestAreCountedAndIgnored() {
        TurnAllocation allocation = allocate();
        server.sendToClient(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20});
        server.sendToClient(StunMessage.builder(StunClass.SUCCESS_RESPONSE, StunMethod.REFRESH,
                TransactionId.random(new java.util.Random(1))).build().toBytes());
        clock.runPending();
        assertEquals(1, on(() -> CompletableFuture.completedFuture(allocation.malformedMessages())).join());
        assertEquals(1, on(() -> CompletableFuture.completedFuture(allocation.droppedResponses())).join());
        assertTrue(failures.isEmpty());
    }

    @Test
    void refreshesAMinuteBeforeExpiryOrAtHalfAShortLifetime() {
        TurnAllocation allocation = allocate();
        long allocatedAt = clock.elapsed().toMillis();
        clock.advance(Duration.ofMinutes(20));
        assertEquals(List.of(allocatedAt + 540_000, allocatedAt + 1_080_000),
                times(server.requests(StunMethod.REFRESH)), "10-minute lifetime: refresh at 9 minutes");

        server.grantedLifetimeSeconds = 100;
        TurnAllocation shortLived = allocate();
        long shortAt = clock.elapsed().toMillis();
        int before = server.requests(StunMethod.REFRESH).size();
        clock.advance(Duration.ofSeconds(101));
        List<Long> refreshes = times(server.requests(StunMethod.REFRESH)).subList(before,
                server.requests(StunMethod.REFRESH).size());
        assertEquals(List.of(shortAt + 50_000, shortAt + 100_000), refreshes, "100 s lifetime: refresh every 50 s");
        assertTrue(failures.isEmpty());
        assertEquals(Duration.ofSeconds(100), shortLived.lifetime());
        assertEquals(Duration.ofMinutes(10), allocation.lifetime());
    }

    @Test
    void aRefusedRefreshFailsTheAllocationWithTheServersCode() {
        allocate();
        server.failMethod = StunMethod.REFRESH;
        server.failCode = ErrorCode.ALLOCATION_MISMATCH;
        server.failReason = "Allocation Mismatch";
        clock.advance(Duration.ofMinutes(10));
        assertEquals(1, failures.size());
        assertEquals(437, failures.get(0).errorCode());
        int requests = server.received.size();
        clock.advance(Duration.ofHours(1));
        assertEquals(requests, server.received.size(), "a failed allocation sends nothing more");
    }

    @Test
    void permissionsAreRefreshedEveryFourMinutesUntilClose() {
        TurnAllocation allocation = allocate();
        long grantedAt = clock.elapsed().toMillis();
        on(() -> allocation.createPermission(PEER.getAddress())).join();
        clock.advance(Duration.ofMinutes(9));
        List<FakeTurnServer.Received> permissions = server.requests(StunMethod.CREATE_PERMISSION);
        assertEquals(List.of(grantedAt, grantedAt + 240_000, grantedAt + 480_000), times(permissions));
        XorPeerAddress peer = permissions.get(0).message().first(XorPeerAddress.class).orElseThrow();
        assertEquals(PEER.getAddress(), peer.address().getAddress());

        on(allocation::close).join();
        StunMessage last = server.requests(StunMethod.REFRESH).get(server.requests(StunMethod.REFRESH).size() - 1)
                .message();
        assertEquals(0, last.first(Lifetime.class).orElseThrow().seconds(), "close deallocates with LIFETIME 0");
        int requests = server.received.size();
        clock.advance(Duration.ofHours(1));
        assertEquals(requests, server.received.size(), "no refreshes after close");
        assertFalse(send(allocation, PEER, "late"));
    }

    @Test
    void sendUsesSendIndicationsUntilTheChannelIsConfirmedThenChannelData() throws Exception {
        TurnAllocation allocation = allocate();
        assertTrue(send(allocation, PEER, "by indication"));
        FakeTurnServer.Received indication = server.indications().get(0);
        assertEquals(StunMethod.SEND, indication.method());
        assertEquals(PEER, indication.message().first(XorPeerAddress.class).orElseThrow().address());
        assertArrayEquals("by indication".getBytes(StandardCharsets.UTF_8),
                indication.message().first(Data.class).orElseThrow().data());

        long boundAt = clock.elapsed().toMillis();
        int channel = on(() -> allocation.bindChannel(PEER)).join();
        assertEquals(0x4000, channel);
        assertTrue(send(allocation, PEER, "by channel"));
        assertEquals(1, server.indications().size(), "no more Send indications");
        ChannelData data = ChannelData.parse(server.channelData.get(0));
        assertEquals(0x4000, data.channelNumber());
        assertArrayEquals("by channel".getBytes(StandardCharsets.UTF_8), data.data());

        // The binding is refreshed at 9 minutes, its permission every 4 (RFC 8656 §12, §9).
        clock.advance(Duration.ofMinutes(10));
        assertEquals(List.of(boundAt, boundAt + 540_000), times(server.requests(StunMethod.CHANNEL_BIND)));
        assertEquals(List.of(boundAt + 240_000, boundAt + 480_000),
                times(server.requests(StunMethod.CREATE_PERMISSION)));
        assertEquals(channel, (int) on(() -> allocation.bindChannel(PEER)).join(), "the peer keeps its channel");
    }

    @Test
    void dataIndicationsAreDeliveredAndChannelDataOnlyOnBoundChannels() {
        TurnAllocation allocation = allocate();
        // No permission for PEER: delivered anyway, permissions are the server's to enforce.
        server.sendDataIndication(PEER, "hello".getBytes(StandardCharsets.UTF_8));
        server.sendToClient(new ChannelData(0x4001, "unbound".getBytes(StandardCharsets.UTF_8)).toBytes(false));
        clock.runPending();
        assertEquals(List.of(PEER + " hello"), events);
        assertEquals(1, on(() -> CompletableFuture.completedFuture(allocation.droppedUnboundChannelData())).join());

        int channel = on(() -> allocation.bindChannel(PEER)).join();
        server.sendToClient(new ChannelData(channel, "bound".getBytes(StandardCharsets.UTF_8)).toBytes(false));
        clock.runPending();
        assertEquals(List.of(PEER + " hello", PEER + " bound"), events);
    }

    @Test
    void callsFromOffTheExecutorAreRefused() {
        TurnAllocation allocation = allocate();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> allocation.send(PEER, new byte[1]));
        assertTrue(e.getMessage().contains("executor"));
        clock.runPending();
        assertTrue(server.indications().isEmpty(), "nothing was sent");
    }

    @Test
    void aTcpServerThatHangsUpFailsTheAllocationAtOnce() throws Exception {
        SerialExecutor serverExec = serverHost.newSerialExecutor("tcp-server");
        InetSocketAddress tcpServer = serverHost.listenTcp(new InetSocketAddress(serverHost.address(), 3478),
                connection -> new dev.parley.rtc.net.StreamHandler() {
                    @Override
                    public void onData(dev.parley.rtc.net.TcpConnection c, byte[] data) {
                        c.close();
                    }
                }, serverExec).localAddress();
        TurnException failure = allocationFailure(TurnServerConfig.tcp(tcpServer), goodCredentials());
        assertEquals(0, failure.errorCode());
        assertFalse(failure.isTimeout());
        assertTrue(failure.getMessage().contains("connection closed"), failure.getMessage());
        assertTrue(clock.elapsed().toMillis() < 1000, "no 39.5 s wait: " + clock.elapsed());
    }

    @Test
    void aTcpServerThatSendsNonTurnBytesLosesTheFramingAndFailsTheAllocation() throws Exception {
        SerialExecutor serverExec = serverHost.newSerialExecutor("tcp-server");
        InetSocketAddress tcpServer = serverHost.listenTcp(new InetSocketAddress(serverHost.address(), 3478),
                connection -> new dev.parley.rtc.net.StreamHandler() {
                    @Override
                    public void onData(dev.parley.rtc.net.TcpConnection c, byte[] data) {
                        // 0x80: neither STUN (00) nor ChannelData (01). (Text such as "HTTP" would start
                        // with 0x48 and pass for ChannelData: then only the request's timeout ends it.)
                        c.write(new byte[] {(byte) 0x80, 0x00, 0x00, 0x04, 1, 2, 3, 4});
                    }
                }, serverExec).localAddress();
        TurnException failure = allocationFailure(TurnServerConfig.tcp(tcpServer), goodCredentials());
        assertTrue(failure.getMessage().contains("framing"), failure.getMessage());
    }

    private InetSocketAddress tcpServer(java.util.function.BiConsumer<dev.parley.rtc.net.TcpConnection, byte[]> onData)
            throws Exception {
        SerialExecutor serverExec = serverHost.newSerialExecutor("tcp-server");
        return serverHost.listenTcp(new InetSocketAddress(serverHost.address(), 5349),
                connection -> (c, data) -> onData.accept(c, data), serverExec).localAddress();
    }

    @Test
    void aTlsServerThatNeverAnswersTheHelloFailsAtTheDeadline() throws Exception {
        InetSocketAddress mute = tcpServer((c, data) -> { });
        TurnException failure = allocationFailure(TurnServerConfig.tls(mute, "turn.example.org"), goodCredentials());
        assertTrue(failure.getMessage().contains("TLS handshake"), failure.getMessage());
        assertEquals(39_500, clock.elapsed().toMillis());
    }

    @Test
    void aTlsServerThatHangsUpDuringTheHandshakeFailsAtOnce() throws Exception {
        InetSocketAddress rude = tcpServer((c, data) -> c.close());
        TurnException failure = allocationFailure(TurnServerConfig.tls(rude, "turn.example.org"), goodCredentials());
        assertTrue(failure.getMessage().contains("could not connect"), failure.getMessage());
        assertTrue(clock.elapsed().toMillis() < 1000, "no wait for the deadline: " + clock.elapsed());
    }
}
