package dev.parley.rtc.sctp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.net.LinkConditions;
import dev.parley.rtc.sctp.Traffic.Channel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ending an association (RFC 9260 §9) on a bad network: a graceful shutdown delivers everything
 * queued on both sides first and ends with both CLOSED and no failure, whichever of its packets
 * are lost; an ABORT ends the peer at once, and if the ABORT is lost the peer still learns of it
 * from the answer to its next packet (§8.4).
 */
class AssociationShutdownTest {
    private static final LinkConditions CLEAN_20MS = new LinkConditions(Duration.ofMillis(20), Duration.ZERO, 0);

    @Test
    void underLossAShutdownDeliversWhatBothSidesQueuedThenBothAreClosed() {
        AssociationPair pair = new AssociationPair(201).withConditions(AssociationPair.lossy(0.05)).establish();
        Channel channel = new Channel(1, false, Reliability.reliable());
        Traffic aToB = new Traffic(pair.a, pair.b, 1, 300, 1, 16 * 1024, true, Long.MAX_VALUE, List.of(channel));
        Traffic bToA = new Traffic(pair.b, pair.a, 2, 300, 1, 16 * 1024, true, Long.MAX_VALUE, List.of(channel));
        aToB.start();
        bToA.start();
        pair.clock.runPending(); // everything queued
        assertTrue(aToB.allSent() && bToA.allSent());
        pair.a.association.shutdown();

        assertTrue(pair.runUntil(() -> bothClosed(pair), Duration.ofMinutes(10)), pair::toString);

        Traffic.assertAllDelivered(aToB);
        Traffic.assertAllDelivered(bToA);
        assertClosedCleanly(pair);
        assertEquals(List.of(SctpAssociationState.ESTABLISHED, SctpAssociationState.SHUTDOWN_PENDING,
                SctpAssociationState.SHUTDOWN_SENT, SctpAssociationState.CLOSED), pair.a.states.subList(
                pair.a.states.indexOf(SctpAssociationState.ESTABLISHED), pair.a.states.size()));
        assertEquals(List.of(SctpAssociationState.ESTABLISHED, SctpAssociationState.SHUTDOWN_RECEIVED,
                SctpAssociationState.SHUTDOWN_ACK_SENT, SctpAssociationState.CLOSED), pair.b.states.subList(
                pair.b.states.indexOf(SctpAssociationState.ESTABLISHED), pair.b.states.size()));
    }

    @ParameterizedTest(name = "first {0} lost")
    @ValueSource(strings = {"SHUTDOWN", "SHUTDOWN ACK", "SHUTDOWN COMPLETE"})
    void eachLostShutdownPacketIsMadeGood(String lost) {
        AssociationPair pair = new AssociationPair(203).withConditions(CLEAN_20MS).establish();
        switch (lost) {
            case "SHUTDOWN" -> pair.aToB.dropNext(LossyWire.with(ShutdownChunk.class), 1);
            case "SHUTDOWN ACK" -> pair.bToA.dropNext(LossyWire.with(ShutdownAckChunk.class), 1);
            case "SHUTDOWN COMPLETE" -> pair.aToB.dropNext(LossyWire.with(ShutdownCompleteChunk.class), 1);
            default -> throw new IllegalArgumentException(lost);
        }
        pair.a.association.send(1, 0, new byte[] {1}, false, Reliability.reliable());
        pair.a.association.shutdown();

        assertTrue(pair.runUntil(() -> bothClosed(pair), Duration.ofMinutes(10)), pair::toString);
        assertTrue(pair.clock.elapsed().toSeconds() < 10, "made good by a retransmission: " + pair.clock.elapsed());
        assertEquals(1, pair.aToB.droppedByRule + pair.bToA.droppedByRule);
        assertEquals(1, pair.b.messages.size());
        assertClosedCleanly(pair);
    }

    /** Both close at once: the SHUTDOWNs cross (RFC 9260 §9.2). */
    @Test
    void bothShuttingDownAtOnce() {
        AssociationPair pair = new AssociationPair(205).withConditions(AssociationPair.lossy(0.05)).establish();
        pair.a.association.send(1, 0, new byte[] {1}, false, Reliability.reliable());
        pair.b.association.send(1, 0, new byte[] {2}, false, Reliability.reliable());
        pair.a.association.shutdown();
        pair.b.association.shutdown();

        assertTrue(pair.runUntil(() -> bothClosed(pair), Duration.ofMinutes(10)), pair::toString);
        assertEquals(1, pair.a.messages.size());
        assertEquals(1, pair.b.messages.size());
        assertClosedCleanly(pair);
    }

    /**
     * The peer still has minutes of data to send when we shut down: we keep receiving it in
     * SHUTDOWN-SENT, and T2-shutdown must not give up on a peer that is busy sending to us
     * (RFC 9260 §9.2: each packet with DATA is answered with a SHUTDOWN and T2 restarted).
     */
    @Test
    void aShutdownWaitsForALongTransferFromThePeer() {
        AssociationPair pair = new AssociationPair(207).withConditions(CLEAN_20MS);
        pair.bToA.setBottleneck(200_000, 64 * 1024);
        pair.establish();
        Channel channel = new Channel(1, false, Reliability.reliable());
        Traffic bToA = new Traffic(pair.b, pair.a, 3, 100, 100_000, 100_000, false, Long.MAX_VALUE, List.of(channel))
                .start();
        pair.clock.runPending();
        pair.a.association.shutdown();

        assertTrue(pair.runUntil(() -> bothClosed(pair), Duration.ofHours(1)), pair::toString);
        Traffic.assertAllDelivered(bToA);
        assertTrue(pair.clock.elapsed().toSeconds() > 400, "10 MB at 200 kbit/s: " + pair.clock.elapsed());
        assertClosedCleanly(pair);
    }

    @Test
    void anAbortEndsThePeerWithAFailure() {
        AssociationPair pair = new AssociationPair(209).withConditions(AssociationPair.lossy(0.05)).establish();
        pair.a.association.abort("done here");

        // if the ABORT is lost, B learns at its next heartbeat (see below)
        SctpSettings settings = SctpSettings.defaults();
        Duration heartbeat = settings.heartbeatInterval().plus(settings.rtoMax());
        assertTrue(pair.runUntil(() -> !pair.b.failures.isEmpty(), heartbeat), pair::toString);
        assertEquals(SctpAssociationState.CLOSED, pair.a.state());
        assertEquals(SctpAssociationState.CLOSED, pair.b.state());
        assertEquals(1, pair.b.failures.size());
        assertEquals(List.of(), pair.a.failures, "the side that aborts is not told of a failure");
    }

    /** RFC 9260 §8.4: once closed, an association answers what still comes with an ABORT. */
    @ParameterizedTest(name = "then the peer sends {0}")
    @ValueSource(strings = {"data", "nothing (heartbeat)"})
    void aLostAbortIsAnsweredByTheNextPacketOfThePeer(String next) {
        AssociationPair pair = new AssociationPair(211).withConditions(CLEAN_20MS).establish();
        pair.aToB.dropNext(LossyWire.with(AbortChunk.class), 1);
        pair.a.association.abort("done here");
        pair.run(Duration.ofSeconds(1));
        assertEquals(SctpAssociationState.ESTABLISHED, pair.b.state(), "B did not hear");
        if (next.equals("data")) {
            pair.b.association.send(1, 0, new byte[] {1}, false, Reliability.reliable());
        }

        SctpSettings settings = SctpSettings.defaults();
        Duration heartbeat = settings.heartbeatInterval().plus(settings.rtoMax());
        assertTrue(pair.runUntil(() -> !pair.b.failures.isEmpty(), heartbeat), pair::toString);
        assertEquals(SctpAssociationState.CLOSED, pair.b.state());
        if (next.equals("data")) {
            assertTrue(pair.clock.elapsed().toMillis() < 2000, "at once: " + pair.clock.elapsed());
        }
    }

    private static boolean bothClosed(AssociationPair pair) {
        return pair.a.state() == SctpAssociationState.CLOSED && pair.b.state() == SctpAssociationState.CLOSED;
    }

    private static void assertClosedCleanly(AssociationPair pair) {
        pair.run(Duration.ofMinutes(10)); // whatever is still on its way or pending changes nothing
        for (Endpoint e : List.of(pair.a, pair.b)) {
            assertEquals(SctpAssociationState.CLOSED, e.state(), e::toString);
            assertEquals(List.of(), e.failures, e.name + " heard of a failure");
        }
    }
}
