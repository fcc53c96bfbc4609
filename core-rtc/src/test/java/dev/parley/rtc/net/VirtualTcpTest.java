package dev.parley.rtc.net;

import static dev.parley.rtc.net.VirtualUdpTest.addr;
import static dev.parley.rtc.net.VirtualUdpTest.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class VirtualTcpTest {
    private static final InetSocketAddress SERVER = new InetSocketAddress(addr("198.51.100.1"), 443);

    private final VirtualNetwork net = new VirtualNetwork(3);
    private final VirtualClock clock = net.clock();
    private final VirtualHost server = net.addPublicHost("198.51.100.1");
    private final List<TcpConnection> accepted = new ArrayList<>();
    private final Recorder serverSide = new Recorder();

    /** Remembers a stream's bytes and its close. */
    private static final class Recorder implements StreamHandler {
        final StringBuilder text = new StringBuilder();
        int closes;
        IOException closeCause;

        @Override
        public void onData(TcpConnection connection, byte[] data) {
            text.append(new String(data, StandardCharsets.UTF_8));
        }

        @Override
        public void onClosed(TcpConnection connection, IOException cause) {
            closes++;
            closeCause = cause;
        }
    }

    /** A server that echoes every chunk back and records what it got. */
    private void listenEcho() throws IOException {
        server.listenTcp(SERVER, connection -> {
            accepted.add(connection);
            return new StreamHandler() {
                @Override
                public void onData(TcpConnection c, byte[] data) {
                    serverSide.onData(c, data);
                    c.write(data);
                }

                @Override
                public void onClosed(TcpConnection c, IOException cause) {
                    serverSide.onClosed(c, cause);
                }
            };
        }, server.newSerialExecutor("server"));
    }

    private TcpConnection connect(VirtualHost client, Recorder recorder) throws Exception {
        CompletableFuture<TcpConnection> future = client.connectTcp(null, SERVER, recorder, client.newSerialExecutor("client"));
        assertTrue(clock.runUntil(future::isDone, Duration.ofSeconds(10)));
        return future.get();
    }

    @Test
    void echoBetweenPublicHostsTakesOneRoundTripToConnectAndKeepsOrder() throws Exception {
        net.setCoreConditions(LinkConditions.PERFECT.withDelay(Duration.ofMillis(15)));
        listenEcho();
        VirtualHost client = net.addPublicHost("198.51.100.2");
        Recorder clientSide = new Recorder();

        TcpConnection connection = connect(client, clientSide);
        assertEquals(30_000_000L, clock.nanoTime(), "SYN and SYN-ACK");
        for (String part : new String[] {"one ", "two ", "three"}) {
            assertTrue(connection.write(bytes(part)));
        }
        clock.advance(Duration.ofMillis(30));

        assertEquals("one two three", clientSide.text.toString());
        assertEquals(SERVER, connection.remoteAddress());
        assertEquals(connection.localAddress(), accepted.get(0).remoteAddress());
        assertEquals(addr("198.51.100.2"), connection.localAddress().getAddress());
    }

    @Test
    void connectionOutOfANatShowsTheNatsAddressAndEchoes() throws Exception {
        listenEcho();
        VirtualLan lan = net.addLan("10.0.1.0/24", NatBehavior.symmetric(), "203.0.113.1");
        VirtualHost client = lan.addHost("10.0.1.2");
        Recorder clientSide = new Recorder();

        TcpConnection connection = connect(client, clientSide);
        connection.write(bytes("through the NAT"));
        clock.advance(Duration.ofMillis(1));

        assertEquals(addr("203.0.113.1"), accepted.get(0).remoteAddress().getAddress());
        assertEquals(addr("10.0.1.2"), connection.localAddress().getAddress());
        assertEquals("through the NAT", serverSide.text.toString());
        assertEquals("through the NAT", clientSide.text.toString());
    }

    @Test
    void connectTakesTheRoundTripOfEveryLinksFixedDelay() throws Exception {
        listenEcho();
        server.setLinkConditions(LinkConditions.PERFECT.withDelay(Duration.ofMillis(1)));
        net.setCoreConditions(new LinkConditions(Duration.ofMillis(10), Duration.ofMillis(50), 0.5));
        VirtualLan lan = net.addLan("10.0.1.0/24", NatBehavior.fullCone(), "203.0.113.1");
        lan.setUplinkConditions(LinkConditions.PERFECT.withDelay(Duration.ofMillis(100)));
        VirtualHost client = lan.addHost("10.0.1.2");
        client.setLinkConditions(LinkConditions.PERFECT.withDelay(Duration.ofMillis(1000)));
        Recorder clientSide = new Recorder();

        TcpConnection connection = connect(client, clientSide);
        assertEquals(2 * 1_111_000_000L, clock.nanoTime(), "jitter and loss do not apply to TCP");
        connection.write(bytes("abc"));
        clock.advance(Duration.ofNanos(2 * 1_111_000_000L - 1));
        assertEquals("", clientSide.text.toString());
        clock.advance(Duration.ofNanos(1));
        assertEquals("abc", clientSide.text.toString());
    }

    @Test
    void eachConnectionOutOfANatGetsItsOwnPort() throws Exception {
        listenEcho();
        VirtualLan lan = net.addLan("10.0.1.0/24", NatBehavior.fullCone(), "203.0.113.1");
        VirtualHost client = lan.addHost("10.0.1.2");

        connect(client, new Recorder());
        connect(client, new Recorder());

        assertFalse(accepted.get(0).remoteAddress().equals(accepted.get(1).remoteAddress()));
    }

    @Test
    void closeReachesBothSidesAndLaterWritesFail() throws Exception {
        net.setCoreConditions(LinkConditions.PERFECT.withDelay(Duration.ofMillis(5)));
        listenEcho();
        VirtualHost client = net.addPublicHost("198.51.100.2");
        Recorder clientSide = new Recorder();
        TcpConnection connection = connect(client, clientSide);

        connection.write(bytes("last words"));
        connection.close();
        clock.runPending();
        assertEquals(1, clientSide.closes, "the closing side hears its own close");
        assertEquals(0, serverSide.closes, "the FIN is still in flight");
        clock.advance(Duration.ofMillis(5));

        assertEquals("last words", serverSide.text.toString(), "bytes sent before the close arrive before it");
        assertEquals(1, serverSide.closes);
        assertEquals(null, serverSide.closeCause);
        assertFalse(connection.write(bytes("x")));
        assertFalse(accepted.get(0).write(bytes("x")));
        clock.advance(Duration.ofMillis(20));
        assertEquals(1, clientSide.closes, "onClosed only once");
        assertEquals("", clientSide.text.toString(), "the echo of the last words met a closed socket");
    }

    @Test
    void closingTheClientHostClosesItsConnections() throws Exception {
        listenEcho();
        VirtualHost client = net.addPublicHost("198.51.100.2");
        TcpConnection connection = connect(client, new Recorder());

        client.close();
        clock.runPending();

        assertEquals(1, serverSide.closes);
        assertFalse(connection.write(bytes("x")));
    }

    @Test
    void connectionsToANatedHostOrAnUnusedPortAreRefusedAndToNobodyUnroutable() throws Exception {
        listenEcho();
        VirtualLan lan = net.addLan("10.0.1.0/24", NatBehavior.fullCone(), "203.0.113.1");
        VirtualHost natted = lan.addHost("10.0.1.2");
        natted.listenTcp(new InetSocketAddress(addr("10.0.1.2"), 443), c -> serverSide, natted.newSerialExecutor("n"));
        VirtualHost client = net.addPublicHost("198.51.100.2");
        SerialExecutor ex = client.newSerialExecutor("c");

        CompletableFuture<TcpConnection> toNat = client.connectTcp(null, new InetSocketAddress(addr("203.0.113.1"), 443), new Recorder(), ex);
        CompletableFuture<TcpConnection> toUnusedPort = client.connectTcp(null, new InetSocketAddress(addr("198.51.100.1"), 444), new Recorder(), ex);
        CompletableFuture<TcpConnection> toNobody = client.connectTcp(null, new InetSocketAddress(addr("198.51.100.77"), 443), new Recorder(), ex);
        clock.advance(Duration.ofSeconds(1));

        assertInstanceOf(ConnectException.class, causeOf(toNat));
        assertInstanceOf(ConnectException.class, causeOf(toUnusedPort));
        assertInstanceOf(NoRouteToHostException.class, causeOf(toNobody));
        assertTrue(accepted.isEmpty());
    }

    @Test
    void lanHostsConnectDirectlyByPrivateAddress() throws Exception {
        VirtualLan lan = net.addLan("10.0.1.0/24", NatBehavior.symmetric(), "203.0.113.1");
        VirtualHost a = lan.addHost("10.0.1.2");
        VirtualHost b = lan.addHost("10.0.1.3");
        List<InetSocketAddress> seen = new ArrayList<>();
        InetSocketAddress listen = new InetSocketAddress(addr("10.0.1.3"), 8443);
        b.listenTcp(listen, c -> {
            seen.add(c.remoteAddress());
            return serverSide;
        }, b.newSerialExecutor("b"));

        CompletableFuture<TcpConnection> future = a.connectTcp(null, listen, new Recorder(), a.newSerialExecutor("a"));
        clock.runPending();

        assertEquals(future.get().localAddress(), seen.get(0));
        assertEquals(addr("10.0.1.2"), seen.get(0).getAddress());
    }

    private static Throwable causeOf(CompletableFuture<?> future) {
        assertTrue(future.isCompletedExceptionally());
        try {
            future.get();
            throw new AssertionError("not failed");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
