package dev.parley.rtc.sctp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.net.LinkConditions;
import dev.parley.rtc.net.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An association against a peer that breaks the rules: a scripted peer writes the packets by hand
 * (after a handshake of its own, or none), and the association must neither throw out of
 * {@code onPacket} nor hang, must count what it drops, and must answer as RFC 9260 says.
 */
class AssociationHostileInputTest {
    /** The scripted peer's ports, tag, first TSN and stream counts. */
    private static final int PEER_PORT = 5001;
    private static final int OUR_PORT = 5000;
    private static final long PEER_TAG = 0x0BADF00DL;
    private static final long PEER_TSN = 0xFFFF_FFF0L; // wraps soon
    private static final int PEER_OUTBOUND_STREAMS = 10;

    private final VirtualClock clock = new VirtualClock();
    private final Endpoint us = new Endpoint("us", clock.newSerialExecutor("us"));
    private final List<SctpPacket> sent = new ArrayList<>();
    private long ourTag;
    private long ourTsn;
    private byte[] cookie;
    private long peerNextTsn = PEER_TSN;

    AssociationHostileInputTest() {
        us.association = new SctpAssociation(us.executor, SctpSettings.defaults(), OUR_PORT, PEER_PORT,
                new SeededSecureRandom(1), bytes -> sent.add(LossyWire.parse(bytes)), us);
    }

    // ---- bad packets -----------------------------------------------------------------------------

    @Test
    void aWrongVerificationTagIsDroppedAndCounted() {
        establish();
        deliver(packet(ourTag + 1, nextData(3, new byte[] {1})));
        deliver(packet(0, nextData(3, new byte[] {1})));
        assertEquals(2, counters().badTagPackets());
        assertEquals(List.of(), us.messages);
        assertEquals(List.of(), sent, "nothing is answered");
        assertStillWorks();
    }

    @Test
    void aBadChecksumIsDroppedAndCounted() {
        establish();
        byte[] p = packet(ourTag, nextData(3, new byte[] {1}));
        p[8] ^= 1;
        deliver(p);
        assertEquals(1, counters().malformedPackets());
        assertEquals(List.of(), us.messages);
        assertStillWorks();
    }

    @Test
    void everyTruncationOfAPacketIsDroppedAndCounted() {
        establish();
        // DATA last, with no padding to lose: any cut takes some of it; a cut just before it leaves a heartbeat
        byte[] p = packet(ourTag, new HeartbeatChunk(new byte[8]), nextData(3, new byte[8]));
        for (int length = 0; length < p.length; length++) {
            deliver(Arrays.copyOf(p, length));
            byte[] fixed = Arrays.copyOf(p, length);
            if (length >= SctpPacket.HEADER_LENGTH) {
                SctpFixtures.fixChecksum(fixed); // a truncation with a valid checksum: the chunks are cut
                deliver(fixed);
            }
        }
        assertEquals(0, us.messages.size());
        assertTrue(counters().malformedPackets() >= p.length, counters()::toString);
        assertStillWorks();
    }

    @Test
    void aPacketForOtherPortsIsDropped() {
        establish();
        deliver(new SctpPacket(PEER_PORT, OUR_PORT + 1, ourTag, List.of(nextData(3, new byte[] {1}))).toBytes());
        assertEquals(List.of(), us.messages);
        assertStillWorks();
    }

    // ---- handshake forgeries ----------------------------------------------------------------------

    @Test
    void aForgedCookieEchoWithARandomCookieMakesNoAssociation() {
        Random random = new Random(5);
        for (int length : new int[] {0, 1, 64, 65, 97, 500}) {
            byte[] forged = new byte[length];
            random.nextBytes(forged);
            deliver(packet(random.nextInt() & Tsn.MASK, new CookieEchoChunk(forged)));
        }
        assertEquals(SctpAssociationState.CLOSED, us.state());
        assertEquals(List.of(), us.states);
        assertEquals(List.of(), sent);
        assertEquals(6, counters().badTagPackets());
    }

    @Test
    void aCookieEchoWithATamperedCookieMakesNoAssociationButTheGenuineOneDoes() {
        init();
        for (int bit = 0; bit < cookie.length * 8; bit += 7) {
            byte[] tampered = cookie.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            deliver(packet(ourTag, new CookieEchoChunk(tampered)));
        }
        assertEquals(SctpAssociationState.CLOSED, us.state());
        assertEquals(List.of(), sent);
        deliver(packet(ourTag + 1, new CookieEchoChunk(cookie)));
        assertEquals(SctpAssociationState.CLOSED, us.state(), "the genuine cookie under another tag");
        deliver(packet(ourTag, new CookieEchoChunk(cookie)));
        assertEquals(SctpAssociationState.ESTABLISHED, us.state());
        assertTrue(takeSent().get(0).chunks().get(0) instanceof CookieAckChunk);
    }

    /** RFC 9260 §5.1.5 step 3: a cookie older than its lifetime gets a Stale Cookie error, however old. */
    @ParameterizedTest(name = "{0} minutes late")
    @ValueSource(ints = {2, 75, 100_000})
    void aStaleCookieIsAnsweredWithAStaleCookieError(int minutes) {
        init();
        clock.advance(Duration.ofMinutes(minutes));
        deliver(packet(ourTag, new CookieEchoChunk(cookie)));
        assertEquals(SctpAssociationState.CLOSED, us.state());
        ErrorChunk error = (ErrorChunk) takeSent().get(0).chunks().get(0);
        assertEquals(ErrorCause.STALE_COOKIE, error.causes().get(0).code());
    }

    @Test
    void anInitWithATagOfZeroIsAborted() {
        deliver(packet(0, new InitChunk(0, 100_000, 10, 10, 1, List.of())));
        SctpPacket answer = takeSent().get(0);
        assertTrue(answer.chunks().get(0) instanceof AbortChunk);
        assertEquals(SctpAssociationState.CLOSED, us.state());
    }

    // ---- chunks an established association must refuse or skip ------------------------------------

    /** RFC 9260 §3.2: an unknown chunk's two highest type bits say whether to go on and whether to report. */
    @ParameterizedTest(name = "chunk type 0x{0}")
    @ValueSource(strings = {"3e", "7e", "be", "fe"})
    void anUnknownChunkIsSkippedOrStopsThePacketAndIsReportedAsItsTypeSays(String hexType) {
        establish();
        int type = Integer.parseInt(hexType, 16);
        boolean goOn = (type & 0x80) != 0;
        boolean report = (type & 0x40) != 0;
        UnknownChunk unknown = new UnknownChunk(type, 0, new byte[] {9, 9, 9});
        deliver(packet(ourTag, unknown, new HeartbeatChunk(new byte[] {1, 2})));

        List<Chunk> answers = takeSent().stream().flatMap(p -> p.chunks().stream()).toList();
        assertEquals(report, answers.stream().anyMatch(c -> c instanceof ErrorChunk e
                && e.causes().get(0).code() == ErrorCause.UNRECOGNIZED_CHUNK_TYPE
                && Arrays.equals(e.causes().get(0).info(), unknown.encoded())), answers::toString);
        assertEquals(goOn, answers.stream().anyMatch(HeartbeatAckChunk.class::isInstance), answers::toString);
        assertEquals(1, counters().unknownChunks());
        assertStillWorks();
    }

    /** An unknown chunk too large to quote whole in an ERROR is skipped without a report. */
    @Test
    void anUnknownChunkTooLargeToReportIsSkippedAnyway() {
        establish();
        deliver(packet(ourTag, new UnknownChunk(0xFE, 0, new byte[UnknownChunk.MAX_VALUE_LENGTH]),
                new HeartbeatChunk(new byte[] {1})));
        List<Chunk> answers = takeSent().stream().flatMap(p -> p.chunks().stream()).toList();
        assertTrue(answers.stream().anyMatch(HeartbeatAckChunk.class::isInstance), answers::toString);
        assertTrue(answers.stream().noneMatch(ErrorChunk.class::isInstance), answers::toString);
        assertEquals(1, counters().unknownChunks());
        assertStillWorks();
    }

    /** RFC 9260 §6.5: DATA for a stream the peer did not open is acknowledged, reported and not delivered. */
    @Test
    void dataForAStreamBeyondTheInboundStreamsIsReportedAndAcknowledgedButNotDelivered() {
        establish();
        long tsn = peerNextTsn;
        deliver(packet(ourTag, data(PEER_OUTBOUND_STREAMS, 0, new byte[] {1})));
        deliver(packet(ourTag, data(0xFFFF, 0, new byte[] {2})));

        List<Chunk> answers = takeSentAfterDelayedSack().stream().flatMap(p -> p.chunks().stream()).toList();
        assertEquals(2, answers.stream().filter(c -> c instanceof ErrorChunk e
                && e.causes().get(0).code() == ErrorCause.INVALID_STREAM_IDENTIFIER).count(), answers::toString);
        assertTrue(answers.stream().anyMatch(c -> c instanceof SackChunk s
                && s.cumulativeTsnAck() == Tsn.add(tsn, 1)), "both TSNs acknowledged: " + answers);
        assertEquals(List.of(), us.messages);
        assertStillWorks();
    }

    /** RFC 9260 §6.2.1 / §3.3.10.13: a SACK for a TSN never sent is a protocol violation: ABORT. */
    @Test
    void aSackForATsnNeverSentAborts() {
        establish();
        deliver(packet(ourTag, new SackChunk(Tsn.add(ourTsn, 5), 100_000, List.of(), List.of())));
        AbortChunk abort = (AbortChunk) takeSent().get(0).chunks().get(0);
        assertEquals(ErrorCause.PROTOCOL_VIOLATION, abort.causes().get(0).code());
        assertEquals(SctpAssociationState.CLOSED, us.state());
        assertEquals(1, us.failures.size());
    }

    /** RFC 9260 §6.2: a DATA chunk of length 16 carries no user data: ABORT with "No User Data" and its TSN. */
    @Test
    void dataWithoutUserDataAborts_butOnlyWhenTheTagIsOurs() {
        establish();
        deliver(emptyData(ourTag + 1));
        assertEquals(List.of(), takeSent(), "someone else's packet is only dropped");
        assertEquals(SctpAssociationState.ESTABLISHED, us.state());

        deliver(emptyData(ourTag));
        AbortChunk abort = (AbortChunk) takeSent().get(0).chunks().get(0);
        assertEquals(ErrorCause.NO_USER_DATA, abort.causes().get(0).code());
        assertArrayEquals(new byte[] {(byte) (peerNextTsn >>> 24), (byte) (peerNextTsn >>> 16),
                (byte) (peerNextTsn >>> 8), (byte) peerNextTsn}, abort.causes().get(0).info());
        assertEquals(SctpAssociationState.CLOSED, us.state());
        assertEquals(2, counters().malformedPackets());
        assertEquals(1, us.failures.size());
    }

    /** A packet with one DATA chunk cut down to its 16-byte header, checksum fixed. */
    private byte[] emptyData(long tag) {
        byte[] withOneByte = packet(tag, nextData(3, new byte[] {1}));
        byte[] empty = Arrays.copyOf(withOneByte, SctpPacket.HEADER_LENGTH + DataChunk.HEADER_SIZE);
        empty[SctpPacket.HEADER_LENGTH + 2] = 0;
        empty[SctpPacket.HEADER_LENGTH + 3] = (byte) DataChunk.HEADER_SIZE;
        SctpFixtures.fixChecksum(empty);
        return empty;
    }

    @Test
    void sacksWithGapBlocksAndDuplicatesBeyondWhatWasSentChangeNothing() {
        establish();
        us.association.send(1, 0, new byte[] {1}, false, Reliability.reliable());
        clock.runPending();
        DataChunk ours = (DataChunk) takeSent().get(0).chunks().get(0);
        long before = Tsn.add(ours.tsn(), -1);
        deliver(packet(ourTag, new SackChunk(before, 100_000, List.of(new GapAckBlock(1, 65535),
                new GapAckBlock(3, 7), new GapAckBlock(2, 2)), List.of(1L, 2L, 0xFFFF_FFFFL))));
        deliver(packet(ourTag, new SackChunk(Tsn.add(before, -100), 0, List.of(), List.of())));
        deliver(packet(ourTag, new SackChunk(ours.tsn(), 100_000, List.of(new GapAckBlock(1, 65535)), List.of())));
        assertEquals(SctpAssociationState.ESTABLISHED, us.state());
        assertStillWorks();
    }

    @Test
    void dataFarAheadOfTheCumulativeAckIsDroppedAndCounted() {
        establish();
        deliver(packet(ourTag, new DataChunk(Tsn.add(peerNextTsn, 100_000), 3, 0, 53, false, true, true, false,
                new byte[] {1})));
        deliver(packet(ourTag, new DataChunk(Tsn.add(peerNextTsn, 0x8000_0000L), 3, 0, 53, false, true, true, false,
                new byte[] {1})));
        assertEquals(List.of(), us.messages);
        assertTrue(counters().outOfWindowChunks() + counters().duplicateChunks() == 2, counters()::toString);
        assertStillWorks();
    }

    @Test
    void fragmentsThatCannotFormAMessageAbort() {
        establish();
        deliver(packet(ourTag, new DataChunk(peerNextTsn, 3, 0, 53, false, true, false, false, new byte[] {1})));
        deliver(packet(ourTag, new DataChunk(Tsn.add(peerNextTsn, 1), 3, 0, 53, false, true, false, false,
                new byte[] {2})));
        assertEquals(SctpAssociationState.CLOSED, us.state());
        assertTrue(takeSent().stream().anyMatch(p -> p.chunks().get(0) instanceof AbortChunk));
    }

    /**
     * Seeded mutations of well-formed packets with the right tag and checksum — DATA, SACK, FORWARD
     * TSN, RE-CONFIG, HEARTBEAT, SHUTDOWN, INIT, ERROR — delivered to an established association:
     * none may throw out of {@code onPacket}.
     */
    @Test
    void mutatedPacketsWithValidChecksumsNeverThrow() {
        establish();
        List<byte[]> seeds = List.of(
                packet(ourTag, data(3, 0, new byte[] {1, 2, 3})),
                packet(ourTag, new DataChunk(peerNextTsn, 4, 0, 53, true, true, false, false, new byte[40])),
                packet(ourTag, new SackChunk(ourTsn, 100_000, List.of(new GapAckBlock(2, 3)), List.of(7L))),
                packet(ourTag, new ForwardTsnChunk(peerNextTsn, List.of(new ForwardTsnChunk.SkippedStream(3, 1)))),
                packet(ourTag, new ReconfigChunk(List.of(new ReconfigParameter.OutgoingSsnResetRequest(PEER_TSN,
                        Tsn.add(ourTsn, -1), peerNextTsn, List.of(3, 4))))),
                packet(ourTag, new HeartbeatChunk(new byte[] {1, 2, 3, 4})),
                packet(ourTag, new ShutdownChunk(ourTsn)),
                packet(0, new InitChunk(PEER_TAG, 100_000, 10, 10, PEER_TSN, List.of())),
                packet(ourTag, new ErrorChunk(List.of(ErrorCause.invalidStreamIdentifier(3)))));
        Random random = new Random(17);
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] p = seeds.get(random.nextInt(seeds.size())).clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                int at = SctpPacket.HEADER_LENGTH + random.nextInt(p.length - SctpPacket.HEADER_LENGTH);
                p[at] = (byte) random.nextInt(256);
            }
            if (random.nextInt(8) == 0) {
                p = Arrays.copyOf(p, SctpPacket.HEADER_LENGTH + random.nextInt(p.length - SctpPacket.HEADER_LENGTH));
            }
            SctpFixtures.fixChecksum(p);
            long malformedBefore = counters().malformedPackets();
            deliver(p);
            accepted += counters().malformedPackets() == malformedBefore ? 1 : 0;
            clock.advance(Duration.ofMillis(random.nextInt(50)));
        }
        assertTrue(accepted > 5000, "most mutations still parse and reach the association: " + accepted);
    }

    // ---- a peer that stops answering ----------------------------------------------------------------

    /** RFC 9260 §8.3: an idle association heartbeats; Association.Max.Retrans unanswered ends it. */
    @Test
    void aSilentPeerOfAnIdleAssociationIsDetectedByHeartbeats() {
        SctpSettings settings = SctpSettings.defaults();
        AssociationPair pair = new AssociationPair(301)
                .withConditions(new LinkConditions(Duration.ofMillis(20), Duration.ZERO, 0)).establish();
        int[] heartbeats = {0};
        pair.aToB.setObserver(p -> heartbeats[0] += LossyWire.with(HeartbeatChunk.class).test(p) ? 1 : 0);
        pair.aToB.setCut(true);
        long start = pair.clock.nanoTime();

        assertTrue(pair.runUntil(() -> !pair.a.failures.isEmpty(), Duration.ofHours(1)), pair::toString);

        assertEquals(SctpAssociationState.CLOSED, pair.a.state());
        assertEquals(settings.maxRetransmits() + 1, heartbeats[0], "heartbeats sent before giving up");
        // max + 2 waits of HB.interval + RTO ± 50%; the RTO backs off after each unanswered heartbeat (§8.3)
        long shortest = 0;
        long longest = 0;
        long rto = settings.rtoInitial().toNanos();
        for (int wait = 0; wait < settings.maxRetransmits() + 2; wait++) {
            if (wait >= 2) {
                rto = Math.min(2 * rto, settings.rtoMax().toNanos());
            }
            shortest += settings.heartbeatInterval().toNanos() + rto / 2;
            longest += settings.heartbeatInterval().toNanos() + rto * 3 / 2;
        }
        long took = pair.clock.nanoTime() - start;
        assertTrue(took >= shortest && took <= longest, took + " ns outside " + shortest + ".." + longest);
    }

    /** RFC 9260 §8.1: data that is never acknowledged ends the association after Association.Max.Retrans T3 expiries. */
    @Test
    void aSilentPeerWithDataOutstandingIsDetectedByT3() {
        SctpSettings settings = SctpSettings.defaults();
        AssociationPair pair = new AssociationPair(303)
                .withConditions(new LinkConditions(Duration.ofMillis(20), Duration.ZERO, 0)).establish();
        pair.bToA.setCut(true);
        pair.a.association.send(1, 0, new byte[] {1}, false, Reliability.reliable());

        assertTrue(pair.runUntil(() -> !pair.a.failures.isEmpty(), Duration.ofHours(1)), pair::toString);

        assertEquals(SctpAssociationState.CLOSED, pair.a.state());
        assertEquals(settings.maxRetransmits() + 1, pair.a.association.counters().t3Expiries());
        long expected = 0;
        long rto = settings.rtoInitial().toNanos();
        for (int i = 0; i <= settings.maxRetransmits(); i++) {
            expected += rto;
            rto = Math.min(2 * rto, settings.rtoMax().toNanos());
        }
        assertTrue(pair.clock.elapsed().toNanos() >= expected, pair.clock.elapsed() + " < " + expected);
        assertTrue(pair.clock.elapsed().toNanos() < expected + Duration.ofSeconds(1).toNanos(), pair::toString);
    }

    // ---- the scripted peer --------------------------------------------------------------------------

    /** INIT to the association; keeps the tag, first TSN and cookie of its INIT ACK. */
    private void init() {
        deliver(packet(0, new InitChunk(PEER_TAG, 1_000_000, PEER_OUTBOUND_STREAMS, 10, PEER_TSN,
                List.of(Parameter.forwardTsnSupported(), Parameter.supportedExtensions(ForwardTsnChunk.TYPE,
                        SctpHandshake.RECONFIG_TYPE)))));
        SctpPacket answer = takeSent().get(0);
        assertEquals(PEER_TAG, answer.verificationTag());
        InitAckChunk initAck = (InitAckChunk) answer.chunks().get(0);
        ourTag = initAck.initiateTag();
        ourTsn = initAck.initialTsn();
        cookie = initAck.stateCookie().orElseThrow();
    }

    private void establish() {
        init();
        deliver(packet(ourTag, new CookieEchoChunk(cookie)));
        assertEquals(SctpAssociationState.ESTABLISHED, us.state());
        assertTrue(takeSent().get(0).chunks().get(0) instanceof CookieAckChunk);
    }

    /** A whole message with the peer's next TSN, for a packet that will not get through: the TSN is not used up. */
    private DataChunk nextData(int stream, byte[] payload) {
        return new DataChunk(peerNextTsn, stream, 0, 53, false, true, true, false, payload);
    }

    /** A whole message on {@code stream} with the peer's next TSN. */
    private DataChunk data(int stream, int ssn, byte[] payload) {
        DataChunk d = new DataChunk(peerNextTsn, stream, ssn, 53, false, true, true, false, payload);
        peerNextTsn = Tsn.add(peerNextTsn, 1);
        return d;
    }

    private static byte[] packet(long tag, Chunk... chunks) {
        return new SctpPacket(PEER_PORT, OUR_PORT, tag, List.of(chunks)).toBytes();
    }

    /** Hands the bytes to the association on its executor; whatever it throws fails the test. */
    private void deliver(byte[] bytes) {
        us.executor.execute(() -> us.association.onPacket(bytes));
        clock.runPending();
    }

    private List<SctpPacket> takeSent() {
        List<SctpPacket> copy = List.copyOf(sent);
        sent.clear();
        return copy;
    }

    private List<SctpPacket> takeSentAfterDelayedSack() {
        clock.advance(SctpSettings.defaults().delayedAck());
        return takeSent();
    }

    private SctpCounters counters() {
        return us.association.counters();
    }

    /** The association still takes a message on a valid stream with the next TSN, and acknowledges it. */
    private void assertStillWorks() {
        assertEquals(SctpAssociationState.ESTABLISHED, us.state(), us::toString);
        sent.clear();
        int before = us.messages.size();
        long tsn = peerNextTsn;
        byte[] payload = {42};
        deliver(packet(ourTag, new DataChunk(tsn, 5, us.association.data.reassembler.nextSsn(5), 53, false, true,
                true, true, payload)));
        assertEquals(before + 1, us.messages.size(), us::toString);
        assertArrayEquals(payload, us.messages.get(before).payload());
        peerNextTsn = Tsn.add(tsn, 1);
        assertTrue(takeSent().stream().flatMap(p -> p.chunks().stream())
                .anyMatch(c -> c instanceof SackChunk s && s.cumulativeTsnAck() == tsn), "acknowledged at once");
    }
}
