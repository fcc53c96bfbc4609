package dev.parley.rtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.RTCIceConnectionState;
import dev.parley.rtc.RTCIceServer;
import dev.parley.rtc.RTCIceTransportPolicy;
import dev.parley.rtc.net.LinkConditions;
import dev.parley.rtc.net.NatBehavior;
import dev.parley.rtc.net.VirtualHost;
import dev.parley.rtc.net.VirtualNetwork;
import dev.parley.rtc.testutil.StunBindingServer;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two agents on the virtual network, each behind a NAT of some RFC 4787 behaviour (or none), with
 * a STUN server on the internet: ICE connects whenever a path exists without a relay, and fails
 * — cleanly, in bounded virtual time — for the pairs that need TURN.
 */
class IceAgentNatTest {

    enum Site {
        PUBLIC, FULL_CONE, RESTRICTED_CONE, PORT_RESTRICTED_CONE, SYMMETRIC;

        NatBehavior nat() {
            switch (this) {
                case FULL_CONE:
                    return NatBehavior.fullCone();
                case RESTRICTED_CONE:
                    return NatBehavior.restrictedCone();
                case PORT_RESTRICTED_CONE:
                    return NatBehavior.portRestrictedCone();
                case SYMMETRIC:
                    return NatBehavior.symmetric();
                default:
                    return null;
            }
        }
    }

    static Stream<Arguments> everyPairOfSites() {
        List<Arguments> all = new ArrayList<>();
        for (Site a : Site.values()) {
            for (Site b : Site.values()) {
                // Without a relay, a symmetric NAT cannot meet a symmetric or port-restricted one:
                // each side's probes arrive from a mapping the other NAT has never sent to.
                boolean hard = a == Site.SYMMETRIC && (b == Site.SYMMETRIC || b == Site.PORT_RESTRICTED_CONE)
                        || b == Site.SYMMETRIC && a == Site.PORT_RESTRICTED_CONE;
                all.add(Arguments.of(a, b, !hard));
            }
        }
        return all.stream();
    }

    private static VirtualHost host(VirtualNetwork vnet, Site site, int index) {
        if (site == Site.PUBLIC) {
            return vnet.addPublicHost("198.51.100." + (10 + index));
        }
        return vnet.addLan("10.0." + index + ".0/24", site.nat(), "203.0.113." + index).addHost("10.0." + index + ".2");
    }

    @ParameterizedTest(name = "{0} ↔ {1}: connects={2}")
    @MethodSource("everyPairOfSites")
    void agentsBehindNatsConnectWheneverAPathExists(Site aliceSite, Site bobSite, boolean expectConnected) throws Exception {
        VirtualNetwork vnet = new VirtualNetwork(11);
        vnet.setCoreConditions(LinkConditions.PERFECT.withDelay(Duration.ofMillis(20)));
        VirtualHost stunHost = vnet.addPublicHost("198.51.100.1");
        StunBindingServer stun = new StunBindingServer(stunHost, new InetSocketAddress("198.51.100.1", 3478));
        List<RTCIceServer> servers = List.of(RTCIceServer.stun("stun:198.51.100.1:3478"));
        SecureRandom random = new SecureRandom();

        VirtualHost aliceHost = host(vnet, aliceSite, 1);
        VirtualHost bobHost = host(vnet, bobSite, 2);
        AgentPeer alice = new AgentPeer("alice", aliceHost, aliceHost.newSerialExecutor("alice"), IceSettings.DEFAULTS,
                true, servers, RTCIceTransportPolicy.ALL, random);
        AgentPeer bob = new AgentPeer("bob", bobHost, bobHost.newSerialExecutor("bob"), IceSettings.DEFAULTS, false,
                servers, RTCIceTransportPolicy.ALL, random);
        alice.agent.gather();
        bob.agent.gather();
        AgentPeer.connect(alice, bob);

        if (expectConnected) {
            assertTrue(vnet.clock().runUntil(() -> alice.connected() && bob.connected(), Duration.ofSeconds(10)),
                    "connected within 10 s virtual; alice " + alice.states + ", bob " + bob.states);
            CandidatePair pair = alice.selected;
            System.out.printf("%s ↔ %s: selected %s after %d ms%n", aliceSite, bobSite, pair,
                    vnet.clock().elapsed().toMillis());
            assertEquals(bob.selected.local().address(), bob.selected.local().address());
            // Behind a NAT, the peer can only be reached at a public address: never a private host one.
            if (bobSite != Site.PUBLIC) {
                assertTrue(pair.remote().type() != CandidateType.HOST, "a NATed peer's host address is unreachable");
            }
        } else {
            assertTrue(vnet.clock().runUntil(
                            () -> alice.state() == RTCIceConnectionState.FAILED && bob.state() == RTCIceConnectionState.FAILED,
                            Duration.ofSeconds(60)),
                    "both fail within 60 s virtual; alice " + alice.states + ", bob " + bob.states);
            assertTrue(alice.selected == null && bob.selected == null);
        }
        assertTrue(stun.answered() > 0 || aliceSite == Site.PUBLIC && bobSite == Site.PUBLIC);
        alice.agent.close();
        bob.agent.close();
        vnet.clock().runPending();
    }
}
