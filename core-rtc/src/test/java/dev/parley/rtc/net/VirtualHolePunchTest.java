package dev.parley.rtc.net;

import static dev.parley.rtc.net.VirtualUdpTest.addr;
import static dev.parley.rtc.net.VirtualUdpTest.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The experiment ICE runs, across every pair of NAT behaviours: two peers behind NATs learn their
 * mappings from a STUN-like server, send to each other's mapping at once, and answer whatever
 * arrives. The outcome must follow from RFC 4787's definitions (see {@link #expected}); for the
 * classic names: symmetric fails against symmetric and port-restricted cone, works against the rest.
 */
class VirtualHolePunchTest {
    private static final InetSocketAddress STUN = new InetSocketAddress(addr("198.51.100.1"), 3478);

    static Stream<Arguments> everyPairOfBehaviours() {
        List<Arguments> pairs = new ArrayList<>();
        for (NatMapping mapA : NatMapping.values()) {
            for (NatFiltering filterA : NatFiltering.values()) {
                for (NatMapping mapB : NatMapping.values()) {
                    for (NatFiltering filterB : NatFiltering.values()) {
                        pairs.add(Arguments.of(NatBehavior.of(mapA, filterA), NatBehavior.of(mapB, filterB)));
                    }
                }
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest
    @MethodSource("everyPairOfBehaviours")
    void peersConnectExactlyWhenTheNatBehavioursAllowIt(NatBehavior natA, NatBehavior natB) throws IOException {
        VirtualNetwork net = new VirtualNetwork(11);
        net.setCoreConditions(LinkConditions.PERFECT.withDelay(Duration.ofMillis(10)));
        VirtualHost stun = net.addPublicHost("198.51.100.1");
        UdpSocket[] stunSocket = new UdpSocket[1];
        // Answers with the source it saw, as a STUN Binding response's XOR-MAPPED-ADDRESS would.
        stunSocket[0] = stun.openUdp(STUN, (data, from) -> stunSocket[0].send(bytes(from.getPort() + ""), from),
                stun.newSerialExecutor("stun"));
        Peer a = new Peer(net, net.addLan("10.0.0.0/24", natA, "203.0.113.1"));
        Peer b = new Peer(net, net.addLan("10.0.0.0/24", natB, "203.0.113.2"));

        a.socket.send(bytes("binding"), STUN);
        b.socket.send(bytes("binding"), STUN);
        net.clock().advance(Duration.ofMillis(100));
        a.probe(b.mapped());
        b.probe(a.mapped());
        net.clock().advance(Duration.ofMillis(100));

        boolean connected = a.heardFromPeer() && b.heardFromPeer();
        assertEquals(expected(natA, natB), connected, natA + " vs " + natB);
    }

    @org.junit.jupiter.api.Test
    void theReasoningAgreesWithTheClassicNatTraversalTable() {
        NatBehavior full = NatBehavior.fullCone();
        NatBehavior restricted = NatBehavior.restrictedCone();
        NatBehavior portRestricted = NatBehavior.portRestrictedCone();
        NatBehavior symmetric = NatBehavior.symmetric();
        assertEquals(false, expected(symmetric, symmetric));
        assertEquals(false, expected(symmetric, portRestricted));
        assertEquals(false, expected(portRestricted, symmetric));
        assertEquals(true, expected(symmetric, restricted));
        assertEquals(true, expected(full, symmetric));
        assertEquals(true, expected(portRestricted, portRestricted));
    }

    /**
     * The outcome reasoned from RFC 4787 alone. Each peer's STUN mapping lets in only the STUN server,
     * plus what the peer's own probe opened: with endpoint-independent mapping the probe leaves
     * through that same mapping.
     */
    private static boolean expected(NatBehavior a, NatBehavior b) {
        boolean bHearsProbe = hearsProbe(b, a);
        boolean aHearsProbe = hearsProbe(a, b);
        return (bHearsProbe && aHearsProbe)
                || (bHearsProbe && answerGetsBack(a, b))
                || (aHearsProbe && answerGetsBack(b, a));
    }

    /** Does {@code receiver}'s STUN mapping let in the probe {@code sender} sends it? */
    private static boolean hearsProbe(NatBehavior receiver, NatBehavior sender) {
        boolean receiverEim = receiver.mapping() == NatMapping.ENDPOINT_INDEPENDENT;
        boolean senderEim = sender.mapping() == NatMapping.ENDPOINT_INDEPENDENT;
        return switch (receiver.filtering()) {
            case ENDPOINT_INDEPENDENT -> true;
            // The receiver's own probe went to the sender's NAT address through this mapping only if EIM.
            case ADDRESS_DEPENDENT -> receiverEim;
            // ... and came from the very mapping the receiver probed only if the sender is EIM too.
            case ADDRESS_AND_PORT_DEPENDENT -> receiverEim && senderEim;
        };
    }

    /**
     * {@code prober}'s probe got through; does the answer, sent back to the source it showed, get
     * through the mapping the probe used? It comes from the right NAT address in any case, and from
     * the port the prober sent to only if the answerer's mapping is endpoint-independent.
     */
    private static boolean answerGetsBack(NatBehavior prober, NatBehavior answerer) {
        return prober.filtering() != NatFiltering.ADDRESS_AND_PORT_DEPENDENT
                || answerer.mapping() == NatMapping.ENDPOINT_INDEPENDENT;
    }

    /** A peer on its own LAN: learns its mapping, probes, answers every probe once. */
    private static final class Peer {
        final UdpSocket socket;
        final Set<InetSocketAddress> answered = new HashSet<>();
        InetSocketAddress mapped;
        boolean heard;

        Peer(VirtualNetwork net, VirtualLan lan) throws IOException {
            VirtualHost host = lan.addHost("10.0.0.2");
            UdpSocket[] self = new UdpSocket[1];
            self[0] = host.openUdp(new InetSocketAddress(addr("10.0.0.2"), 5000), (data, from) -> {
                String text = new String(data, java.nio.charset.StandardCharsets.UTF_8);
                if (from.equals(STUN)) {
                    mapped = new InetSocketAddress(lan.publicAddress(), Integer.parseInt(text));
                    return;
                }
                heard = true;
                if (answered.add(from)) {
                    self[0].send(bytes("answer"), from); // to the source seen, as ICE does for peer-reflexive candidates
                }
            }, host.newSerialExecutor("peer"));
            socket = self[0];
        }

        void probe(InetSocketAddress peerMapping) {
            socket.send(bytes("probe"), peerMapping);
        }

        InetSocketAddress mapped() {
            return mapped;
        }

        boolean heardFromPeer() {
            return heard;
        }
    }
}
