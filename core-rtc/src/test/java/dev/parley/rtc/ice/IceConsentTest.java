package dev.parley.rtc.ice;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.RTCIceConnectionState;
import dev.parley.rtc.RTCIceTransportPolicy;
import dev.parley.rtc.net.LinkConditions;
import dev.parley.rtc.net.VirtualHost;
import dev.parley.rtc.net.VirtualNetwork;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Consent freshness (RFC 7675) on the virtual clock: a silent peer is disconnected within 5 s and failed within 30 s. */
class IceConsentTest {
    private final VirtualNetwork vnet = new VirtualNetwork(3);
    private VirtualHost bobHost;
    private AgentPeer alice;
    private AgentPeer bob;

    @BeforeEach
    void connect() {
        SecureRandom random = new SecureRandom();
        vnet.setCoreConditions(LinkConditions.PERFECT.withDelay(Duration.ofMillis(15)));
        VirtualHost aliceHost = vnet.addPublicHost("198.51.100.10");
        bobHost = vnet.addPublicHost("198.51.100.20");
        alice = new AgentPeer("alice", aliceHost, aliceHost.newSerialExecutor("alice"), IceSettings.DEFAULTS, true,
                List.of(), RTCIceTransportPolicy.ALL, random);
        bob = new AgentPeer("bob", bobHost, bobHost.newSerialExecutor("bob"), IceSettings.DEFAULTS, false, List.of(),
                RTCIceTransportPolicy.ALL, random);
        alice.agent.gather();
        bob.agent.gather();
        AgentPeer.connect(alice, bob);
        assertTrue(vnet.clock().runUntil(() -> alice.connected() && bob.connected(), Duration.ofSeconds(5)));
    }

    @Test
    void consentKeepsAHealthyPairConnectedForMinutes() {
        vnet.clock().advance(Duration.ofMinutes(3));
        assertTrue(alice.connected() && bob.connected(), "alice " + alice.states + ", bob " + bob.states);
    }

    @Test
    void aSilentPeerIsDisconnectedWithin5sThenFailedWithin30sAndTrafficStops() {
        long silentFrom = vnet.clock().elapsed().toMillis();
        bobHost.setLinkConditions(LinkConditions.PERFECT.withLoss(1.0));

        assertTrue(vnet.clock().runUntil(() -> alice.state() == RTCIceConnectionState.DISCONNECTED, Duration.ofSeconds(5)),
                "disconnected within 5 s: " + alice.states);
        long disconnectedAfter = vnet.clock().elapsed().toMillis() - silentFrom;
        assertTrue(alice.agent.send(new byte[] {0x17, 1}), "still sending while only disconnected");

        assertTrue(vnet.clock().runUntil(() -> alice.state() == RTCIceConnectionState.FAILED, Duration.ofSeconds(30)),
                "failed within 30 s: " + alice.states);
        long failedAfter = vnet.clock().elapsed().toMillis() - silentFrom;
        System.out.printf("silent peer: disconnected after %d ms, failed after %d ms (virtual)%n", disconnectedAfter, failedAfter);
        assertFalse(alice.agent.send(new byte[] {0x17, 1}), "consent lost: nothing more is sent");
    }

    @Test
    void aPeerThatComesBackBeforeConsentExpiresReconnects() {
        bobHost.setLinkConditions(LinkConditions.PERFECT.withLoss(1.0));
        assertTrue(vnet.clock().runUntil(() -> alice.state() == RTCIceConnectionState.DISCONNECTED, Duration.ofSeconds(5)));
        bobHost.setLinkConditions(LinkConditions.PERFECT);
        assertTrue(vnet.clock().runUntil(() -> alice.state() == RTCIceConnectionState.CONNECTED, Duration.ofSeconds(5)),
                "reconnected: " + alice.states);
    }
}
