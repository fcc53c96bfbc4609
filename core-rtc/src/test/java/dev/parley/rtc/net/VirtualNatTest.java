package dev.parley.rtc.net;

import static dev.parley.rtc.net.VirtualUdpTest.addr;
import static dev.parley.rtc.net.VirtualUdpTest.any;
import static dev.parley.rtc.net.VirtualUdpTest.bytes;
import static dev.parley.rtc.net.VirtualUdpTest.ignored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * NAT behaviour as RFC 4787 defines it. Topology: host A (10.0.1.2) behind NAT 203.0.113.1; public
 * "STUN-like" servers S1 (two ports) and S2 that note the source each datagram shows.
 */
class VirtualNatTest {
    private static final InetSocketAddress S1_P1 = new InetSocketAddress(addr("198.51.100.1"), 3478);
    private static final InetSocketAddress S1_P2 = new InetSocketAddress(addr("198.51.100.1"), 3479);
    private static final InetSocketAddress S2_P1 = new InetSocketAddress(addr("198.51.100.2"), 3478);

    private final VirtualNetwork net = new VirtualNetwork(7);
    private final VirtualClock clock = net.clock();
    private VirtualLan lan;
    private UdpSocket a;
    private final VirtualInbox aInbox = new VirtualInbox(clock);
    private UdpSocket s1p1;
    private UdpSocket s1p2;
    private UdpSocket s2p1;
    private final VirtualInbox s1p1Inbox = new VirtualInbox(clock);
    private final VirtualInbox s1p2Inbox = new VirtualInbox(clock);
    private final VirtualInbox s2p1Inbox = new VirtualInbox(clock);

    private void build(NatBehavior behavior) throws IOException {
        lan = net.addLan("10.0.1.0/24", behavior, "203.0.113.1");
        VirtualHost hostA = lan.addHost("10.0.1.2");
        a = hostA.openUdp(new InetSocketAddress(addr("10.0.1.2"), 5000), aInbox, hostA.newSerialExecutor("a"));
        VirtualHost s1 = net.addPublicHost("198.51.100.1");
        VirtualHost s2 = net.addPublicHost("198.51.100.2");
        s1p1 = s1.openUdp(S1_P1, s1p1Inbox, s1.newSerialExecutor("s1p1"));
        s1p2 = s1.openUdp(S1_P2, s1p2Inbox, s1.newSerialExecutor("s1p2"));
        s2p1 = s2.openUdp(S2_P1, s2p1Inbox, s2.newSerialExecutor("s2p1"));
    }

    /** The source S sees for a datagram A sends it: A's mapping towards S. */
    private InetSocketAddress mappingTowards(InetSocketAddress server, VirtualInbox serverInbox) {
        a.send(bytes("binding request"), server);
        clock.runPending();
        return serverInbox.last().from();
    }

    @ParameterizedTest
    @EnumSource(NatMapping.class)
    void serversSeeTheNatsMappingSameOrDifferentPerDestinationAsTheMappingBehaviourSays(NatMapping mapping)
            throws IOException {
        build(NatBehavior.of(mapping, NatFiltering.ENDPOINT_INDEPENDENT));

        InetSocketAddress toS1P1 = mappingTowards(S1_P1, s1p1Inbox);
        InetSocketAddress toS1P2 = mappingTowards(S1_P2, s1p2Inbox);
        InetSocketAddress toS2P1 = mappingTowards(S2_P1, s2p1Inbox);

        assertEquals(addr("203.0.113.1"), toS1P1.getAddress(), "the NAT's public address, not 10.0.1.2");
        assertEquals(addr("203.0.113.1"), toS2P1.getAddress());
        assertNotEquals(5000, toS1P1.getPort(), "no port preservation unless asked for");
        switch (mapping) {
            case ENDPOINT_INDEPENDENT -> {
                assertEquals(toS1P1, toS1P2);
                assertEquals(toS1P1, toS2P1);
                assertEquals(1, lan.activeUdpMappings());
            }
            case ADDRESS_DEPENDENT -> {
                assertEquals(toS1P1, toS1P2, "same server address, other port: same mapping");
                assertNotEquals(toS1P1, toS2P1);
                assertEquals(2, lan.activeUdpMappings());
            }
            case ADDRESS_AND_PORT_DEPENDENT -> {
                assertNotEquals(toS1P1, toS1P2);
                assertNotEquals(toS1P1, toS2P1);
                assertNotEquals(toS1P2, toS2P1);
                assertEquals(3, lan.activeUdpMappings());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(NatFiltering.class)
    void inboundDatagramsPassTheMappingAsTheFilteringBehaviourSays(NatFiltering filtering) throws IOException {
        build(NatBehavior.of(NatMapping.ENDPOINT_INDEPENDENT, filtering));
        InetSocketAddress mapped = mappingTowards(S1_P1, s1p1Inbox); // A has sent to S1:p1 only

        s1p1.send(bytes("from S1 same port"), mapped);
        clock.runPending();
        s1p2.send(bytes("from S1 other port"), mapped);
        clock.runPending();
        s2p1.send(bytes("from S2"), mapped);
        clock.runPending();

        java.util.List<InetSocketAddress> expected = switch (filtering) {
            case ENDPOINT_INDEPENDENT -> java.util.List.of(S1_P1, S1_P2, S2_P1);
            case ADDRESS_DEPENDENT -> java.util.List.of(S1_P1, S1_P2);
            case ADDRESS_AND_PORT_DEPENDENT -> java.util.List.of(S1_P1);
        };
        assertEquals(expected, aInbox.senders(), "A sees the servers' real addresses");
        assertEquals(3 - expected.size(), net.droppedByNatFiltering());
    }

    @Test
    void symmetricIsAddressAndPortDependentMappingAndFiltering() {
        NatBehavior symmetric = NatBehavior.symmetric();
        assertEquals(NatMapping.ADDRESS_AND_PORT_DEPENDENT, symmetric.mapping());
        assertEquals(NatFiltering.ADDRESS_AND_PORT_DEPENDENT, symmetric.filtering());
        assertEquals(false, symmetric.hairpinning(), "hairpinning is off by default");
    }

    @Test
    void unsolicitedInboundDatagramsFindNoMappingEvenOnAFullConeNat() throws IOException {
        build(NatBehavior.fullCone());

        s1p1.send(bytes("hello?"), new InetSocketAddress(addr("203.0.113.1"), NatTable.FIRST_ALLOCATED_PORT));
        clock.runPending();

        assertEquals(0, aInbox.count());
        assertEquals(1, net.droppedByNatFiltering());
    }

    @Test
    void mappingExpiresAfterIdleLifetimeAndOutboundTrafficRefreshesIt() throws IOException {
        build(NatBehavior.portRestrictedCone().withMappingLifetime(Duration.ofSeconds(30)));
        InetSocketAddress mapped = mappingTowards(S1_P1, s1p1Inbox);

        clock.advance(Duration.ofSeconds(20));
        assertEquals(mapped, mappingTowards(S1_P1, s1p1Inbox), "refreshed at 20 s, same mapping");
        clock.advance(Duration.ofSeconds(29)); // 49 s: 29 s idle
        s1p1.send(bytes("still open"), mapped);
        clock.runPending();
        assertEquals(1, aInbox.count());

        clock.advance(Duration.ofSeconds(1)); // 30 s idle: gone
        s1p1.send(bytes("too late"), mapped);
        clock.runPending();
        assertEquals(1, aInbox.count());
        assertEquals(1, net.droppedByNatFiltering());
        assertEquals(0, lan.activeUdpMappings());
        assertNotEquals(mapped, mappingTowards(S1_P1, s1p1Inbox), "a fresh mapping, on a fresh port");
    }

    @Test
    void mappingThatExpiresWhileTheReplyIsInFlightDropsTheReply() throws IOException {
        build(NatBehavior.fullCone().withMappingLifetime(Duration.ofSeconds(1)));
        net.setCoreConditions(LinkConditions.PERFECT.withDelay(Duration.ofMillis(600)));
        a.send(bytes("x"), S1_P1);
        clock.advance(Duration.ofMillis(600));
        InetSocketAddress mapped = s1p1Inbox.last().from();

        s1p1.send(bytes("reply"), mapped); // reaches the NAT at 1.2 s, mapping idle since 0
        clock.advance(Duration.ofSeconds(1));

        assertEquals(0, aInbox.count());
        assertEquals(1, net.droppedByNatFiltering());
    }

    @Test
    void portPreservationKeepsTheInternalPortWhenFree() throws IOException {
        build(NatBehavior.fullCone().withPortPreservation(true));
        assertEquals(new InetSocketAddress(addr("203.0.113.1"), 5000), mappingTowards(S1_P1, s1p1Inbox));
    }

    @Test
    void hairpinningIsOffByDefaultAndWhenOnShowsTheSendersMapping() throws IOException {
        for (boolean hairpin : new boolean[] {false, true}) {
            VirtualNetwork network = new VirtualNetwork(1);
            VirtualLan home = network.addLan("10.0.0.0/24", NatBehavior.fullCone().withHairpinning(hairpin), "203.0.113.5");
            VirtualHost x = home.addHost("10.0.0.2");
            VirtualHost y = home.addHost("10.0.0.3");
            VirtualHost stun = network.addPublicHost("198.51.100.1");
            VirtualInbox stunInbox = new VirtualInbox(network.clock());
            VirtualInbox yInbox = new VirtualInbox(network.clock());
            UdpSocket sx = x.openUdp(any(), ignored(), x.newSerialExecutor("x"));
            UdpSocket sy = y.openUdp(any(), yInbox, y.newSerialExecutor("y"));
            stun.openUdp(S1_P1, stunInbox, stun.newSerialExecutor("stun"));
            sx.send(bytes("x?"), S1_P1);
            sy.send(bytes("y?"), S1_P1);
            network.clock().runPending();
            InetSocketAddress xMapped = stunInbox.received.get(0).from();
            InetSocketAddress yMapped = stunInbox.received.get(1).from();

            sx.send(bytes("to y's public mapping"), yMapped);
            network.clock().runPending();

            if (hairpin) {
                assertEquals(1, yInbox.count());
                assertEquals(xMapped, yInbox.last().from(), "RFC 4787 REQ-9: the external source");
            } else {
                assertEquals(0, yInbox.count());
                assertEquals(1, network.droppedByNatFiltering());
            }
        }
    }

    @Test
    void routedLanWithoutNatIsReachableFromOutsideAndShowsItsOwnAddresses() throws IOException {
        build(NatBehavior.symmetric());
        VirtualLan office = net.addRoutedLan("192.0.2.0/24");
        VirtualHost h = office.addHost("192.0.2.10");
        VirtualInbox hInbox = new VirtualInbox(clock);
        UdpSocket sh = h.openUdp(any(), hInbox, h.newSerialExecutor("h"));
        InetSocketAddress hAddress = new InetSocketAddress(addr("192.0.2.10"), sh.localAddress().getPort());

        s1p1.send(bytes("unsolicited is fine"), hAddress);
        clock.runPending();
        sh.send(bytes("out"), S1_P1);
        clock.runPending();

        assertEquals(1, hInbox.count());
        assertEquals(hAddress, s1p1Inbox.last().from());
    }

    @Test
    void natedLanCanHaveARoutedIpv6Prefix() throws IOException {
        VirtualLan home = net.addLan("10.0.0.0/24", NatBehavior.symmetric(), "203.0.113.9")
                .addRoutedSubnet("2001:db8:1::/64");
        VirtualHost h = home.addHost("10.0.0.2", "2001:db8:1::2");
        VirtualHost server = net.addPublicHost("198.51.100.1", "2001:db8::1");
        VirtualInbox serverInbox = new VirtualInbox(clock);
        UdpSocket sh = h.openUdp(new InetSocketAddress(addr("::"), 4000), ignored(), h.newSerialExecutor("h"));
        server.openUdp(new InetSocketAddress(addr("::"), 3478), serverInbox, server.newSerialExecutor("s"));

        sh.send(bytes("v4"), new InetSocketAddress(addr("198.51.100.1"), 3478));
        sh.send(bytes("v6"), new InetSocketAddress(addr("2001:db8::1"), 3478));
        clock.runPending();

        assertEquals(addr("203.0.113.9"), serverInbox.received.get(0).from().getAddress(), "IPv4 is NATed");
        assertEquals(new InetSocketAddress(addr("2001:db8:1::2"), 4000), serverInbox.received.get(1).from(), "IPv6 is not");
    }
}
