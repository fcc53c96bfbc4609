package dev.parley.rtc.sctp;

import static dev.parley.rtc.sctp.AssociationPair.assertEstablished;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.net.LinkConditions;
import dev.parley.rtc.sctp.ReconfigParameter.OutgoingSsnResetRequest;
import dev.parley.rtc.sctp.ReconfigParameter.ReconfigResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stream reset (RFC 6525), the way data channels close (RFC 8831 §6.7), between two associations:
 * the peer hears of the reset only after every message sent before it, whatever was lost on the
 * way; a lost request or response is made good by retransmission; and once both directions of a
 * stream are reset the stream starts again at SSN 0.
 */
class AssociationStreamResetTest {
    private static final LinkConditions CLEAN_20MS = new LinkConditions(Duration.ofMillis(20), Duration.ZERO, 0);

    @Test
    void underLossThePeerHearsOfTheResetOnlyAfterEveryEarlierMessageOnTheStream() {
        AssociationPair pair = new AssociationPair(101).withConditions(AssociationPair.lossy(0.05)).establish();
        for (int i = 0; i < 200; i++) {
            pair.a.association.send(1, i, Traffic.payload(3, 1, i, 1 + i * 40), false, Reliability.reliable());
            pair.a.association.send(2, i, Traffic.payload(3, 2, i, 100), false, Reliability.reliable());
        }
        pair.a.association.resetStreams(List.of(1));

        assertTrue(pair.runUntil(() -> !pair.a.outgoingResets.isEmpty() && pair.quiet(), Duration.ofMinutes(5)),
                pair::toString);

        assertEquals(List.of(List.of(1)), pair.a.outgoingResets);
        assertEquals(List.of(List.of(1)), pair.b.incomingResets);
        List<String> streamOne = pair.b.events.stream().filter(e -> e.startsWith("msg 1/") || e.contains("reset"))
                .toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            expected.add("msg 1/" + i);
        }
        expected.add("incoming-reset [1]");
        assertEquals(expected, streamOne, "every message of stream 1, in order, then the reset");
        assertEquals(400, pair.b.messages.size());
        for (SctpMessage m : pair.b.messages) {
            int size = m.streamId() == 1 ? 1 + (int) m.ppid() * 40 : 100;
            assertArrayEquals(Traffic.payload(3, m.streamId(), m.ppid(), size), m.payload());
        }
        assertTrue(pair.aToB.randomlyLost > 0 && pair.bToA.randomlyLost > 0);
        assertEstablished(pair.a);
        assertEstablished(pair.b);
    }

    /**
     * A closes its side of streams 1 and 2; B, as a data channel does, closes its side when it hears
     * (RFC 8831 §6.7). Then both streams carry messages again, both ways, from SSN 0.
     */
    @Test
    void afterBothDirectionsAreResetUnderLossTheStreamsStartAgainAtSsnZero() {
        AssociationPair pair = new AssociationPair(103).withConditions(AssociationPair.lossy(0.05)).establish();
        pair.b.onIncomingReset = ids -> pair.b.association.resetStreams(ids);
        for (int i = 0; i < 50; i++) {
            pair.a.association.send(1 + i % 2, i, new byte[] {(byte) i}, false, Reliability.reliable());
            pair.b.association.send(1 + i % 2, i, new byte[] {(byte) i}, false, Reliability.reliable());
        }
        pair.a.association.resetStreams(List.of(1, 2));

        assertTrue(pair.runUntil(() -> pair.a.outgoingResets.size() == 1 && pair.b.outgoingResets.size() == 1
                && pair.quiet(), Duration.ofMinutes(5)), pair::toString);
        assertEquals(List.of(List.of(1, 2)), pair.a.incomingResets, "B closed its side in turn");
        assertEquals(List.of(List.of(1, 2)), pair.b.incomingResets);
        assertEquals(50, pair.a.messages.size());
        assertEquals(50, pair.b.messages.size());
        assertTrue(pair.b.events.indexOf("incoming-reset [1, 2]") > pair.b.events.indexOf("msg 2/49"));
        assertTrue(pair.a.events.indexOf("incoming-reset [1, 2]") > pair.a.events.indexOf("msg 2/49"));

        List<Integer> ssnsAtoB = new ArrayList<>();
        List<Integer> ssnsBtoA = new ArrayList<>();
        pair.aToB.setObserver(p -> dataSsns(p, ssnsAtoB));
        pair.bToA.setObserver(p -> dataSsns(p, ssnsBtoA));
        pair.a.messages.clear();
        pair.b.messages.clear();
        for (int i = 0; i < 3; i++) {
            pair.a.association.send(1, 100 + i, new byte[] {7, (byte) i}, false, Reliability.reliable());
            pair.b.association.send(2, 200 + i, new byte[] {8, (byte) i}, false, Reliability.reliable());
        }
        assertTrue(pair.runUntil(() -> pair.a.messages.size() == 3 && pair.b.messages.size() == 3,
                Duration.ofMinutes(1)), pair::toString);
        assertEquals(List.of(100L, 101L, 102L), pair.b.messages.stream().map(SctpMessage::ppid).toList());
        assertEquals(List.of(200L, 201L, 202L), pair.a.messages.stream().map(SctpMessage::ppid).toList());
        assertEquals(0, ssnsAtoB.get(0), "A's first message after the reset has SSN 0: " + ssnsAtoB);
        assertEquals(0, ssnsBtoA.get(0), "B's too: " + ssnsBtoA);
        assertEquals(3, pair.b.data().reassembler.nextSsn(1));
        assertEquals(3, pair.a.data().reassembler.nextSsn(2));
        assertEstablished(pair.a);
        assertEstablished(pair.b);
    }

    /** RFC 6525 §5.1.1: a request without response is sent again after an RTO. */
    @Test
    void aLostResetRequestIsRetransmitted() {
        AssociationPair pair = new AssociationPair(107).withConditions(CLEAN_20MS).establish();
        List<Long> requestTimes = new ArrayList<>();
        pair.aToB.setObserver(p -> {
            if (reconfig(p, OutgoingSsnResetRequest.class)) {
                requestTimes.add(pair.clock.nanoTime());
            }
        });
        pair.aToB.dropNext(p -> reconfig(p, OutgoingSsnResetRequest.class), 1);
        long start = pair.clock.nanoTime();
        pair.a.association.resetStreams(List.of(5));

        assertTrue(pair.runUntil(() -> !pair.a.outgoingResets.isEmpty(), Duration.ofSeconds(10)), pair::toString);

        assertEquals(2, requestTimes.size());
        long rto = pair.a.data().rto.rtoNanos();
        assertEquals(rto, requestTimes.get(1) - requestTimes.get(0), "sent again one RTO later");
        assertEquals(List.of(List.of(5)), pair.b.incomingResets);
        assertTrue(pair.clock.nanoTime() - start < rto + 100_000_000L);
    }

    /** The response is lost: the retransmitted request is answered again, and performed only once. */
    @Test
    void aLostResetResponseIsAnsweredAgainWithoutResettingTwice() {
        AssociationPair pair = new AssociationPair(109).withConditions(CLEAN_20MS).establish();
        pair.bToA.dropNext(p -> reconfig(p, ReconfigResponse.class), 1);
        pair.a.association.send(5, 0, new byte[] {1}, false, Reliability.reliable());
        pair.a.association.resetStreams(List.of(5));

        assertTrue(pair.runUntil(() -> !pair.a.outgoingResets.isEmpty(), Duration.ofSeconds(10)), pair::toString);
        pair.run(Duration.ofSeconds(5));

        assertEquals(1, pair.bToA.droppedByRule);
        assertEquals(List.of(List.of(5)), pair.a.outgoingResets);
        assertEquals(List.of(List.of(5)), pair.b.incomingResets, "performed once");
        pair.a.association.send(5, 1, new byte[] {2}, false, Reliability.reliable());
        assertTrue(pair.runUntil(() -> pair.b.messages.size() == 2, Duration.ofSeconds(5)));
        assertEquals(1, pair.b.messages.get(1).ppid(), "SSN 0 again, and the peer expects SSN 0");
    }

    /**
     * The request overtakes lost DATA: the peer answers "in progress" (RFC 6525 §5.2.2), waits for
     * the data, delivers it, then resets.
     */
    @Test
    void aRequestThatOvertakesLostDataWaitsForIt() {
        AssociationPair pair = new AssociationPair(113).withConditions(CLEAN_20MS).establish();
        List<Integer> results = new ArrayList<>();
        pair.bToA.setObserver(p -> p.chunks().stream().filter(ReconfigChunk.class::isInstance)
                .flatMap(c -> ((ReconfigChunk) c).parameters().stream())
                .filter(ReconfigResponse.class::isInstance)
                .forEach(r -> results.add(((ReconfigResponse) r).result())));
        pair.aToB.dropNext(LossyWire.with(DataChunk.class), 1);
        pair.a.association.send(4, 0, new byte[] {1}, false, Reliability.reliable());
        pair.a.association.send(4, 1, new byte[] {2}, false, Reliability.reliable());
        pair.a.association.resetStreams(List.of(4));

        assertTrue(pair.runUntil(() -> !pair.a.outgoingResets.isEmpty(), Duration.ofSeconds(30)), pair::toString);

        assertEquals(StreamResets.RESULT_IN_PROGRESS, results.get(0), "first answer: " + results);
        assertEquals(StreamResets.RESULT_PERFORMED, results.get(results.size() - 1));
        assertEquals(List.of("msg 4/0", "msg 4/1", "incoming-reset [4]"), pair.b.events);
    }

    /** One request at a time (RFC 6525 §5.1.1): streams asked for meanwhile go in the next one. */
    @Test
    void resetsAskedForWhileOneIsOutstandingFollowInTheNextRequest() {
        AssociationPair pair = new AssociationPair(127).withConditions(AssociationPair.lossy(0.05)).establish();
        pair.a.association.resetStreams(List.of(1));
        pair.a.association.resetStreams(List.of(2, 3));

        assertTrue(pair.runUntil(() -> pair.a.outgoingResets.size() == 2, Duration.ofMinutes(1)), pair::toString);
        assertEquals(List.of(List.of(1), List.of(2, 3)), pair.a.outgoingResets);
        assertEquals(List.of(List.of(1), List.of(2, 3)), pair.b.incomingResets);
    }

    private static boolean reconfig(SctpPacket p, Class<? extends ReconfigParameter> kind) {
        return p.chunks().stream().anyMatch(c -> c instanceof ReconfigChunk r
                && r.parameters().stream().anyMatch(kind::isInstance));
    }

    private static void dataSsns(SctpPacket p, List<Integer> ssns) {
        for (Chunk c : p.chunks()) {
            if (c instanceof DataChunk d && d.beginning()) {
                ssns.add(d.ssn());
            }
        }
    }
}
