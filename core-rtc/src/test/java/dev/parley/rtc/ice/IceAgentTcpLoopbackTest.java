package dev.parley.rtc.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.RTCIceGatheringState;
import dev.parley.rtc.RTCIceTransportPolicy;
import dev.parley.rtc.net.RealNet;
import dev.parley.rtc.net.SerialExecutor;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ICE-TCP between two agents in one JVM over real sockets on 127.0.0.1. */
class IceAgentTcpLoopbackTest {
    /** 127.0.0.1 only: the network rule keeps test traffic on loopback. */
    private static final IceSettings LOOPBACK = IceSettings.DEFAULTS.loopbackOnly().withIncludeIpv6(false);

    private final RealNet net = new RealNet();
    private final SecureRandom random = new SecureRandom();

    @AfterEach
    void closeNet() {
        net.close();
    }

    /** A peer with the executor it runs on, so the test can read its state there. */
    private record Peer(AgentPeer peer, SerialExecutor executor) {}

    private Peer peer(String name, boolean controlling) {
        SerialExecutor executor = net.newSerialExecutor(name);
        return new Peer(new AgentPeer(name, net, executor, LOOPBACK, controlling, List.of(), RTCIceTransportPolicy.ALL,
                random), executor);
    }

    /** Completes when {@code condition}, evaluated on the agent's executor, holds (checked every 10 ms). */
    private static CompletableFuture<Void> whenTrue(Peer p, BooleanSupplier condition) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            if (condition.getAsBoolean()) {
                done.complete(null);
            } else if (!done.isDone()) {
                p.executor().schedule(poll[0], 10, TimeUnit.MILLISECONDS);
            }
        };
        p.executor().execute(poll[0]);
        return done;
    }

    /** Reads agent state on its executor. */
    private static <T> T onExecutor(Peer p, Supplier<T> read) throws Exception {
        CompletableFuture<T> value = new CompletableFuture<>();
        p.executor().execute(() -> value.complete(read.get()));
        return value.get(5, TimeUnit.SECONDS);
    }

    private static CandidatePair bestTcpPair(AgentPeer peer) {
        return peer.agent.pairs().stream().filter(pair -> pair.local().protocol() == TransportProtocol.TCP)
                .findFirst().orElse(null);
    }

    @Test
    void loopbackUdpWinsOverTcpWhenBothWork() throws Exception {
        Peer alice = peer("alice", true);
        Peer bob = peer("bob", false);
        alice.peer().agent.gather();
        bob.peer().agent.gather();
        AgentPeer.connect(alice.peer(), bob.peer());

        CandidatePair selected = alice.peer().connectedOnce.get(10, TimeUnit.SECONDS);
        bob.peer().connectedOnce.get(10, TimeUnit.SECONDS);
        // TCP works here too: wait until alice's best TCP pair has succeeded over a real connection.
        whenTrue(alice, () -> {
            CandidatePair tcp = bestTcpPair(alice.peer());
            return tcp != null && tcp.state() == CandidatePairState.SUCCEEDED;
        }).get(10, TimeUnit.SECONDS);
        CandidatePair tcp = onExecutor(alice, () -> bestTcpPair(alice.peer()));

        assertEquals(TransportProtocol.UDP, selected.local().protocol());
        assertEquals(TransportProtocol.UDP, bob.peer().selected.local().protocol());
        // UDP host candidates carry local preference 65535; TCP ones at most 2^13 * 6 + 8191 (RFC 6544 §4.2).
        assertTrue(selected.priority() > tcp.priority(), selected + " outranks " + tcp);
        System.out.println("selected " + selected + " over " + tcp);

        byte[] packet = {0x17, (byte) 0xfe, (byte) 0xfd, 7};
        assertTrue(alice.peer().agent.send(packet));
        assertArrayEquals(packet, bob.peer().packets.poll(5, TimeUnit.SECONDS));
        alice.peer().agent.close();
        bob.peer().agent.close();
    }

    @Test
    void tcpOnlySignallingCarriesPacketsOverARealTcpConnection() throws Exception {
        Peer alice = peer("alice", true);
        Peer bob = peer("bob", false);
        // Each side is told only the other's TCP candidates. Filtering one direction would not be
        // enough: the side that still knows a UDP candidate would check it, and the other would
        // learn it back as peer-reflexive (RFC 8445 §7.3.1.3) — loopback UDP works.
        alice.peer().forwardCandidates = false;
        bob.peer().forwardCandidates = false;
        alice.peer().agent.gather();
        bob.peer().agent.gather();
        whenTrue(alice, () -> alice.peer().agent.gatheringState() == RTCIceGatheringState.COMPLETE).get(5, TimeUnit.SECONDS);
        whenTrue(bob, () -> bob.peer().agent.gatheringState() == RTCIceGatheringState.COMPLETE).get(5, TimeUnit.SECONDS);
        alice.peer().agent.setRemoteCredentials(bob.peer().agent.localCredentials());
        bob.peer().agent.setRemoteCredentials(alice.peer().agent.localCredentials());
        int signalled = 0;
        for (IceCandidate c : bob.peer().localCandidates) {
            if (c.protocol() == TransportProtocol.TCP) {
                alice.peer().agent.addRemoteCandidate(c);
                signalled++;
            }
        }
        for (IceCandidate c : alice.peer().localCandidates) {
            if (c.protocol() == TransportProtocol.TCP) {
                bob.peer().agent.addRemoteCandidate(c);
            }
        }
        assertEquals(2, signalled, "a passive and an active candidate on 127.0.0.1");

        CandidatePair ours = alice.peer().connectedOnce.get(10, TimeUnit.SECONDS);
        CandidatePair theirs = bob.peer().connectedOnce.get(10, TimeUnit.SECONDS);
        assertEquals(TransportProtocol.TCP, ours.local().protocol());
        assertEquals(TransportProtocol.TCP, theirs.local().protocol());
        assertTrue(ours.local().address().getAddress().isLoopbackAddress());
        // Whichever direction was nominated, both sides send to real ports: a passive listener's,
        // or an active side's ephemeral port learned as peer-reflexive — never the signalled 9.
        assertNotEquals(TcpCandidates.DISCARD_PORT, ours.remote().address().getPort());
        assertNotEquals(TcpCandidates.DISCARD_PORT, theirs.remote().address().getPort());
        IceTcpConnection connection = onExecutor(alice,
                () -> alice.peer().agent.tcpConnections().find(ours.local(), ours.remote().address()));
        assertTrue(connection != null && !connection.isClosed(), "the selected pair has an open TCP connection");
        System.out.println("alice selected " + ours + " on " + connection + "; bob selected " + theirs);

        byte[] fromAlice = {0x17, (byte) 0xfe, (byte) 0xfd, 1, 2, 3};
        byte[] fromBob = {(byte) 0x80, 111, 0, 1, 9, 9, 9, 9};
        byte[] big = new byte[1200]; // a video-sized packet still arrives whole: RFC 4571 framing
        big[0] = (byte) 0x80;
        for (int i = 1; i < big.length; i++) {
            big[i] = (byte) i;
        }
        assertTrue(alice.peer().agent.send(fromAlice));
        assertTrue(alice.peer().agent.send(big));
        assertTrue(bob.peer().agent.send(fromBob));
        assertArrayEquals(fromAlice, bob.peer().packets.poll(5, TimeUnit.SECONDS));
        assertArrayEquals(big, bob.peer().packets.poll(5, TimeUnit.SECONDS));
        assertArrayEquals(fromBob, alice.peer().packets.poll(5, TimeUnit.SECONDS));

        alice.peer().agent.close();
        bob.peer().agent.close();
    }
}
