package dev.parley.rtc.sctp;

import static dev.parley.rtc.sctp.AssociationPair.assertEstablished;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.net.LinkConditions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The four-way handshake of RFC 9260 §5 between two real associations: from one side, from both
 * at once (INIT collision, §5.2.1, §5.2.4), with each of its packets lost once (T1-init and
 * T1-cookie retransmission, §5.1.6), and against a peer that never answers.
 */
class AssociationHandshakeTest {
    private static final LinkConditions CLEAN_20MS = new LinkConditions(Duration.ofMillis(20), Duration.ZERO, 0);

    @ParameterizedTest(name = "B connects {0} ms after A")
    @ValueSource(ints = {0, 10, 19, 20, 21, 39, 40, 41, 60})
    void bothConnectingAtOrNearlyTheSameTimeEstablishOneAssociation(int delayMs) {
        AssociationPair pair = new AssociationPair(11 + delayMs).withConditions(CLEAN_20MS);
        List<Chunk> aSent = new ArrayList<>();
        List<Chunk> bSent = new ArrayList<>();
        pair.aToB.setObserver(p -> aSent.addAll(p.chunks()));
        pair.bToA.setObserver(p -> bSent.addAll(p.chunks()));

        pair.a.association.connect();
        pair.b.executor.schedule(pair.b.association::connect, delayMs, TimeUnit.MILLISECONDS);

        assertTrue(pair.runUntil(() -> pair.a.state() == SctpAssociationState.ESTABLISHED
                && pair.b.state() == SctpAssociationState.ESTABLISHED, Duration.ofSeconds(1)), pair::toString);
        assertEquals(pair.a.association.handshake.localTag(), pair.b.association.handshake.peerTag());
        assertEquals(pair.b.association.handshake.localTag(), pair.a.association.handshake.peerTag());
        assertTrue(aSent.stream().anyMatch(InitChunk.class::isInstance), "A sent an INIT");
        if (delayMs < 40) {
            assertTrue(bSent.stream().anyMatch(InitChunk.class::isInstance), "B's INIT went out too: a collision");
        }
        assertMessagesFlowBothWays(pair);
        pair.run(Duration.ofSeconds(5));
        assertEstablished(pair.a);
        assertEstablished(pair.b);
        assertEquals(0, pair.a.association.counters().badTagPackets() + pair.b.association.counters().badTagPackets(),
                "no packet of the collision was dropped for its tag");
    }

    @Test
    void onlyOneSideConnecting() {
        AssociationPair pair = new AssociationPair(3).withConditions(CLEAN_20MS);
        pair.a.association.connect();

        assertTrue(pair.runUntil(() -> pair.a.state() == SctpAssociationState.ESTABLISHED
                && pair.b.state() == SctpAssociationState.ESTABLISHED, Duration.ofSeconds(1)), pair::toString);
        assertEquals(80_000_000L, pair.clock.nanoTime(), "two round trips of 40 ms");
        assertEquals(List.of(SctpAssociationState.COOKIE_WAIT, SctpAssociationState.COOKIE_ECHOED,
                SctpAssociationState.ESTABLISHED), pair.a.states);
        assertEquals(List.of(SctpAssociationState.ESTABLISHED), pair.b.states);
        assertMessagesFlowBothWays(pair);
    }

    /** Each handshake packet lost once: T1 (RTO.Initial, 1 s) brings the association up anyway. */
    @ParameterizedTest(name = "{0} lost")
    @ValueSource(strings = {"INIT", "INIT ACK", "COOKIE ECHO", "COOKIE ACK"})
    void oneLostHandshakePacketIsRetransmittedOnT1(String lost) {
        AssociationPair pair = new AssociationPair(5).withConditions(CLEAN_20MS);
        switch (lost) {
            case "INIT" -> pair.aToB.dropNext(LossyWire.with(InitChunk.class), 1);
            case "INIT ACK" -> pair.bToA.dropNext(LossyWire.with(InitAckChunk.class), 1);
            case "COOKIE ECHO" -> pair.aToB.dropNext(LossyWire.with(CookieEchoChunk.class), 1);
            case "COOKIE ACK" -> pair.bToA.dropNext(LossyWire.with(CookieAckChunk.class), 1);
            default -> throw new IllegalArgumentException(lost);
        }
        pair.a.association.connect();

        assertTrue(pair.runUntil(() -> pair.a.state() == SctpAssociationState.ESTABLISHED
                && pair.b.state() == SctpAssociationState.ESTABLISHED, Duration.ofSeconds(10)), pair::toString);
        long elapsedMs = pair.clock.elapsed().toMillis();
        assertTrue(elapsedMs >= 1000 && elapsedMs <= 1080, "recovered by one T1 expiry after 1 s: " + elapsedMs);
        assertEquals(1, pair.aToB.droppedByRule + pair.bToA.droppedByRule);
        assertMessagesFlowBothWays(pair);
    }

    /** The same losses when both connect at once: either side's retransmission completes it. */
    @ParameterizedTest(name = "{0} lost both ways")
    @ValueSource(strings = {"INIT", "INIT ACK", "COOKIE ECHO", "COOKIE ACK"})
    void oneLostHandshakePacketEachWayDuringACollision(String lost) {
        AssociationPair pair = new AssociationPair(7).withConditions(CLEAN_20MS);
        Class<? extends Chunk> type = switch (lost) {
            case "INIT" -> InitChunk.class;
            case "INIT ACK" -> InitAckChunk.class;
            case "COOKIE ECHO" -> CookieEchoChunk.class;
            case "COOKIE ACK" -> CookieAckChunk.class;
            default -> throw new IllegalArgumentException(lost);
        };
        pair.aToB.dropNext(LossyWire.with(type), 1);
        pair.bToA.dropNext(LossyWire.with(type), 1);

        pair.establish();

        assertTrue(pair.clock.elapsed().toMillis() < 3000, "within two T1 periods: " + pair.clock.elapsed());
        assertMessagesFlowBothWays(pair);
    }

    @Test
    void twoLostCookieEchoesBackOffT1() {
        AssociationPair pair = new AssociationPair(9).withConditions(CLEAN_20MS);
        pair.aToB.dropNext(LossyWire.with(CookieEchoChunk.class), 2);
        pair.a.association.connect();

        assertTrue(pair.runUntil(() -> pair.b.state() == SctpAssociationState.ESTABLISHED, Duration.ofSeconds(10)));
        // COOKIE ECHO at 40 ms, again at 1040 ms (T1 1 s), again at 3040 ms (T1 doubled), arriving 20 ms later
        assertEquals(3060, pair.clock.elapsed().toMillis());
        assertTrue(pair.runUntil(() -> pair.a.state() == SctpAssociationState.ESTABLISHED, Duration.ofSeconds(1)));
        assertEquals(3080, pair.clock.elapsed().toMillis(), "and its COOKIE ACK 20 ms after that");
        assertMessagesFlowBothWays(pair);
    }

    /**
     * A peer that never answers: INIT is sent 1 + Max.Init.Retransmits times, T1 doubling from
     * RTO.Initial up to RTO.Max (RFC 9260 §5.1.6, §6.3.3 E2), then the association is CLOSED and
     * the user hears of the failure.
     */
    @Test
    void aPeerThatNeverAnswersTheInitFailsAfterMaxInitRetransmits() {
        SctpSettings settings = SctpSettings.defaults();
        AssociationPair pair = new AssociationPair(13, settings).withConditions(CLEAN_20MS);
        List<Long> initTimes = new ArrayList<>();
        pair.aToB.setObserver(p -> {
            if (p.chunks().get(0) instanceof InitChunk) {
                initTimes.add(pair.clock.nanoTime());
            }
        });
        pair.aToB.setCut(true);
        pair.a.association.connect();

        assertTrue(pair.runUntil(() -> !pair.a.failures.isEmpty(), Duration.ofHours(1)));

        long expectedNanos = 0;
        long t1 = settings.rtoInitial().toNanos();
        for (int i = 0; i <= settings.maxInitRetransmits(); i++) {
            expectedNanos += t1;
            t1 = Math.min(2 * t1, settings.rtoMax().toNanos());
        }
        assertEquals(1 + settings.maxInitRetransmits(), initTimes.size());
        assertEquals(expectedNanos, pair.clock.nanoTime(), "the last T1 expiry closes it");
        assertEquals(1, pair.a.failures.size(), pair.a.events::toString);
        assertEquals(SctpAssociationState.CLOSED, pair.a.states.get(pair.a.states.size() - 1));
        pair.run(Duration.ofMinutes(10));
        assertEquals(1 + settings.maxInitRetransmits(), initTimes.size(), "nothing more is sent");
    }

    @Test
    void aPeerThatAnswersTheInitButNotTheCookieEchoFailsToo() {
        SctpSettings settings = SctpSettings.defaults();
        AssociationPair pair = new AssociationPair(17, settings).withConditions(CLEAN_20MS);
        pair.aToB.dropNext(LossyWire.with(CookieEchoChunk.class), Integer.MAX_VALUE);
        pair.a.association.connect();

        assertTrue(pair.runUntil(() -> !pair.a.failures.isEmpty(), Duration.ofHours(1)));
        assertEquals(1 + settings.maxInitRetransmits(), pair.aToB.droppedByRule, "COOKIE ECHOs sent");
        assertEquals(1, pair.a.failures.size());
        assertEquals(SctpAssociationState.CLOSED, pair.a.state());
        assertEquals(SctpAssociationState.CLOSED, pair.b.state(), "B never made an association: it keeps no state");
    }

    /** One small message each way arrives intact. */
    static void assertMessagesFlowBothWays(AssociationPair pair) {
        byte[] toB = {1, 2, 3};
        byte[] toA = {4, 5, 6, 7};
        int bBefore = pair.b.messages.size();
        int aBefore = pair.a.messages.size();
        pair.a.association.send(1, 53, toB, false, Reliability.reliable());
        pair.b.association.send(1, 53, toA, false, Reliability.reliable());
        assertTrue(pair.runUntil(() -> pair.b.messages.size() > bBefore && pair.a.messages.size() > aBefore,
                Duration.ofSeconds(30)), pair::toString);
        assertArrayEquals(toB, pair.b.messages.get(bBefore).payload());
        assertArrayEquals(toA, pair.a.messages.get(aBefore).payload());
    }
}
