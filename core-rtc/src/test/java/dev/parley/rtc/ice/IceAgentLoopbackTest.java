package dev.parley.rtc.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.RTCIceConnectionState;
import dev.parley.rtc.RTCIceTransportPolicy;
import dev.parley.rtc.net.RealNet;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two agents in one JVM over real UDP sockets on loopback. */
class IceAgentLoopbackTest {
    /** Loopback only: the network rule keeps test traffic on 127.0.0.0/8 and ::1. */
    private static final IceSettings LOOPBACK = IceSettings.DEFAULTS.loopbackOnly();

    private final RealNet net = new RealNet();
    private final SecureRandom random = new SecureRandom();

    @AfterEach
    void closeNet() {
        net.close();
    }

    private AgentPeer peer(String name, boolean controlling) {
        return new AgentPeer(name, net, net.newSerialExecutor(name), LOOPBACK, controlling, List.of(),
                RTCIceTransportPolicy.ALL, random);
    }

    @Test
    void twoAgentsConnectAndCarryPacketsBothWays() throws Exception {
        AgentPeer alice = peer("alice", true);
        AgentPeer bob = peer("bob", false);
        alice.agent.gather();
        bob.agent.gather();
        AgentPeer.connect(alice, bob);

        CandidatePair pair = alice.connectedOnce.get(10, TimeUnit.SECONDS);
        CandidatePair bobsPair = bob.connectedOnce.get(10, TimeUnit.SECONDS);
        assertTrue(pair.nominated(), "the selected pair was nominated");
        assertTrue(pair.local().address().getAddress().isLoopbackAddress());
        assertEquals(bobsPair.local().address(), pair.remote().address(), "both chose the same path");
        assertEquals(RTCIceConnectionState.CHECKING, alice.states.get(0));
        System.out.println("selected " + pair + ": host-host is the highest-priority pair and succeeded first");

        byte[] fromAlice = {0x17, (byte) 0xfe, (byte) 0xfd, 1, 2, 3};
        byte[] fromBob = {(byte) 0x80, 111, 0, 1, 9, 9, 9, 9};
        assertTrue(alice.agent.send(fromAlice));
        assertTrue(bob.agent.send(fromBob));
        assertArrayEquals(fromAlice, bob.packets.poll(5, TimeUnit.SECONDS));
        assertArrayEquals(fromBob, alice.packets.poll(5, TimeUnit.SECONDS));

        alice.agent.close();
        alice.closedOnce.get(5, TimeUnit.SECONDS);
        assertFalse(alice.agent.send(fromAlice), "nothing is sent after close");
        bob.agent.close();
    }

    @Test
    void bothControllingResolveTheRoleConflict() throws Exception {
        AgentPeer alice = peer("alice", true);
        AgentPeer bob = peer("bob", true);
        alice.agent.gather();
        bob.agent.gather();
        AgentPeer.connect(alice, bob);

        alice.connectedOnce.get(10, TimeUnit.SECONDS);
        bob.connectedOnce.get(10, TimeUnit.SECONDS);
        assertNotEquals(alice.agent.isControlling(), bob.agent.isControlling(), "exactly one agent stays controlling");
        assertTrue(alice.agent.counters().roleConflicts() + bob.agent.counters().roleConflicts() > 0);
        alice.agent.close();
        bob.agent.close();
    }
}
