package dev.parley.rtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.RTCIceTransportPolicy;
import dev.parley.rtc.net.UdpSocket;
import dev.parley.rtc.net.VirtualHost;
import dev.parley.rtc.net.VirtualNetwork;
import dev.parley.rtc.stun.ErrorCode;
import dev.parley.rtc.stun.IceControlled;
import dev.parley.rtc.stun.Priority;
import dev.parley.rtc.stun.RawAttribute;
import dev.parley.rtc.stun.StunClass;
import dev.parley.rtc.stun.StunCredentials;
import dev.parley.rtc.stun.StunMessage;
import dev.parley.rtc.stun.StunMessageBuilder;
import dev.parley.rtc.stun.StunMethod;
import dev.parley.rtc.stun.StunParseException;
import dev.parley.rtc.stun.TransactionId;
import dev.parley.rtc.stun.UnknownAttributes;
import dev.parley.rtc.stun.Username;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Forged, broken and flooding checks against an agent: dropped and counted, or answered as the RFCs say. */
class IceAgentHostileInputTest {
    private final SecureRandom random = new SecureRandom();
    private final VirtualNetwork vnet = new VirtualNetwork(5);
    private final List<byte[]> answers = new CopyOnWriteArrayList<>();
    private AgentPeer alice;
    private InetSocketAddress aliceAddress;
    private VirtualHost attackerHost;
    private UdpSocket attacker;

    @BeforeEach
    void aliceListens() throws Exception {
        VirtualHost aliceHost = vnet.addPublicHost("198.51.100.10");
        attackerHost = vnet.addPublicHost("198.51.100.66");
        alice = new AgentPeer("alice", aliceHost, aliceHost.newSerialExecutor("alice"), IceSettings.DEFAULTS, true,
                List.of(), RTCIceTransportPolicy.ALL, random);
        alice.agent.gather();
        vnet.clock().runUntil(() -> !alice.localCandidates.isEmpty(), Duration.ofSeconds(1));
        aliceAddress = alice.localCandidates.get(0).address();
        attacker = attackerHost.openUdp(new InetSocketAddress("198.51.100.66", 0), (data, from) -> answers.add(data),
                attackerHost.newSerialExecutor("attacker"));
    }

    /** A check as a peer who knows alice's credentials would send it (the attacker's "bob" ufrag is "evil"). */
    private StunMessageBuilder check() {
        return StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING, TransactionId.random(random))
                .add(new Username(alice.agent.localCredentials().ufrag() + ":evil"))
                .add(new Priority(1_845_501_695L))
                .add(new IceControlled(42));
    }

    private byte[] key() {
        return StunCredentials.shortTermKey(alice.agent.localCredentials().password());
    }

    private void send(byte[] datagram) {
        send(attacker, datagram);
    }

    private void send(UdpSocket from, byte[] datagram) {
        attackerHost.newSerialExecutor("send").execute(() -> from.send(datagram, aliceAddress));
        vnet.clock().advance(Duration.ofMillis(10));
    }

    @Test
    void checksWithBadIntegrityAreDroppedAndCounted() {
        send(check().addMessageIntegrity(StunCredentials.shortTermKey("not-alices-password-at-all")).addFingerprint().toBytes());
        assertEquals(1, alice.agent.counters().badIntegrity());
        assertTrue(answers.isEmpty(), "no answer to a forged check");
    }

    @Test
    void checksWithBadOrMissingFingerprintAreDroppedAndCounted() {
        byte[] good = check().addMessageIntegrity(key()).addFingerprint().toBytes();
        good[good.length - 1] ^= 1;
        send(good);
        send(check().addMessageIntegrity(key()).toBytes());
        assertEquals(2, alice.agent.counters().badFingerprint());
        assertTrue(answers.isEmpty());
    }

    @Test
    void checksForSomeoneElsesUfragAreDroppedAndCounted() {
        send(StunMessage.builder(StunClass.REQUEST, StunMethod.BINDING, TransactionId.random(random))
                .add(new Username("nope:evil")).addMessageIntegrity(key()).addFingerprint().toBytes());
        assertEquals(1, alice.agent.counters().badUsername());
        assertTrue(answers.isEmpty());
    }

    @Test
    void malformedStunIsCountedNotThrown() {
        send(new byte[] {0, 1, 0, 4, 0x21, 0x12, (byte) 0xa4, 0x42, 1, 2});
        assertEquals(1, alice.agent.counters().malformedStun());
    }

    @Test
    void unknownComprehensionRequiredAttributesGet420WithUnknownAttributes() throws StunParseException {
        send(check().add(new RawAttribute(0x7F00, new byte[] {1, 2, 3, 4})).addMessageIntegrity(key()).addFingerprint()
                .toBytes());
        assertEquals(1, answers.size());
        StunMessage answer = StunMessage.parse(answers.get(0));
        assertEquals(StunClass.ERROR_RESPONSE, answer.messageClass());
        assertEquals(ErrorCode.UNKNOWN_ATTRIBUTE, answer.first(ErrorCode.class).orElseThrow().code());
        assertEquals(List.of(0x7F00), answer.first(UnknownAttributes.class).orElseThrow().types());
    }

    @Test
    void aFloodOfChecksFromUnknownAddressesCannotGrowStateWithoutBound() throws Exception {
        int sources = 500;
        for (int i = 0; i < sources; i++) {
            UdpSocket spoofed = attackerHost.openUdp(new InetSocketAddress("198.51.100.66", 0), (data, from) -> { },
                    attackerHost.newSerialExecutor("s" + i));
            send(spoofed, check().addMessageIntegrity(key()).addFingerprint().toBytes());
        }
        vnet.clock().advance(Duration.ofSeconds(1));
        int cap = IceSettings.DEFAULTS.maxRemoteCandidates();
        assertEquals(sources - cap, alice.agent.counters().remoteCandidatesRefused());
        vnet.clock().runPending();
        assertTrue(alice.agent.pairs().size() <= cap, "pairs: " + alice.agent.pairs().size());
    }
}
