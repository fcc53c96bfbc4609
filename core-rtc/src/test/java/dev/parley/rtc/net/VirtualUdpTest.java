package dev.parley.rtc.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** UDP between hosts that need no NAT: public hosts, one host's loopback, one LAN. */
class VirtualUdpTest {
    private final VirtualNetwork net = new VirtualNetwork(1);
    private final VirtualClock clock = net.clock();

    @Test
    void datagramBetweenTwoPublicHostsArrivesWithTheSendersAddress() throws IOException {
        VirtualHost alice = net.addPublicHost("198.51.100.1");
        VirtualHost bob = net.addPublicHost("198.51.100.2");
        VirtualInbox bobInbox = new VirtualInbox(clock);
        UdpSocket a = alice.openUdp(any(), ignored(), alice.newSerialExecutor("a"));
        UdpSocket b = bob.openUdp(new InetSocketAddress(addr("198.51.100.2"), 5000), bobInbox, bob.newSerialExecutor("b"));

        assertTrue(a.send(bytes("hello"), b.localAddress()));
        assertEquals(0, bobInbox.count(), "nothing moves until the clock is driven");
        clock.runPending();

        assertEquals(1, bobInbox.count());
        assertEquals("hello", bobInbox.last().text());
        assertEquals(new InetSocketAddress(addr("198.51.100.1"), a.localAddress().getPort()), bobInbox.last().from());
        assertEquals(1, net.delivered());
    }

    @Test
    void sendCopiesTheBufferSoTheCallerMayReuseIt() throws IOException {
        VirtualHost alice = net.addPublicHost("198.51.100.1");
        VirtualHost bob = net.addPublicHost("198.51.100.2");
        VirtualInbox inbox = new VirtualInbox(clock);
        UdpSocket a = alice.openUdp(any(), ignored(), alice.newSerialExecutor("a"));
        UdpSocket b = bob.openUdp(any(), inbox, bob.newSerialExecutor("b"));
        byte[] buffer = bytes("xxabcxx");

        a.send(buffer, 2, 3, new InetSocketAddress(addr("198.51.100.2"), b.localAddress().getPort()));
        buffer[2] = 'Z';
        clock.runPending();

        assertArrayEquals(bytes("abc"), inbox.last().data());
    }

    @Test
    void portZeroAllocatesEphemeralPortsInOrderAndBusyPortsAreRefused() throws IOException {
        VirtualHost host = net.addPublicHost("198.51.100.1");
        SerialExecutor ex = host.newSerialExecutor("x");
        UdpSocket first = host.openUdp(any(), ignored(), ex);
        UdpSocket second = host.openUdp(new InetSocketAddress(addr("198.51.100.1"), 0), ignored(), ex);

        assertEquals(49152, first.localAddress().getPort());
        assertEquals(49153, second.localAddress().getPort());
        assertThrows(BindException.class,
                () -> host.openUdp(new InetSocketAddress(addr("198.51.100.1"), 49152), ignored(), ex));
        assertThrows(BindException.class,
                () -> host.openUdp(new InetSocketAddress(addr("198.51.100.9"), 0), ignored(), ex),
                "an address the host does not have");
    }

    @Test
    void loopbackReachesOnlyTheSameHost() throws IOException {
        VirtualHost alice = net.addPublicHost("198.51.100.1");
        VirtualHost bob = net.addPublicHost("198.51.100.2");
        VirtualInbox aliceInbox = new VirtualInbox(clock);
        VirtualInbox bobInbox = new VirtualInbox(clock);
        InetSocketAddress loopbackPort = new InetSocketAddress(addr("127.0.0.1"), 7000);
        UdpSocket aliceLoop = alice.openUdp(loopbackPort, aliceInbox, alice.newSerialExecutor("a"));
        bob.openUdp(loopbackPort, bobInbox, bob.newSerialExecutor("b"));
        UdpSocket aliceOut = alice.openUdp(any(), ignored(), alice.newSerialExecutor("a2"));

        aliceOut.send(bytes("self"), loopbackPort);
        clock.runPending();

        assertEquals(1, aliceInbox.count());
        assertEquals(addr("127.0.0.1"), aliceInbox.last().from().getAddress());
        assertEquals(0, bobInbox.count());
        assertFalse(aliceLoop.send(bytes("out"), new InetSocketAddress(addr("198.51.100.2"), 7000)),
                "a loopback-bound socket has no route off the host");
        assertEquals(1, aliceLoop.droppedSends());
        assertTrue(alice.localAddresses(true).stream().anyMatch(LocalAddress::isLoopback));
        assertFalse(alice.localAddresses(false).stream().anyMatch(LocalAddress::isLoopback));
    }

    @Test
    void dualStackHostUsesTheFamilyOfTheDestination() throws IOException {
        VirtualHost alice = net.addPublicHost("198.51.100.1", "2001:db8::1");
        VirtualHost bob = net.addPublicHost("198.51.100.2", "2001:db8::2");
        VirtualInbox inbox = new VirtualInbox(clock);
        UdpSocket a = alice.openUdp(new InetSocketAddress(addr("::"), 0), ignored(), alice.newSerialExecutor("a"));
        UdpSocket b = bob.openUdp(new InetSocketAddress(addr("::"), 6000), inbox, bob.newSerialExecutor("b"));
        UdpSocket v4Only = alice.openUdp(new InetSocketAddress(addr("198.51.100.1"), 0), ignored(), alice.newSerialExecutor("c"));

        a.send(bytes("v6"), new InetSocketAddress(addr("2001:db8::2"), 6000));
        a.send(bytes("v4"), new InetSocketAddress(addr("198.51.100.2"), 6000));
        clock.runPending();

        assertEquals(List.of(new InetSocketAddress(addr("2001:db8::1"), a.localAddress().getPort()),
                new InetSocketAddress(addr("198.51.100.1"), a.localAddress().getPort())), inbox.senders());
        assertFalse(v4Only.send(bytes("x"), new InetSocketAddress(addr("2001:db8::2"), 6000)));
        assertEquals(2, alice.localAddresses(false).size());
        assertEquals(b.localAddress().getPort(), 6000);
    }

    @Test
    void datagramsToNobodyAreCountedUnroutable() throws IOException {
        VirtualHost alice = net.addPublicHost("198.51.100.1");
        net.addPublicHost("198.51.100.2");
        UdpSocket a = alice.openUdp(any(), ignored(), alice.newSerialExecutor("a"));

        assertTrue(a.send(bytes("x"), new InetSocketAddress(addr("198.51.100.99"), 1000)), "the host cannot know");
        a.send(bytes("x"), new InetSocketAddress(addr("198.51.100.2"), 1000)); // no socket on that port
        a.send(bytes("x"), new InetSocketAddress(addr("10.9.9.9"), 1000)); // private, and this host is on no LAN
        clock.runPending();

        assertEquals(3, net.unroutable());
        assertEquals(0, net.delivered());
    }

    @Test
    void hostsOnOneLanTalkDirectlyByPrivateAddress() throws IOException {
        VirtualLan lan = net.addLan("10.0.1.0/24", NatBehavior.symmetric(), "203.0.113.1");
        VirtualHost a = lan.addHost("10.0.1.2");
        VirtualHost b = lan.addHost("10.0.1.3");
        VirtualInbox inbox = new VirtualInbox(clock);
        UdpSocket sa = a.openUdp(any(), ignored(), a.newSerialExecutor("a"));
        UdpSocket sb = b.openUdp(any(), inbox, b.newSerialExecutor("b"));

        sa.send(bytes("hi"), new InetSocketAddress(addr("10.0.1.3"), sb.localAddress().getPort()));
        clock.runPending();

        assertEquals(new InetSocketAddress(addr("10.0.1.2"), sa.localAddress().getPort()), inbox.last().from());
        assertEquals(0, lan.activeUdpMappings(), "the NAT was not involved");
    }

    @Test
    void lansWithTheSamePrivateBlockAreSeparateWorlds() throws IOException {
        VirtualLan lan1 = net.addLan("10.0.0.0/24", NatBehavior.fullCone(), "203.0.113.1");
        VirtualLan lan2 = net.addLan("10.0.0.0/24", NatBehavior.fullCone(), "203.0.113.2");
        VirtualHost a = lan1.addHost("10.0.0.2");
        VirtualHost b = lan2.addHost("10.0.0.3");
        VirtualInbox inbox = new VirtualInbox(clock);
        UdpSocket sa = a.openUdp(any(), ignored(), a.newSerialExecutor("a"));
        UdpSocket sb = b.openUdp(any(), inbox, b.newSerialExecutor("b"));

        sa.send(bytes("x"), new InetSocketAddress(addr("10.0.0.3"), sb.localAddress().getPort()));
        clock.runPending();

        assertEquals(0, inbox.count());
        assertEquals(1, net.unroutable());
    }

    @Test
    void closedSocketSendsNothingAndReceivesNothing() throws IOException {
        VirtualHost alice = net.addPublicHost("198.51.100.1");
        VirtualHost bob = net.addPublicHost("198.51.100.2");
        net.setCoreConditions(LinkConditions.PERFECT.withDelay(Duration.ofMillis(10)));
        VirtualInbox inbox = new VirtualInbox(clock);
        UdpSocket a = alice.openUdp(any(), ignored(), alice.newSerialExecutor("a"));
        UdpSocket b = bob.openUdp(any(), inbox, bob.newSerialExecutor("b"));

        a.send(bytes("in flight"), to("198.51.100.2", b));
        b.close();
        clock.advance(Duration.ofMillis(20));
        a.close();

        assertEquals(0, inbox.count());
        assertFalse(a.send(bytes("x"), to("198.51.100.2", b)));
        assertEquals(1, a.droppedSends());
    }

    @Test
    void closingAHostClosesItsSocketsAndExecutorsAndFreesPorts() throws IOException {
        VirtualHost alice = net.addPublicHost("198.51.100.1");
        VirtualHost bob = net.addPublicHost("198.51.100.2");
        VirtualInbox inbox = new VirtualInbox(clock);
        SerialExecutor bobExecutor = bob.newSerialExecutor("b");
        UdpSocket a = alice.openUdp(any(), ignored(), alice.newSerialExecutor("a"));
        UdpSocket b = bob.openUdp(new InetSocketAddress(addr("198.51.100.2"), 9000), inbox, bobExecutor);
        boolean[] timerRan = {false};
        bobExecutor.schedule(() -> timerRan[0] = true, 1, java.util.concurrent.TimeUnit.SECONDS);

        bob.close();
        a.send(bytes("x"), b.localAddress());
        clock.advance(Duration.ofSeconds(2));

        assertEquals(0, inbox.count());
        assertFalse(timerRan[0], "the host's executor was closed with it");
        assertFalse(b.send(bytes("x"), a.localAddress()));
        UdpSocket again = bob.openUdp(new InetSocketAddress(addr("198.51.100.2"), 9000), ignored(), clock.newSerialExecutor("c"));
        assertEquals(9000, again.localAddress().getPort(), "the port is free again");
    }

    @Test
    void topologyMistakesAreRejectedAtOnce() {
        net.addPublicHost("198.51.100.1");
        VirtualLan lan = net.addLan("10.0.1.0/24", NatBehavior.fullCone(), "203.0.113.1");

        assertThrows(IllegalArgumentException.class, () -> net.addPublicHost("198.51.100.1"), "address taken");
        assertThrows(IllegalArgumentException.class, () -> net.addPublicHost("203.0.113.1"), "the NAT's address");
        assertThrows(IllegalArgumentException.class, () -> lan.addHost("10.0.2.2"), "outside the LAN's block");
        assertThrows(IllegalArgumentException.class, () -> net.addRoutedLan("198.51.100.0/24"), "holds a public host");
        assertThrows(IllegalArgumentException.class, () -> net.addPublicHost("example.org"), "names are never resolved");
        assertThrows(IllegalArgumentException.class, () -> net.addPublicHost("1:2"));
        assertThrows(IllegalArgumentException.class, () -> net.addPublicHost("127.0.0.1"), "loopback is implicit");
    }

    static InetSocketAddress any() {
        return new InetSocketAddress(addr("0.0.0.0"), 0);
    }

    static InetSocketAddress to(String address, UdpSocket socket) {
        return new InetSocketAddress(addr(address), socket.localAddress().getPort());
    }

    static DatagramHandler ignored() {
        return (data, from) -> {};
    }

    static InetAddress addr(String literal) {
        return VirtualAddresses.parse(literal);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
