package dev.parley.rtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.RTCIceGatheringState;
import dev.parley.rtc.RTCIceServer;
import dev.parley.rtc.RTCIceTransportPolicy;
import dev.parley.rtc.net.RealNet;
import dev.parley.rtc.testutil.Coturn;
import dev.parley.rtc.testutil.NetworkNamespace;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Server-reflexive candidates from a real coturn's STUN, behind a real NAT: coturn runs in a
 * network namespace the test creates, whose nftables rule rewrites our source address on the way
 * in (SNAT in the input hook), so coturn sees us at a "public" address, as behind a home router.
 */
class IceAgentCoturnNatInteropIT {
    private static final String HOST_IP = "10.213.77.1";
    private static final String NS_IP = "10.213.77.2";
    /** The address the NAT gives us, as coturn sees it. */
    private static final String MAPPED_IP = "10.213.77.9";

    private static NetworkNamespace ns;
    private static Coturn coturn;

    @BeforeAll
    static void natAndCoturn() throws Exception {
        ns = NetworkNamespace.create(HOST_IP, NS_IP);
        ns.exec("nft", "add table ip parley_nat");
        ns.exec("nft", "add chain ip parley_nat in { type nat hook input priority 100 ; }");
        ns.exec("nft", "add rule ip parley_nat in ip saddr " + HOST_IP + " snat to " + MAPPED_IP);
        coturn = Coturn.startIn(ns);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (coturn != null) {
            coturn.close();
        }
        if (ns != null) {
            ns.close();
        }
    }

    @Test
    void coturnsStunGivesAServerReflexiveCandidateThroughTheNat() throws Exception {
        InetAddress host = InetAddress.getByName(HOST_IP);
        IceSettings settings = IceSettings.DEFAULTS.toBuilder().gatherTcp(false)
                .addressFilter(a -> a.address().equals(host)).build();
        try (RealNet net = new RealNet()) {
            AgentPeer alice = new AgentPeer("alice", net, net.newSerialExecutor("alice"), settings, true,
                    List.of(RTCIceServer.stun("stun:" + NS_IP + ":" + coturn.address().getPort())),
                    RTCIceTransportPolicy.ALL, new SecureRandom());
            alice.agent.gather();
            while (alice.gathering != RTCIceGatheringState.COMPLETE) {
                assertTrue(alice.gatheringChanged.poll(10, TimeUnit.SECONDS) != null, "gathering finishes");
            }
            assertTrue(alice.candidateErrors.isEmpty(), alice.candidateErrors.toString());
            IceCandidate hostCandidate = alice.localCandidates.stream().filter(c -> c.type() == CandidateType.HOST)
                    .findFirst().orElseThrow();
            IceCandidate srflx = alice.localCandidates.stream().filter(c -> c.type() == CandidateType.SERVER_REFLEXIVE)
                    .findFirst().orElseThrow(() -> new AssertionError("no srflx: " + alice.localCandidates));
            assertEquals(InetAddress.getByName(MAPPED_IP), srflx.address().getAddress(), "the NAT's address");
            assertEquals(hostCandidate.address(), srflx.relatedAddress(), "raddr/rport name the base");
            assertNotEquals(hostCandidate.foundation(), srflx.foundation());
            System.out.println("srflx via coturn behind NAT: " + srflx);
            alice.agent.close();
        }
    }
}
