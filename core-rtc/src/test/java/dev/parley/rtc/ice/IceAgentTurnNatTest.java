package dev.parley.rtc.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.RTCIceConnectionState;
import dev.parley.rtc.RTCIceGatheringState;
import dev.parley.rtc.RTCIceServer;
import dev.parley.rtc.RTCIceTransportPolicy;
import dev.parley.rtc.net.LinkConditions;
import dev.parley.rtc.net.NatBehavior;
import dev.parley.rtc.net.VirtualHost;
import dev.parley.rtc.net.VirtualNetwork;
import dev.parley.rtc.testutil.StunBindingServer;
import dev.parley.rtc.testutil.VirtualTurnServer;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two agents, each behind a symmetric NAT (RFC 4787 address-and-port-dependent mapping and
 * filtering): no pair of host or server-reflexive candidates can work, since each side's checks
 * leave through a mapping the other NAT has never sent to. Only a TURN relay (RFC 8656) gives a
 * path — here a real one, {@link VirtualTurnServer}, on the virtual network.
 */
class IceAgentTurnNatTest {
    private static final String REALM = "parley.test";
    private static final String USER = "alice-and-bob";
    private static final String PASSWORD = "s3cret";
    private static final String TURN_URL = "turn:198.51.100.2:3478";

    private final VirtualNetwork vnet = new VirtualNetwork(17);
    private final SecureRandom random = new SecureRandom();
    private StunBindingServer stun;
    private VirtualTurnServer turn;
    private VirtualHost aliceHost;
    private VirtualHost bobHost;
    private AgentPeer alice;
    private AgentPeer bob;

    private void buildNetwork() throws Exception {
        vnet.setCoreConditions(LinkConditions.PERFECT.withDelay(Duration.ofMillis(20)));
        VirtualHost stunHost = vnet.addPublicHost("198.51.100.1");
        VirtualHost turnHost = vnet.addPublicHost("198.51.100.2");
        stun = new StunBindingServer(stunHost, new InetSocketAddress("198.51.100.1", 3478));
        turn = new VirtualTurnServer(turnHost, new InetSocketAddress("198.51.100.2", 3478), REALM, USER, PASSWORD);
        aliceHost = vnet.addLan("10.0.1.0/24", NatBehavior.symmetric(), "203.0.113.1").addHost("10.0.1.2");
        bobHost = vnet.addLan("10.0.2.0/24", NatBehavior.symmetric(), "203.0.113.2").addHost("10.0.2.2");
    }

    private void startAgents(List<RTCIceServer> servers, RTCIceTransportPolicy policy) {
        alice = new AgentPeer("alice", aliceHost, aliceHost.newSerialExecutor("alice"), IceSettings.DEFAULTS, true,
                servers, policy, random);
        bob = new AgentPeer("bob", bobHost, bobHost.newSerialExecutor("bob"), IceSettings.DEFAULTS, false,
                servers, policy, random);
        alice.agent.gather();
        bob.agent.gather();
        AgentPeer.connect(alice, bob);
    }

    private static List<RTCIceServer> stunAndTurn() {
        return List.of(RTCIceServer.stun("stun:198.51.100.1:3478"), RTCIceServer.turn(TURN_URL, USER, PASSWORD));
    }

    @AfterEach
    void tearDown() {
        if (alice != null) {
            alice.agent.close();
            bob.agent.close();
        }
        vnet.clock().runPending();
        if (turn != null) {
            turn.close();
            stun.close();
        }
    }

    @Test
    void symmetricNatsWithStunOnlyFail() throws Exception {
        buildNetwork();
        startAgents(List.of(RTCIceServer.stun("stun:198.51.100.1:3478")), RTCIceTransportPolicy.ALL);

        boolean failed = vnet.clock().runUntil(() -> alice.state() == RTCIceConnectionState.FAILED
                && bob.state() == RTCIceConnectionState.FAILED, Duration.ofSeconds(60));

        System.out.printf("symmetric ↔ symmetric, STUN only: failed=%s after %d ms virtual%n", failed,
                vnet.clock().elapsed().toMillis());
        assertTrue(failed, "both fail within 60 s virtual; alice " + alice.states + ", bob " + bob.states);
        assertNull(alice.selected);
        assertNull(bob.selected);
        assertTrue(stun.answered() > 0, "server-reflexive candidates were gathered (and did not help)");
        assertEquals(0, turn.allocationsMade(), "no TURN server configured: nothing allocated");
    }

    @Test
    void symmetricNatsConnectThroughTheRelay() throws Exception {
        buildNetwork();
        startAgents(stunAndTurn(), RTCIceTransportPolicy.ALL);

        assertConnectsThroughRelay("STUN + TURN, policy all");
        assertTrue(stun.answered() > 0);
    }

    @Test
    void relayOnlyPolicyConnectsThroughTheRelay() throws Exception {
        buildNetwork();
        startAgents(stunAndTurn(), RTCIceTransportPolicy.RELAY);

        assertConnectsThroughRelay("policy relay");
        // A relay-only agent announces relayed candidates only (W3C iceTransportPolicy "relay").
        for (IceCandidate c : alice.localCandidates) {
            assertEquals(CandidateType.RELAYED, c.type(), "alice announced " + c);
        }
        for (IceCandidate c : bob.localCandidates) {
            assertEquals(CandidateType.RELAYED, c.type(), "bob announced " + c);
        }
        assertEquals(CandidateType.RELAYED, alice.selected.local().type());
        assertEquals(CandidateType.RELAYED, alice.selected.remote().type());

        // Five minutes on, with the nonce gone stale: permissions (300 s, RFC 8656 §9) and
        // channels must have been refreshed, via a 438 and a retry with the new nonce.
        turn.rotateNonce();
        vnet.clock().advance(Duration.ofMinutes(5));
        assertEquals(RTCIceConnectionState.CONNECTED, alice.state(), "alice " + alice.states);
        assertEquals(RTCIceConnectionState.CONNECTED, bob.state(), "bob " + bob.states);
        alice.packets.clear();
        bob.packets.clear();
        assertTrue(alice.agent.send(rtpLike(3)) && bob.agent.send(rtpLike(4)));
        assertTrue(vnet.clock().runUntil(() -> !alice.packets.isEmpty() && !bob.packets.isEmpty(),
                Duration.ofSeconds(2)), "packets still flow through the relay after 5 minutes");
        assertTrue(turn.staleNonces() > 0, "a refresh met the stale nonce");

        // Closing the agents deallocates (Refresh with LIFETIME 0, RFC 8656 §7.3).
        assertEquals(2, turn.allocationCount());
        alice.agent.close();
        bob.agent.close();
        assertTrue(vnet.clock().runUntil(() -> turn.allocationCount() == 0, Duration.ofSeconds(5)),
                "allocations left: " + turn.allocationCount());
    }

    @Test
    void wrongTurnPasswordLeavesNoRelay() throws Exception {
        buildNetwork();
        startAgents(List.of(RTCIceServer.turn(TURN_URL, USER, "wrong")), RTCIceTransportPolicy.RELAY);

        assertTrue(vnet.clock().runUntil(() -> alice.gathering == RTCIceGatheringState.COMPLETE
                && bob.gathering == RTCIceGatheringState.COMPLETE, Duration.ofSeconds(10)), "gathering completes");
        vnet.clock().advance(Duration.ofSeconds(30));

        System.out.printf("wrong TURN password: states alice %s bob %s; errors alice %s%n", alice.states, bob.states,
                alice.candidateErrors);
        assertEquals(0, turn.allocationsMade());
        assertTrue(turn.authFailures() >= 2, "the server refused both agents' MESSAGE-INTEGRITY");
        assertTrue(alice.localCandidates.isEmpty() && bob.localCandidates.isEmpty(), "no relayed candidate");
        assertTrue(alice.candidateErrors.stream().anyMatch(e -> e.startsWith("401 ")), "alice: " + alice.candidateErrors);
        assertTrue(bob.candidateErrors.stream().anyMatch(e -> e.startsWith("401 ")), "bob: " + bob.candidateErrors);
        assertNull(alice.selected);
        assertNull(bob.selected);
        // No pair at all, and each peer signalled end-of-candidates (RFC 8838 §8.2): nothing left to try.
        assertEquals(RTCIceConnectionState.FAILED, alice.state(), "alice " + alice.states);
        assertEquals(RTCIceConnectionState.FAILED, bob.state(), "bob " + bob.states);
    }

    private void assertConnectsThroughRelay(String label) {
        boolean connected = vnet.clock().runUntil(() -> alice.connected() && bob.connected(), Duration.ofSeconds(10));
        long tookMs = vnet.clock().elapsed().toMillis();
        System.out.printf("symmetric ↔ symmetric, %s: connected=%s after %d ms virtual; alice selected %s; bob"
                + " selected %s; allocations %d%n", label, connected, tookMs, alice.selected, bob.selected,
                turn.allocationsMade());
        assertTrue(connected, "connected within 10 s virtual; alice " + alice.states + " " + alice.candidateErrors
                + ", bob " + bob.states + " " + bob.candidateErrors);
        assertTrue(turn.allocationsMade() >= 2, "both agents allocated on the TURN server");

        CandidatePair a = alice.selected;
        CandidatePair b = bob.selected;
        assertTrue(a.local().type() == CandidateType.RELAYED || a.remote().type() == CandidateType.RELAYED,
                "alice's selected pair uses a relay: " + a);
        assertTrue(b.local().type() == CandidateType.RELAYED || b.remote().type() == CandidateType.RELAYED,
                "bob's selected pair uses a relay: " + b);
        // Both ends agree on the relayed end of the path. (The other end may differ: a host
        // candidate behind the NAT shows up at the far side as the NAT's mapping, peer-reflexive.)
        if (a.local().type() == CandidateType.RELAYED) {
            assertEquals(a.local().address(), b.remote().address());
        }
        if (b.local().type() == CandidateType.RELAYED) {
            assertEquals(b.local().address(), a.remote().address());
        }

        // Media both ways, through the relay: the relay counters must grow by at least the packets sent.
        long toPeersBefore = turn.relayedToPeers();
        long toClientsBefore = turn.relayedToClients();
        alice.packets.clear();
        bob.packets.clear();
        byte[] fromAlice = rtpLike(1);
        byte[] fromBob = rtpLike(2);
        for (int i = 0; i < 5; i++) {
            assertTrue(alice.agent.send(fromAlice), "alice can send");
            assertTrue(bob.agent.send(fromBob), "bob can send");
        }
        assertTrue(vnet.clock().runUntil(() -> alice.packets.size() >= 5 && bob.packets.size() >= 5,
                Duration.ofSeconds(2)), "packets arrived: alice got " + alice.packets.size() + ", bob got "
                + bob.packets.size());
        assertArrayEquals(fromBob, alice.packets.peek());
        assertArrayEquals(fromAlice, bob.packets.peek());
        // Each side whose local candidate is relayed sends its 5 packets client → relay → peer and
        // receives the other 5 peer → relay → client; consent checks may add to both counts.
        int relayedSides = (a.local().type() == CandidateType.RELAYED ? 1 : 0)
                + (b.local().type() == CandidateType.RELAYED ? 1 : 0);
        long toPeers = turn.relayedToPeers() - toPeersBefore;
        long toClients = turn.relayedToClients() - toClientsBefore;
        System.out.printf("  relayed sides %d; during media: %d relayed to peers, %d to clients%n", relayedSides,
                toPeers, toClients);
        assertTrue(toPeers >= 5L * relayedSides, "relayed to peers: " + toPeers);
        assertTrue(toClients >= 5L * relayedSides, "relayed to clients: " + toClients);
    }

    /** An RTP-shaped packet (first byte 0x80), so the agent hands it up rather than to STUN. */
    private static byte[] rtpLike(int marker) {
        byte[] packet = new byte[40];
        packet[0] = (byte) 0x80;
        packet[1] = 96;
        for (int i = 12; i < packet.length; i++) {
            packet[i] = (byte) (marker * 31 + i);
        }
        return packet;
    }
}
