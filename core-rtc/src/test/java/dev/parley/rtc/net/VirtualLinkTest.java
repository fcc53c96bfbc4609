package dev.parley.rtc.net;

import static dev.parley.rtc.net.VirtualUdpTest.addr;
import static dev.parley.rtc.net.VirtualUdpTest.any;
import static dev.parley.rtc.net.VirtualUdpTest.bytes;
import static dev.parley.rtc.net.VirtualUdpTest.ignored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Link impairment (delay, jitter, loss) and UDP-blocking firewalls. */
class VirtualLinkTest {
    private static final InetSocketAddress SERVER = new InetSocketAddress(addr("198.51.100.1"), 3478);

    /** A LAN host sending to a public server; the test sets the conditions. */
    private static final class Topology {
        final VirtualNetwork net;
        final VirtualLan lan;
        final VirtualHost client;
        final UdpSocket clientSocket;
        final VirtualInbox serverInbox;

        Topology(long seed) throws IOException {
            net = new VirtualNetwork(seed);
            lan = net.addLan("10.0.1.0/24", NatBehavior.fullCone(), "203.0.113.1");
            client = lan.addHost("10.0.1.2");
            clientSocket = client.openUdp(any(), ignored(), client.newSerialExecutor("c"));
            VirtualHost server = net.addPublicHost("198.51.100.1");
            serverInbox = new VirtualInbox(net.clock());
            server.openUdp(SERVER, serverInbox, server.newSerialExecutor("s"));
        }

        /** Sends "0".."n-1", one per millisecond of virtual time, then lets them all land. */
        List<String> sendNumbered(int n) {
            for (int i = 0; i < n; i++) {
                clientSocket.send(bytes(Integer.toString(i)), SERVER);
                net.clock().advance(Duration.ofMillis(1));
            }
            net.clock().advance(Duration.ofSeconds(5));
            List<String> arrived = new ArrayList<>();
            serverInbox.received.forEach(r -> arrived.add(r.text()));
            return arrived;
        }
    }

    @Test
    void delaysOfEveryLinkOnThePathAddUpExactly() throws IOException {
        Topology t = new Topology(1);
        t.lan.setUplinkConditions(LinkConditions.PERFECT.withDelay(Duration.ofMillis(10)));
        t.net.setCoreConditions(LinkConditions.PERFECT.withDelay(Duration.ofMillis(25)));

        t.clientSocket.send(bytes("x"), SERVER);
        t.net.clock().advance(Duration.ofNanos(35_000_000 - 1));
        assertEquals(0, t.serverInbox.count(), "not a nanosecond early");
        t.net.clock().advance(Duration.ofNanos(1));

        assertEquals(1, t.serverInbox.count());
        assertEquals(35_000_000L, t.serverInbox.last().atNanos());
    }

    @Test
    void delayAppliesOnTheWayBackThroughTheReceiversUplinkToo() throws IOException {
        Topology t = new Topology(1);
        t.lan.setUplinkConditions(LinkConditions.PERFECT.withDelay(Duration.ofMillis(10)));
        VirtualInbox clientInbox = new VirtualInbox(t.net.clock());
        UdpSocket c = t.client.openUdp(any(), clientInbox, t.client.newSerialExecutor("c2"));
        VirtualHost echo = t.net.addPublicHost("198.51.100.2");
        UdpSocket[] echoSocket = new UdpSocket[1];
        echoSocket[0] = echo.openUdp(new InetSocketAddress(addr("198.51.100.2"), 7),
                (data, from) -> echoSocket[0].send(data, from), echo.newSerialExecutor("echo"));

        c.send(bytes("ping"), echoSocket[0].localAddress());
        assertTrue(t.net.clock().runUntil(() -> clientInbox.count() == 1, Duration.ofSeconds(1)));

        assertEquals(20_000_000L, t.net.clock().nanoTime(), "10 ms up, 10 ms back down");
    }

    @Test
    void hostAccessLinksAddToEveryPathIncludingInsideTheLan() throws IOException {
        Topology t = new Topology(1);
        t.client.setLinkConditions(LinkConditions.PERFECT.withDelay(Duration.ofMillis(4)));
        VirtualHost neighbour = t.lan.addHost("10.0.1.3");
        neighbour.setLinkConditions(LinkConditions.PERFECT.withDelay(Duration.ofMillis(2)));
        VirtualInbox neighbourInbox = new VirtualInbox(t.net.clock());
        UdpSocket n = neighbour.openUdp(any(), neighbourInbox, neighbour.newSerialExecutor("n"));

        t.clientSocket.send(bytes("to server"), SERVER);
        t.clientSocket.send(bytes("to neighbour"), new InetSocketAddress(addr("10.0.1.3"), n.localAddress().getPort()));
        t.net.clock().advance(Duration.ofSeconds(1));

        assertEquals(4_000_000L, t.serverInbox.last().atNanos());
        assertEquals(6_000_000L, neighbourInbox.last().atNanos(), "both hosts' links");
    }

    @Test
    void totalLossDropsEverythingAndNoLossDeliversEverything() throws IOException {
        Topology lossy = new Topology(1);
        lossy.lan.setUplinkConditions(LinkConditions.PERFECT.withLoss(1.0));
        assertEquals(List.of(), lossy.sendNumbered(50));
        assertEquals(50, lossy.net.droppedByLoss());

        Topology clean = new Topology(1);
        clean.net.setCoreConditions(LinkConditions.PERFECT.withLoss(0.0).withDelay(Duration.ofMillis(3)));
        assertEquals(50, clean.sendNumbered(50).size());
        assertEquals(0, clean.net.droppedByLoss());
    }

    @Test
    void seededLossIsTheSameInTwoRunsAndPlausiblyOften() throws IOException {
        List<String> first = lossyRun(42);
        List<String> second = lossyRun(42);
        List<String> otherSeed = lossyRun(43);

        assertEquals(first, second);
        assertNotEquals(first, otherSeed);
        assertTrue(first.size() > 100 && first.size() < 180, "about 70% of 200 arrive: " + first.size());
    }

    private static List<String> lossyRun(long seed) throws IOException {
        Topology t = new Topology(seed);
        t.net.setCoreConditions(LinkConditions.PERFECT.withLoss(0.3));
        return t.sendNumbered(200);
    }

    @Test
    void jitterReordersWithinItsBoundsAndDeterministically() throws IOException {
        List<String> order = jitteryRun(5);

        assertEquals(100, order.size(), "jitter does not lose anything");
        List<String> sorted = new ArrayList<>(order);
        sorted.sort((x, y) -> Integer.compare(Integer.parseInt(x), Integer.parseInt(y)));
        assertNotEquals(sorted, order, "some datagrams overtook others");
        assertEquals(order, jitteryRun(5));
    }

    private static List<String> jitteryRun(long seed) throws IOException {
        Topology t = new Topology(seed);
        t.net.setCoreConditions(new LinkConditions(Duration.ofMillis(20), Duration.ofMillis(30), 0));
        List<String> order = t.sendNumbered(100);
        for (int i = 0; i < t.serverInbox.count(); i++) {
            VirtualInbox.Received r = t.serverInbox.received.get(i);
            long sentAt = Integer.parseInt(r.text()) * 1_000_000L;
            long delay = r.atNanos() - sentAt;
            assertTrue(delay >= 20_000_000L && delay <= 50_000_000L, "delay within [20, 50] ms: " + delay);
        }
        return order;
    }

    @Test
    void lanFirewallBlocksUdpBothWays() throws IOException {
        Topology t = new Topology(1);
        t.lan.setUdpBlocked(true);
        VirtualInbox clientInbox = new VirtualInbox(t.net.clock());
        UdpSocket c = t.client.openUdp(any(), clientInbox, t.client.newSerialExecutor("c2"));
        VirtualHost other = t.net.addPublicHost("198.51.100.2");
        UdpSocket o = other.openUdp(any(), ignored(), other.newSerialExecutor("o"));

        assertTrue(c.send(bytes("out"), SERVER), "the firewall is not on the host: the send itself succeeds");
        o.send(bytes("in"), new InetSocketAddress(addr("203.0.113.1"), NatTable.FIRST_ALLOCATED_PORT));
        t.net.clock().advance(Duration.ofSeconds(1));

        assertEquals(0, t.serverInbox.count());
        assertEquals(0, clientInbox.count());
        assertEquals(2, t.net.droppedByFirewall());

        other.listenTcp(new InetSocketAddress(addr("198.51.100.2"), 443), conn -> (cn, data) -> {}, other.newSerialExecutor("l"));
        var connected = t.client.connectTcp(null, new InetSocketAddress(addr("198.51.100.2"), 443),
                (cn, data) -> {}, t.client.newSerialExecutor("tcp"));
        t.net.clock().runPending();
        assertTrue(connected.isDone() && !connected.isCompletedExceptionally(), "TCP passes the UDP firewall");
    }

    @Test
    void hostFirewallBlocksUdpButNotItsOwnLoopbackNorTcp() throws IOException {
        VirtualNetwork net = new VirtualNetwork(1);
        VirtualHost host = net.addPublicHost("198.51.100.9");
        VirtualHost server = net.addPublicHost("198.51.100.1");
        host.setUdpBlocked(true);
        VirtualInbox loopInbox = new VirtualInbox(net.clock());
        VirtualInbox serverInbox = new VirtualInbox(net.clock());
        UdpSocket loop = host.openUdp(new InetSocketAddress(addr("127.0.0.1"), 0), loopInbox, host.newSerialExecutor("l"));
        UdpSocket out = host.openUdp(any(), ignored(), host.newSerialExecutor("o"));
        server.openUdp(SERVER, serverInbox, server.newSerialExecutor("s"));
        server.listenTcp(SERVER, connection -> (conn, data) -> {}, server.newSerialExecutor("tcp"));

        out.send(bytes("udp out"), SERVER);
        out.send(bytes("loop"), loop.localAddress());
        var connected = host.connectTcp(null, SERVER, (conn, data) -> {}, host.newSerialExecutor("c"));
        net.clock().advance(Duration.ofSeconds(1));

        assertEquals(0, serverInbox.count());
        assertEquals(1, loopInbox.count());
        assertEquals(1, net.droppedByFirewall());
        assertTrue(connected.isDone() && !connected.isCompletedExceptionally(), "TCP gets through");
    }

    @Test
    void datagramsOnAPerfectLinkArriveInSendOrderAtTheSameInstant() throws IOException {
        Topology t = new Topology(1);
        for (int i = 0; i < 5; i++) {
            t.clientSocket.send(bytes(Integer.toString(i)), SERVER);
        }
        t.net.clock().runPending();
        List<String> got = new ArrayList<>();
        t.serverInbox.received.forEach(r -> got.add(r.text()));
        assertEquals(List.of("0", "1", "2", "3", "4"), got);
        assertFalse(t.net.clock().pendingEvents() > 0);
    }

    @Test
    void timersAndDatagramsInterleaveInVirtualTimeOrder() throws IOException {
        Topology t = new Topology(1);
        t.net.setCoreConditions(LinkConditions.PERFECT.withDelay(Duration.ofMillis(10)));
        SerialExecutor ex = t.client.newSerialExecutor("timer");
        List<String> events = new ArrayList<>();
        ex.schedule(() -> events.add("timer@5 saw " + t.serverInbox.count()), 5, TimeUnit.MILLISECONDS);
        ex.schedule(() -> events.add("timer@15 saw " + t.serverInbox.count()), 15, TimeUnit.MILLISECONDS);

        t.clientSocket.send(bytes("x"), SERVER);
        t.net.clock().advance(Duration.ofMillis(20));

        assertEquals(List.of("timer@5 saw 0", "timer@15 saw 1"), events);
    }
}
