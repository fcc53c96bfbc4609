package dev.parley.rtc.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.RTCIceConnectionState;
import dev.parley.rtc.RTCIceTransportPolicy;
import dev.parley.rtc.net.LinkConditions;
import dev.parley.rtc.net.VirtualHost;
import dev.parley.rtc.net.VirtualNetwork;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ICE-TCP (RFC 6544) on the virtual network: two agents on public hosts, with host firewalls that
 * drop UDP on one or both, connect over TCP (active ↔ passive) and carry packets; where UDP works
 * it wins; a refused connection fails its pair at once.
 */
class IceAgentTcpTest {
    private final SecureRandom random = new SecureRandom();
    private final VirtualNetwork vnet = new VirtualNetwork(17);
    private final VirtualHost aliceHost;
    private final VirtualHost bobHost;
    private AgentPeer alice;
    private AgentPeer bob;

    IceAgentTcpTest() {
        vnet.setCoreConditions(LinkConditions.PERFECT.withDelay(Duration.ofMillis(20)));
        aliceHost = vnet.addPublicHost("198.51.100.10");
        bobHost = vnet.addPublicHost("198.51.100.20");
    }

    @AfterEach
    void close() {
        if (alice != null) {
            alice.agent.close();
        }
        if (bob != null) {
            bob.agent.close();
        }
        vnet.clock().runPending();
    }

    private void startBoth() {
        alice = new AgentPeer("alice", aliceHost, aliceHost.newSerialExecutor("alice"), IceSettings.DEFAULTS, true,
                List.of(), RTCIceTransportPolicy.ALL, random);
        bob = new AgentPeer("bob", bobHost, bobHost.newSerialExecutor("bob"), IceSettings.DEFAULTS, false, List.of(),
                RTCIceTransportPolicy.ALL, random);
        alice.agent.gather();
        bob.agent.gather();
        AgentPeer.connect(alice, bob);
    }

    private void assertConnectedOverTcpAndCarryingPackets() {
        assertTrue(vnet.clock().runUntil(() -> alice.connected() && bob.connected(), Duration.ofSeconds(10)),
                "connected within 10 s virtual; alice " + alice.states + ", bob " + bob.states);
        CandidatePair ours = alice.selected;
        CandidatePair theirs = bob.selected;
        System.out.println("alice selected " + ours + "; bob selected " + theirs);
        assertEquals(TransportProtocol.TCP, ours.local().protocol());
        assertEquals(TransportProtocol.TCP, theirs.local().protocol());
        // The best TCP pair: alice's active candidate to bob's passive one (its pair priority has
        // host on both sides; the reverse direction's pair has a peer-reflexive remote). Bob learned
        // alice's active side as peer-reflexive, from its ephemeral port, with tcptype active.
        assertEquals(TcpType.ACTIVE, ours.local().tcpType());
        assertEquals(TcpType.PASSIVE, ours.remote().tcpType());
        assertEquals(TcpType.PASSIVE, theirs.local().tcpType());
        assertEquals(CandidateType.PEER_REFLEXIVE, theirs.remote().type());
        assertEquals(TcpType.ACTIVE, theirs.remote().tcpType());
        assertEquals(ours.remote().address(), theirs.local().address(), "both sides use the same connection");
        assertTrue(ours.nominated() && theirs.nominated());

        byte[] fromAlice = {0x17, (byte) 0xfe, (byte) 0xfd, 1, 2, 3};
        byte[] fromBob = {(byte) 0x80, 111, 0, 1, 9, 9, 9, 9};
        assertTrue(alice.agent.send(fromAlice));
        assertTrue(bob.agent.send(fromBob));
        assertTrue(vnet.clock().runUntil(() -> !alice.packets.isEmpty() && !bob.packets.isEmpty(), Duration.ofSeconds(1)));
        assertArrayEquals(fromAlice, bob.packets.poll());
        assertArrayEquals(fromBob, alice.packets.poll());
    }

    @Test
    void udpBlockedOnBothHostsConnectsOverTcpAndCarriesPacketsBothWays() {
        aliceHost.setUdpBlocked(true);
        bobHost.setUdpBlocked(true);
        startBoth();
        assertConnectedOverTcpAndCarryingPackets();
        assertTrue(vnet.droppedByFirewall() > 0, "UDP checks were tried and dropped by the firewalls");
    }

    @Test
    void udpBlockedOnOneHostStillConnectsOverTcp() {
        bobHost.setUdpBlocked(true);
        startBoth();
        assertConnectedOverTcpAndCarryingPackets();
        assertTrue(vnet.droppedByFirewall() > 0);
    }

    @Test
    void whenTheSelectedConnectionClosesNothingMoreIsSent() {
        aliceHost.setUdpBlocked(true);
        bobHost.setUdpBlocked(true);
        startBoth();
        assertTrue(vnet.clock().runUntil(() -> alice.connected() && bob.connected(), Duration.ofSeconds(10)));
        Duration connectedAt = vnet.clock().elapsed();
        bob.agent.close(); // closes bob's end of every connection, the selected pair's among them

        // Over UDP only consent checks could tell (disconnected after 4 s, failed after 30 s); a
        // closed TCP connection says at once that the pair cannot carry anything any more.
        assertTrue(vnet.clock().runUntil(() -> alice.state() == RTCIceConnectionState.FAILED, Duration.ofSeconds(1)),
                "alice " + alice.states);
        assertTrue(vnet.clock().elapsed().minus(connectedAt).compareTo(IceSettings.DEFAULTS.disconnectedTimeout()) < 0);
        assertTrue(!alice.states.contains(RTCIceConnectionState.DISCONNECTED));
        assertTrue(!alice.agent.send(new byte[] {0x17, 1}), "nothing is sent on a closed connection");
    }

    @Test
    void whereUdpWorksItWinsOverTcp() {
        startBoth();
        // Run until alice's best TCP pair has succeeded as well, so both transports demonstrably work.
        assertTrue(vnet.clock().runUntil(() -> alice.connected() && bob.connected() && tcpPair(alice).isPresent()
                && tcpPair(alice).get().state() == CandidatePairState.SUCCEEDED, Duration.ofSeconds(10)));
        CandidatePair selected = alice.selected;
        assertEquals(TransportProtocol.UDP, selected.local().protocol());
        assertEquals(TransportProtocol.UDP, bob.selected.local().protocol());
        // Why: a host candidate's priority is 2^24 * 126 + 2^8 * local preference + 255, and the
        // TCP local preference (RFC 6544 §4.2) is at most 2^13 * 6 + 8191 = 57343 < 65535, the UDP one.
        IceCandidate udpHost = localCandidate(alice, TransportProtocol.UDP, null);
        IceCandidate activeHost = localCandidate(alice, TransportProtocol.TCP, TcpType.ACTIVE);
        IceCandidate passiveHost = localCandidate(alice, TransportProtocol.TCP, TcpType.PASSIVE);
        assertTrue(udpHost.priority() > activeHost.priority() && activeHost.priority() > passiveHost.priority());
        for (CandidatePair p : alice.agent.pairs()) {
            if (p.local().protocol() == TransportProtocol.TCP) {
                assertTrue(selected.priority() > p.priority(), "the UDP pair outranks " + p);
            }
        }
        System.out.println("selected " + selected + " over " + tcpPair(alice).get());
    }

    @Test
    void aRefusedConnectionFailsItsPairAtOnce() {
        alice = new AgentPeer("alice", aliceHost, aliceHost.newSerialExecutor("alice"), IceSettings.DEFAULTS, true,
                List.of(), RTCIceTransportPolicy.ALL, random);
        alice.agent.gather();
        alice.agent.setRemoteCredentials(IceCredentials.random(random));
        // A passive candidate on bob's host where nothing listens: the connect is refused after one round trip.
        InetSocketAddress nobody = new InetSocketAddress(bobHost.address(), 4321);
        alice.agent.addRemoteCandidate(new IceCandidate("1", 1, TransportProtocol.TCP,
                CandidatePriority.of(CandidateType.HOST, CandidatePriority.tcpLocalPreference(TcpType.PASSIVE, 8191), 1),
                nobody, CandidateType.HOST, null, TcpType.PASSIVE));
        assertTrue(vnet.clock().runUntil(() -> alice.state() == RTCIceConnectionState.FAILED, Duration.ofSeconds(10)));
        assertTrue(vnet.clock().elapsed().compareTo(Duration.ofSeconds(1)) < 0,
                "failed after " + vnet.clock().elapsed().toMillis() + " ms, not at the 8 s check timeout");
        List<CandidatePair> pairs = alice.agent.pairs();
        assertEquals(1, pairs.size(), "only the active candidate pairs with a passive one: " + pairs);
        assertEquals(CandidatePairState.FAILED, pairs.get(0).state());
        assertEquals(TcpType.ACTIVE, pairs.get(0).local().tcpType());
    }

    @Test
    void gatherTcpOffGathersNoTcpCandidates() {
        alice = new AgentPeer("alice", aliceHost, aliceHost.newSerialExecutor("alice"),
                IceSettings.DEFAULTS.withGatherTcp(false), true, List.of(), RTCIceTransportPolicy.ALL, random);
        alice.agent.gather();
        assertTrue(vnet.clock().runUntil(() -> !alice.localCandidates.isEmpty(), Duration.ofSeconds(1)));
        assertTrue(alice.localCandidates.stream().allMatch(c -> c.protocol() == TransportProtocol.UDP));

        bob = new AgentPeer("bob", bobHost, bobHost.newSerialExecutor("bob"), IceSettings.DEFAULTS, false, List.of(),
                RTCIceTransportPolicy.ALL, random);
        bob.agent.gather();
        assertTrue(vnet.clock().runUntil(() -> bob.localCandidates.size() == 3, Duration.ofSeconds(1)),
                "one UDP, one passive and one active TCP candidate: " + bob.localCandidates);
        IceCandidate active = localCandidate(bob, TransportProtocol.TCP, TcpType.ACTIVE);
        assertEquals(TcpCandidates.DISCARD_PORT, active.address().getPort(), "RFC 6544 §4.5: active is signalled with port 9");
        assertNotNull(localCandidate(bob, TransportProtocol.TCP, TcpType.PASSIVE));
    }

    private static IceCandidate localCandidate(AgentPeer peer, TransportProtocol protocol, TcpType tcpType) {
        return peer.localCandidates.stream()
                .filter(c -> c.protocol() == protocol && c.tcpType() == tcpType)
                .findFirst()
                .orElseThrow();
    }

    /** The agent's highest-priority TCP pair, if any. */
    private static Optional<CandidatePair> tcpPair(AgentPeer peer) {
        return peer.agent.pairs().stream().filter(p -> p.local().protocol() == TransportProtocol.TCP).findFirst();
    }
}
