package dev.parley.rtc.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.RTCIceGatheringState;
import dev.parley.rtc.RTCIceServer;
import dev.parley.rtc.RTCIceTransportPolicy;
import dev.parley.rtc.net.RealNet;
import dev.parley.rtc.testutil.Coturn;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ICE agent against a real coturn on 127.0.0.1: STUN, relayed candidates over UDP, TCP and TLS, relay-only calls. */
class IceAgentCoturnInteropIT {
    private static Coturn coturn;
    private final RealNet net = new RealNet();
    private final SecureRandom random = new SecureRandom();

    @BeforeAll
    static void startCoturn() throws Exception {
        coturn = Coturn.start();
    }

    @AfterAll
    static void stopCoturn() throws Exception {
        coturn.close();
    }

    @AfterEach
    void closeNet() {
        net.close();
    }

    private String turnUrl(String transport) {
        InetSocketAddress server = transport.equals("tls") ? coturn.tlsAddress() : coturn.address();
        String scheme = transport.equals("tls") ? "turns:localhost:" : "turn:127.0.0.1:";
        return scheme + server.getPort() + (transport.equals("tcp") ? "?transport=tcp" : "");
    }

    private AgentPeer peer(String name, boolean controlling, List<RTCIceServer> servers, RTCIceTransportPolicy policy)
            throws Exception {
        IceSettings settings = IceSettings.DEFAULTS.loopbackOnly().withIncludeIpv6(false)
                .withTurnTlsContext(coturn.trustingSslContext());
        return new AgentPeer(name, net, net.newSerialExecutor(name), settings, controlling, servers, policy, random);
    }

    /** Waits for the listener to report gathering complete, by the queue of state changes. */
    private static void awaitGathered(AgentPeer peer) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (peer.gathering != RTCIceGatheringState.COMPLETE) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(peer.name + " did not finish gathering: " + peer.localCandidates);
            }
            peer.gatheringChanged.poll(left, TimeUnit.NANOSECONDS);
        }
    }

    @Test
    void stunThroughCoturnFindsNoNatOnLoopback() throws Exception {
        AgentPeer alice = peer("alice", true, List.of(RTCIceServer.stun("stun:127.0.0.1:" + coturn.address().getPort())),
                RTCIceTransportPolicy.ALL);
        alice.agent.gather();
        awaitGathered(alice);
        assertTrue(alice.candidateErrors.isEmpty(), "coturn answered: " + alice.candidateErrors);
        // Loopback has no NAT: coturn reports the host's own address, which RFC 8445 §5.1.3 drops as redundant.
        assertTrue(alice.localCandidates.stream().noneMatch(c -> c.type() == CandidateType.SERVER_REFLEXIVE));
        alice.agent.close();
    }

    @ParameterizedTest(name = "TURN over {0}")
    @ValueSource(strings = {"udp", "tcp", "tls"})
    void relayedCandidatesComeFromCoturnOverEveryTransport(String transport) throws Exception {
        AgentPeer alice = peer("alice", true,
                List.of(RTCIceServer.turn(turnUrl(transport), Coturn.USERNAME, Coturn.PASSWORD)), RTCIceTransportPolicy.ALL);
        alice.agent.gather();
        awaitGathered(alice);
        assertTrue(alice.candidateErrors.isEmpty(), alice.candidateErrors.toString());
        IceCandidate relay = alice.localCandidates.stream().filter(c -> c.type() == CandidateType.RELAYED).findFirst()
                .orElseThrow(() -> new AssertionError("no relayed candidate: " + alice.localCandidates));
        assertTrue(relay.address().getAddress().isLoopbackAddress(), "relayed address " + relay.address());
        assertTrue(relay.relatedAddress() != null);
        alice.agent.close();
    }

    @ParameterizedTest(name = "relay-only call through coturn over {0}")
    @ValueSource(strings = {"udp", "tcp", "tls"})
    void twoRelayOnlyAgentsConnectThroughCoturnAndExchangeData(String transport) throws Exception {
        List<RTCIceServer> servers = List.of(RTCIceServer.turn(turnUrl(transport), Coturn.USERNAME, Coturn.PASSWORD));
        AgentPeer alice = peer("alice", true, servers, RTCIceTransportPolicy.RELAY);
        AgentPeer bob = peer("bob", false, servers, RTCIceTransportPolicy.RELAY);
        alice.agent.gather();
        bob.agent.gather();
        AgentPeer.connect(alice, bob);

        CandidatePair pair = alice.connectedOnce.get(15, TimeUnit.SECONDS);
        bob.connectedOnce.get(15, TimeUnit.SECONDS);
        assertEquals(CandidateType.RELAYED, pair.local().type(), "relay policy: only relayed local candidates");
        assertTrue(alice.localCandidates.stream().allMatch(c -> c.type() == CandidateType.RELAYED),
                "relay policy signals nothing else: " + alice.localCandidates);
        System.out.println("relay-only over " + transport + ": selected " + pair);

        byte[] hello = {0x17, (byte) 0xfe, (byte) 0xfd, 42};
        byte[] reply = {(byte) 0x80, 0, 0, 7};
        assertTrue(alice.agent.send(hello));
        assertArrayEquals(hello, bob.packets.poll(5, TimeUnit.SECONDS));
        assertTrue(bob.agent.send(reply));
        assertArrayEquals(reply, alice.packets.poll(5, TimeUnit.SECONDS));
        alice.agent.close();
        bob.agent.close();
    }

    @Test
    void aWrongTurnPasswordIsReportedAs401NotAHang() throws Exception {
        AgentPeer alice = peer("alice", true,
                List.of(RTCIceServer.turn(turnUrl("udp"), Coturn.USERNAME, "wrong-password")), RTCIceTransportPolicy.ALL);
        long start = System.nanoTime();
        alice.agent.gather();
        awaitGathered(alice);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(1, alice.candidateErrors.size(), alice.candidateErrors.toString());
        assertTrue(alice.candidateErrors.get(0).startsWith("401 "), alice.candidateErrors.get(0));
        System.out.println("wrong TURN password: icecandidateerror " + alice.candidateErrors.get(0) + " after " + millis + " ms");
        alice.agent.close();
    }
}
