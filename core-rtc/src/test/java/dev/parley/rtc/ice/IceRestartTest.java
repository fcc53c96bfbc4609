package dev.parley.rtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.RTCIceConnectionState;
import dev.parley.rtc.RTCIceTransportPolicy;
import dev.parley.rtc.net.LinkConditions;
import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.net.VirtualHost;
import dev.parley.rtc.net.VirtualNetwork;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** ICE restart in the middle of a packet flow (RFC 8445 §9): the old pair carries on until the new one is selected. */
class IceRestartTest {
    private final SecureRandom random = new SecureRandom();
    private final VirtualNetwork vnet = new VirtualNetwork(9);

    @Test
    void restartMidFlowLosesNoPacketAndEndsOnANewPair() {
        vnet.setCoreConditions(LinkConditions.PERFECT.withDelay(Duration.ofMillis(25)));
        VirtualHost aliceHost = vnet.addPublicHost("198.51.100.10");
        VirtualHost bobHost = vnet.addPublicHost("198.51.100.20");
        SerialExecutor aliceExecutor = aliceHost.newSerialExecutor("alice");
        AgentPeer alice = new AgentPeer("alice", aliceHost, aliceExecutor, IceSettings.DEFAULTS, true, List.of(),
                RTCIceTransportPolicy.ALL, random);
        AgentPeer bob = new AgentPeer("bob", bobHost, bobHost.newSerialExecutor("bob"), IceSettings.DEFAULTS, false,
                List.of(), RTCIceTransportPolicy.ALL, random);
        alice.agent.gather();
        bob.agent.gather();
        AgentPeer.connect(alice, bob);
        assertTrue(vnet.clock().runUntil(() -> alice.connected() && bob.connected(), Duration.ofSeconds(5)));
        IceCredentials oldAlice = alice.agent.localCredentials();

        // Alice sends a numbered packet every 10 ms, before, during and after the restart.
        int[] sent = {0};
        boolean[] sending = {true};
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            if (sending[0] && alice.agent.send(ByteBuffer.allocate(5).put((byte) 0x80).putInt(sent[0]).array())) {
                sent[0]++;
            }
            if (sending[0]) {
                aliceExecutor.schedule(tick[0], 10, TimeUnit.MILLISECONDS);
            }
        };
        aliceExecutor.execute(tick[0]);
        vnet.clock().advance(Duration.ofMillis(500));

        // The restart, signalled as JSEP would: Alice's new offer, then Bob's new answer.
        alice.forwardCandidates = false;
        bob.forwardCandidates = false;
        int aliceMark = alice.localCandidates.size();
        int bobMark = bob.localCandidates.size();
        alice.agent.restart(IceCredentials.random(random));
        vnet.clock().advance(Duration.ofMillis(30));
        bob.agent.setRemoteCredentials(alice.agent.localCredentials());
        alice.localCandidates.subList(aliceMark, alice.localCandidates.size()).forEach(bob.agent::addRemoteCandidate);
        bob.agent.restart(IceCredentials.random(random));
        vnet.clock().advance(Duration.ofMillis(30));
        alice.agent.setRemoteCredentials(bob.agent.localCredentials());
        bob.localCandidates.subList(bobMark, bob.localCandidates.size()).forEach(alice.agent::addRemoteCandidate);

        assertTrue(vnet.clock().runUntil(() -> alice.selections.size() == 2 && bob.selections.size() == 2,
                Duration.ofSeconds(5)), "a pair of the new session is selected on both sides");
        vnet.clock().advance(Duration.ofMillis(500));
        sending[0] = false;
        vnet.clock().advance(Duration.ofMillis(200));

        assertNotEquals(oldAlice, alice.agent.localCredentials());
        assertEquals(RTCIceConnectionState.CONNECTED, alice.state());
        List<Integer> received = new ArrayList<>();
        for (byte[] packet : bob.packets) {
            received.add(ByteBuffer.wrap(packet, 1, 4).getInt());
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < sent[0]; i++) {
            expected.add(i);
        }
        assertTrue(sent[0] > 100, "packets flowed throughout: " + sent[0]);
        assertEquals(expected, received, "every packet, once, in order, across the restart");
    }
}
