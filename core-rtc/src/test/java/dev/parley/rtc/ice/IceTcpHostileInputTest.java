package dev.parley.rtc.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.RTCIceTransportPolicy;
import dev.parley.rtc.net.StreamHandler;
import dev.parley.rtc.net.TcpConnection;
import dev.parley.rtc.net.TcpListener;
import dev.parley.rtc.net.UdpSocket;
import dev.parley.rtc.net.VirtualHost;
import dev.parley.rtc.net.VirtualNetwork;
import dev.parley.rtc.stun.IceControlled;
import dev.parley.rtc.stun.Priority;
import dev.parley.rtc.stun.StunClass;
import dev.parley.rtc.stun.StunCredentials;
import dev.parley.rtc.stun.StunMessage;
import dev.parley.rtc.stun.StunMessageBuilder;
import dev.parley.rtc.stun.StunMethod;
import dev.parley.rtc.stun.TransactionId;
import dev.parley.rtc.stun.UseCandidate;
import dev.parley.rtc.stun.Username;
import dev.parley.rtc.stun.XorMappedAddress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken input on ICE-TCP connections to a passive candidate: garbage closes the
 * connection and is counted, a flood of silent connections is capped and timed out, and an honest
 * check — even in pieces — is answered on its own connection.
 */
class IceTcpHostileInputTest {
    private final SecureRandom random = new SecureRandom();
    private final VirtualNetwork vnet = new VirtualNetwork(23);
    private AgentPeer alice;
    private InetSocketAddress alicePassive;
    private VirtualHost attackerHost;

    /** One attacker connection with what it received and whether alice closed it. */
    private static final class Client implements StreamHandler {
        final Rfc4571Framing framing = new Rfc4571Framing();
        final List<byte[]> frames = new ArrayList<>();
        boolean closed;
        TcpConnection connection;

        @Override
        public void onData(TcpConnection c, byte[] data) {
            frames.addAll(framing.feed(data));
        }

        @Override
        public void onClosed(TcpConnection c, IOException cause) {
            closed = true;
        }
    }

    @BeforeEach
    void aliceListens() {
        VirtualHost aliceHost = vnet.addPublicHost("198.51.100.10");
        attackerHost = vnet.addPublicHost("198.51.100.66");
        alice = new AgentPeer("alice", aliceHost, aliceHost.newSerialExecutor("alice"), IceSettings.DEFAULTS, true,
                List.of(), RTCIceTransportPolicy.ALL, random);
        alice.agent.gather();
        assertTrue(vnet.clock().runUntil(() -> alice.localCandidates.stream().anyMatch(c -> c.tcpType() == TcpType.PASSIVE),
                Duration.ofSeconds(1)));
        alicePassive = alice.localCandidates.stream().filter(c -> c.tcpType() == TcpType.PASSIVE).findFirst()
                .orElseThrow().address();
    }

    private Client connect() throws Exception {
        Client client = new Client();
        CompletableFuture<TcpConnection> future = attackerHost.connectTcp(null, alicePassive, client,
                attackerHost.newSerialExecutor("attacker"));
        assertTrue(vnet.clock().runUntil(future::isDone, Duration.ofSeconds(1)));
        client.connection = future.get();
        return client;
    }

    private void write(Client client, byte[] bytes) {
        attackerHost.newSerialExecutor("write").execute(() -> client.connection.write(bytes));
        vnet.clock().advance(Duration.ofMillis(100));
    }

    private static byte[] framed(byte[] packet) {
        return Rfc4571Framing.frame(packet, 0, packet.length);
    }

    /** A check as a peer who knows alice's credentials would send it. */
    private StunMessageBuilder check() {
        return StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING, TransactionId.random(random))
                .add(new Username(alice.agent.localCredentials().ufrag() + ":evil"))
                .add(new Priority(1_845_501_695L))
                .add(new IceControlled(42));
    }

    private byte[] key() {
        return StunCredentials.shortTermKey(alice.agent.localCredentials().password());
    }

    @Test
    void nonStunBeforeAuthenticationClosesTheConnection() throws Exception {
        Client client = connect();
        write(client, framed(new byte[] {0x17, (byte) 0xfe, (byte) 0xfd, 0, 0, 0, 0}));
        assertTrue(client.closed, "alice closed the connection");
        assertEquals(1, alice.agent.counters().tcpConnectionsDropped());
        assertEquals(0, alice.agent.tcpConnections().unassociated());
        assertTrue(client.frames.isEmpty());
    }

    @Test
    void aCheckThatFailsIntegrityClosesTheConnectionUnanswered() throws Exception {
        Client client = connect();
        write(client, framed(check().addMessageIntegrity(StunCredentials.shortTermKey("not-alices-password-at-all"))
                .addFingerprint().toBytes()));
        assertTrue(client.closed);
        assertEquals(1, alice.agent.counters().badIntegrity());
        assertEquals(1, alice.agent.counters().tcpConnectionsDropped());
        assertTrue(client.frames.isEmpty(), "no answer to a forged check");
    }

    @Test
    void malformedStunClosesTheConnection() throws Exception {
        Client client = connect();
        write(client, framed(new byte[] {0, 1, 0, 4, 0x21, 0x12, (byte) 0xa4, 0x42, 1, 2}));
        assertTrue(client.closed);
        assertEquals(1, alice.agent.counters().malformedStun());
        assertEquals(1, alice.agent.counters().tcpConnectionsDropped());
    }

    @Test
    void anAuthenticatedCheckInPiecesIsAnsweredOnItsConnectionWhichStaysOpen() throws Exception {
        // Alice knows this peer's credentials, so she checks back on the pair its check creates.
        alice.agent.setRemoteCredentials(new IceCredentials("evil", "evilpasswordevilpassword"));
        Client client = connect();
        byte[] request = check().addMessageIntegrity(key()).addFingerprint().toBytes();
        byte[] bytes = framed(request);
        // TCP keeps no message boundaries: the frame arrives in two pieces, split inside the header.
        write(client, Arrays.copyOfRange(bytes, 0, 7));
        assertTrue(client.frames.isEmpty());
        write(client, Arrays.copyOfRange(bytes, 7, bytes.length));

        // Two frames came back on this connection: the answer, and alice's triggered check of the
        // new pair (RFC 8445 §7.3.1.4), which over TCP can only travel on this same connection.
        assertEquals(2, client.frames.size());
        StunMessage answer = StunMessage.parse(client.frames.get(0));
        assertEquals(StunClass.SUCCESS_RESPONSE, answer.messageClass());
        StunMessage triggered = StunMessage.parse(client.frames.get(1));
        assertEquals(StunClass.REQUEST, triggered.messageClass());
        assertEquals("evil:" + alice.agent.localCredentials().ufrag(),
                triggered.first(Username.class).orElseThrow().name());
        assertArrayEquals(StunMessage.parse(request).transactionId().bytes(), answer.transactionId().bytes());
        assertEquals(client.connection.localAddress(), answer.first(XorMappedAddress.class).orElseThrow().address());
        assertFalse(client.closed);
        assertEquals(0, alice.agent.counters().tcpConnectionsDropped());
        assertEquals(0, alice.agent.tcpConnections().unassociated(), "the check associated the connection");
        // Alice learned the sender as a peer-reflexive active candidate and paired it with her passive one.
        assertTrue(alice.agent.pairs().stream().anyMatch(p -> p.local().tcpType() == TcpType.PASSIVE
                && p.remote().type() == CandidateType.PEER_REFLEXIVE && p.remote().tcpType() == TcpType.ACTIVE
                && p.remote().address().equals(client.connection.localAddress())), "pairs: " + alice.agent.pairs());

        // Associated, it is still held to authentication: a forged check now closes it too.
        write(client, framed(check().addMessageIntegrity(StunCredentials.shortTermKey("wrong-password-wrong-password"))
                .addFingerprint().toBytes()));
        assertTrue(client.closed);
        assertEquals(1, alice.agent.counters().tcpConnectionsDropped());
    }

    @Test
    void aFloodOfSilentConnectionsIsCappedAndTimedOut() throws Exception {
        int cap = TcpCheckConnections.MAX_UNASSOCIATED;
        int extra = 8;
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < cap + extra; i++) {
            clients.add(connect());
        }
        vnet.clock().advance(Duration.ofMillis(100));
        assertEquals(cap, alice.agent.tcpConnections().unassociated());
        assertEquals(extra, alice.agent.counters().tcpConnectionsRefused());
        assertEquals(extra, clients.stream().filter(c -> c.closed).count(), "the ones over the cap were closed at once");

        vnet.clock().advance(TcpCheckConnections.UNASSOCIATED_TIMEOUT.plusSeconds(1));
        assertEquals(0, alice.agent.tcpConnections().unassociated());
        assertTrue(clients.stream().allMatch(c -> c.closed), "silent connections time out");
        assertEquals(cap, alice.agent.counters().tcpConnectionsDropped());

        // The slots are free again: a new connection is accepted and waits.
        Client late = connect();
        vnet.clock().advance(Duration.ofMillis(100));
        assertFalse(late.closed);
        assertEquals(1, alice.agent.tcpConnections().unassociated());
    }

    @Test
    void aResponseToATcpCheckCountsOnlyOnTheConnectionTheCheckWentOn() throws Exception {
        IceCredentials evil = new IceCredentials("evil", "evilpasswordevilpassword");
        alice.agent.setRemoteCredentials(evil);
        // The "peer" listens on TCP, and binds UDP to the same address and port.
        Client peerSide = new Client();
        var executor = attackerHost.newSerialExecutor("peer");
        TcpListener listener = attackerHost.listenTcp(new InetSocketAddress("198.51.100.66", 0), connection -> {
            peerSide.connection = connection;
            return peerSide;
        }, executor);
        UdpSocket udp = attackerHost.openUdp(listener.localAddress(), (data, from) -> { }, executor);
        alice.agent.addRemoteCandidate(new IceCandidate("1", 1, TransportProtocol.TCP,
                CandidatePriority.of(CandidateType.HOST, CandidatePriority.tcpLocalPreference(TcpType.PASSIVE, 8191), 1),
                listener.localAddress(), CandidateType.HOST, null, TcpType.PASSIVE));
        assertTrue(vnet.clock().runUntil(() -> !peerSide.frames.isEmpty(), Duration.ofSeconds(1)), "alice's check arrived");
        StunMessage check = StunMessage.parse(peerSide.frames.get(0));
        byte[] response = StunMessage.builder(StunClass.SUCCESS_RESPONSE, StunMethod.BINDING, check.transactionId())
                .add(new XorMappedAddress(peerSide.connection.remoteAddress()))
                .addMessageIntegrity(StunCredentials.shortTermKey(evil.password()))
                .addFingerprint()
                .toBytes();
        CandidatePair pair = alice.agent.pairs().get(0);
        assertEquals(TransportProtocol.TCP, pair.local().protocol());

        // Right transaction, right key, right source address and port — but over UDP, not the connection.
        InetSocketAddress aliceUdp = alice.localCandidates.stream().filter(c -> c.protocol() == TransportProtocol.UDP)
                .findFirst().orElseThrow().address();
        executor.execute(() -> udp.send(response, aliceUdp));
        vnet.clock().advance(Duration.ofMillis(100));
        assertEquals(1, alice.agent.transactions().rejectedResponses(), "an answer on another transport does not count");
        assertEquals(CandidatePairState.IN_PROGRESS, pair.state());
        assertEquals(1, peerSide.frames.size());

        // The same answer on the connection counts: the pair succeeds, and alice — controlling, with
        // nothing better pending — nominates it at once, with a check carrying USE-CANDIDATE.
        executor.execute(() -> peerSide.connection.write(framed(response)));
        vnet.clock().advance(Duration.ofMillis(100));
        assertEquals(2, peerSide.frames.size());
        assertTrue(StunMessage.parse(peerSide.frames.get(1)).first(UseCandidate.class).isPresent());
    }
}
