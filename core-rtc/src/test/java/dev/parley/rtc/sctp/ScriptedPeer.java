package dev.parley.rtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.net.VirtualClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@link SctpAssociation} on a virtual clock against a peer the test scripts chunk by chunk,
 * to replay what another stack (dcsctp, usrsctp) sends. The association's packets are collected
 * for the test to read; the peer's go in with {@link #receive}.
 */
final class ScriptedPeer implements SctpAssociationListener {
    static final int PORT = 5000;
    static final long PEER_TAG = 0x1234_5678L;
    static final long PEER_INITIAL_TSN = 0xFFFF_FFF0L; // close to the wrap on purpose

    final VirtualClock clock = new VirtualClock();
    final SerialExecutor executor = clock.newSerialExecutor("association");
    final SctpAssociation association;
    /** Packets the association sent, parsed, oldest first; tests take them with {@link #takeSent}. */
    private final List<SctpPacket> sent = new ArrayList<>();
    final List<SctpMessage> messages = new ArrayList<>();
    final List<List<Integer>> incomingResets = new ArrayList<>();
    final List<List<Integer>> outgoingResets = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    /** The association's Initiate Tag and initial TSN, known after the handshake. */
    long localTag;
    long localInitialTsn;
    private long nextPeerTsn = PEER_INITIAL_TSN;

    ScriptedPeer() {
        this(SctpSettings.defaults());
    }

    ScriptedPeer(SctpSettings settings) {
        association = new SctpAssociation(executor, settings, PORT, PORT, new SecureRandom(), bytes -> {
            try {
                sent.add(SctpPacket.parse(bytes, 0, bytes.length));
            } catch (SctpParseException e) {
                throw new AssertionError("the association sent a packet it cannot parse itself", e);
            }
        }, this);
    }

    /** The peer connects (INIT, then COOKIE ECHO of the cookie it got): the association is established. */
    ScriptedPeer established(List<Parameter> peerInitParameters) {
        receive(0, new InitChunk(PEER_TAG, 1 << 20, 65_535, 65_535, PEER_INITIAL_TSN, peerInitParameters));
        InitAckChunk initAck = only(InitAckChunk.class);
        localTag = initAck.initiateTag();
        localInitialTsn = initAck.initialTsn();
        receive(localTag, new CookieEchoChunk(initAck.stateCookie().orElseThrow()));
        only(CookieAckChunk.class);
        assertEquals(SctpAssociationState.ESTABLISHED, association.state());
        return this;
    }

    /** Established with the parameters Chromium 156's dcsctp sends: FORWARD-TSN and RE-CONFIG. */
    ScriptedPeer established() {
        return established(List.of(Parameter.forwardTsnSupported(),
                Parameter.supportedExtensions(SctpHandshake.RECONFIG_TYPE, ForwardTsnChunk.TYPE)));
    }

    /** The peer's next TSN, taken. */
    long nextTsn() {
        long tsn = nextPeerTsn;
        nextPeerTsn = Tsn.add(nextPeerTsn, 1);
        return tsn;
    }

    DataChunk data(long tsn, int stream, int ssn, String text) {
        return new DataChunk(tsn, stream, ssn, Ppid.STRING, false, true, true, false,
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** One packet from the peer, then everything the association does about it (timers not yet due). */
    void receive(long verificationTag, Chunk... chunks) {
        byte[] bytes = new SctpPacket(PORT, PORT, verificationTag, List.of(chunks)).toBytes();
        executor.execute(() -> association.onPacket(bytes));
        clock.runPending();
    }

    /** One packet from the peer with the association's tag. */
    void receive(Chunk... chunks) {
        receive(localTag, chunks);
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    /** Runs the clock until the association sends something (a timer fired); false if not within {@code max}. */
    boolean runUntilSent(Duration max) {
        return clock.runUntil(() -> !sent.isEmpty(), max);
    }

    /** Every chunk the association sent since the last call, in order. */
    List<Chunk> takeSent() {
        List<Chunk> chunks = new ArrayList<>();
        for (SctpPacket p : sent) {
            chunks.addAll(p.chunks());
        }
        sent.clear();
        return chunks;
    }

    /** The one chunk the association sent since the last call, of this type (others are ignored). */
    <T extends Chunk> T only(Class<T> type) {
        List<T> found = ofType(takeSent(), type);
        assertEquals(1, found.size(), "one " + type.getSimpleName() + " sent: " + found);
        return found.get(0);
    }

    static <T> List<T> ofType(List<?> items, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Object o : items) {
            if (type.isInstance(o)) {
                found.add(type.cast(o));
            }
        }
        return found;
    }

    /** Every RE-CONFIG parameter the association sent since the last call. */
    List<ReconfigParameter> takeReconfigParameters() {
        List<ReconfigParameter> parameters = new ArrayList<>();
        for (ReconfigChunk chunk : ofType(takeSent(), ReconfigChunk.class)) {
            parameters.addAll(chunk.parameters());
        }
        return parameters;
    }

    void assertUp() {
        assertTrue(failures.isEmpty(), "no failure: " + failures);
        assertEquals(SctpAssociationState.ESTABLISHED, association.state());
    }

    @Override
    public void onMessage(SctpMessage message) {
        messages.add(message);
    }

    @Override
    public void onIncomingStreamsReset(List<Integer> streamIds) {
        incomingResets.add(streamIds);
    }

    @Override
    public void onOutgoingStreamsReset(List<Integer> streamIds) {
        outgoingResets.add(streamIds);
    }

    @Override
    public void onFailure(String reason) {
        failures.add(reason);
    }
}
