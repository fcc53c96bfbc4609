package dev.parley.rtc.sctp;

import static dev.parley.rtc.sctp.AssociationPair.assertEstablished;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.net.LinkConditions;
import dev.parley.rtc.sctp.Traffic.Channel;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every reliability of a data channel (RFC 8831 §6.1; PR-SCTP, RFC 3758) under 5% loss and
 * reordering: messages may be lost where the reliability allows it but are never corrupted,
 * duplicated or (on an ordered stream) reordered; what is missing was given up by the sender;
 * and the association never stalls — FORWARD TSN moves the peer past what was given up, so a
 * reliable message sent afterwards on the same stream gets through.
 */
class AssociationReliabilityTest {
    private static final int COUNT = 2000;
    private static final int STREAM = 3;

    static Stream<Arguments> reliabilities() {
        Reliability lifetime = Reliability.maxLifetime(Duration.ofMillis(150));
        return Stream.of(
                Arguments.of("unordered reliable", true, Reliability.reliable()),
                Arguments.of("ordered maxRetransmits 0", false, Reliability.maxRetransmits(0)),
                Arguments.of("ordered maxRetransmits 3", false, Reliability.maxRetransmits(3)),
                Arguments.of("unordered maxRetransmits 0", true, Reliability.maxRetransmits(0)),
                Arguments.of("unordered maxRetransmits 2", true, Reliability.maxRetransmits(2)),
                Arguments.of("ordered maxLifetime 150 ms", false, lifetime),
                Arguments.of("unordered maxLifetime 150 ms", true, lifetime));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reliabilities")
    void underFivePercentLossNothingIsCorruptedOrReorderedAndNothingStalls(String name, boolean unordered,
                                                                          Reliability reliability) {
        AssociationPair pair = new AssociationPair(name.hashCode()).withConditions(AssociationPair.lossy(0.05))
                .establish();
        Channel channel = new Channel(STREAM, unordered, reliability);
        Traffic traffic = new Traffic(pair.a, pair.b, 77, COUNT, 1, 16 * 1024, true, 16 * 1024, List.of(channel))
                .start();

        assertTrue(pair.runUntil(() -> traffic.allSent() && pair.quiet(), Duration.ofHours(1)), pair::toString);

        long abandoned = pair.a.data().retransmissions.messagesAbandoned();
        int missing = traffic.missing(channel);
        System.out.printf("SCTP %s, %d messages of 1 B..16 KiB, 5%% loss: %d delivered, %d missing, %d abandoned by"
                + " the sender, %.1f s virtual%n", name, COUNT, traffic.delivered(channel), missing, abandoned,
                pair.clock.elapsed().toMillis() / 1000.0);
        AssociationTransferTest.printCounters(pair);
        // Every missing message was given up by the sender. The converse need not hold: the sender
        // may abandon a message whose chunks all arrived, when their acknowledgement came too late.
        assertTrue(missing <= abandoned, missing + " missing, only " + abandoned + " abandoned");
        if (channel.reliable()) {
            assertEquals(0, missing);
            assertEquals(0, abandoned);
        } else if (!(reliability instanceof Reliability.MaxRetransmits max && max.count() > 0)) {
            assertTrue(missing > 0, "with 5% loss and no retransmissions, some messages are lost");
        }
        RetransmissionQueue rq = pair.a.data().retransmissions;
        assertEquals(Tsn.add(rq.nextTsn(), -1), pair.b.data().received.cumulativeTsnAck(),
                "the peer's cumulative TSN reached the last TSN sent: FORWARD TSN skipped what was abandoned");

        assertReliableMessageStillGetsThrough(pair, unordered);
        assertEstablished(pair.a);
        assertEstablished(pair.b);
    }

    /**
     * RFC 3758 §3.5 A5/C3: the FORWARD TSN after the last abandoned message is lost and nothing else
     * is sent. T3-rtx keeps running for the abandoned chunks and must send the FORWARD TSN again
     * rather than expire empty-handed until the association gives up.
     */
    @Test
    void aLostForwardTsnAtTheEndIsSentAgainWhenT3Expires() {
        AssociationPair pair = new AssociationPair(31)
                .withConditions(new LinkConditions(Duration.ofMillis(20), Duration.ZERO, 0)).establish();
        pair.aToB.dropNext(LossyWire.with(DataChunk.class), 1);
        pair.aToB.dropNext(LossyWire.with(ForwardTsnChunk.class), 2);
        pair.a.association.send(STREAM, 0, new byte[] {1}, false, Reliability.maxRetransmits(0));
        pair.clock.runPending();

        assertTrue(pair.runUntil(pair::quiet, Duration.ofMinutes(2)), pair::toString);

        assertEquals(3, pair.aToB.droppedByRule, "the DATA and two FORWARD TSNs were lost");
        assertEquals(3, pair.a.association.counters().t3Expiries(), "one T3-rtx expiry for each");
        assertEquals(List.of(), pair.b.messages);
        assertReliableMessageStillGetsThrough(pair, false);
        assertEstablished(pair.a);
    }

    /** A message of one chunk on an ordered stream, lost and abandoned; the next on the stream is delivered. */
    @Test
    void anAbandonedOrderedMessageDoesNotHoldBackTheNextOneOnItsStream() {
        AssociationPair pair = new AssociationPair(37)
                .withConditions(new LinkConditions(Duration.ofMillis(20), Duration.ZERO, 0)).establish();
        pair.aToB.dropNext(LossyWire.with(DataChunk.class), 1);
        pair.a.association.send(STREAM, 0, new byte[] {1}, false, Reliability.maxRetransmits(0));
        pair.a.association.send(STREAM, 1, new byte[] {2}, false, Reliability.reliable());

        assertTrue(pair.runUntil(() -> pair.b.messages.size() == 1 && pair.quiet(), Duration.ofMinutes(1)),
                pair::toString);
        assertEquals(1, pair.b.messages.get(0).ppid());
        assertEquals(1, pair.a.data().retransmissions.messagesAbandoned());
    }

    /**
     * A message whose lifetime passes while it is only partly sent, every fragment sent so far
     * already acknowledged: the receiver's small window lets one chunk through per round trip. The
     * sender must still tell the peer the message is gone (RFC 3758 §3.5 A3, C4), or an ordered
     * stream waits for the rest forever and, unordered, the next message would begin right after
     * a fragment that did not end one.
     */
    @ParameterizedTest(name = "unordered={0}")
    @ValueSource(booleans = {false, true})
    void aMessageAbandonedHalfSentWithEverySentFragmentAcknowledgedIsSkippedByThePeer(boolean unordered) {
        AssociationPair pair = new AssociationPair(41, SctpSettings.defaults(),
                AssociationPair.withReceiveWindow(4 * SctpSettings.DEFAULT_MAX_PACKET_SIZE))
                .withConditions(new LinkConditions(Duration.ofMillis(20), Duration.ZERO, 0)).establish();
        pair.a.association.send(STREAM, 0, Traffic.payload(1, STREAM, 0, 20_000), unordered,
                Reliability.maxLifetime(Duration.ofMillis(300)));

        assertTrue(pair.runUntil(() -> pair.a.data().retransmissions.messagesAbandoned() == 1, Duration.ofSeconds(5)),
                pair::toString);
        assertTrue(pair.runUntil(pair::quiet, Duration.ofSeconds(30)), pair::toString);
        assertEquals(List.of(), pair.b.messages);
        assertEquals(0, pair.b.data().reassembler.bufferedBytes(), "the peer dropped the fragments it held");
        assertReliableMessageStillGetsThrough(pair, unordered);
        assertEstablished(pair.a);
        assertEstablished(pair.b);
    }

    private static void assertReliableMessageStillGetsThrough(AssociationPair pair, boolean unordered) {
        pair.b.messages.clear();
        pair.b.onMessage = pair.b.messages::add;
        byte[] last = {42, 43};
        pair.a.association.send(STREAM, 999_999, last, unordered, Reliability.reliable());
        assertTrue(pair.runUntil(() -> !pair.b.messages.isEmpty(), Duration.ofMinutes(1)), pair::toString);
        assertEquals(999_999, pair.b.messages.get(0).ppid());
        assertArrayEquals(last, pair.b.messages.get(0).payload());
    }
}
