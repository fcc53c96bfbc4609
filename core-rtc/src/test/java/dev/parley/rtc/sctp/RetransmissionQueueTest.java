package dev.parley.rtc.sctp;

import static dev.parley.rtc.sctp.SendQueueTest.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.sctp.RetransmissionQueue.SackResult;
import dev.parley.rtc.sctp.RetransmissionQueue.SackStatus;
import dev.parley.rtc.sctp.RetransmissionQueue.T3Action;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The send side against hand-made SACKs. Packets are 1200 bytes, so 1188 bytes of chunk space;
 * most tests use 100-byte chunks so that ten fit a packet and the initial cwnd (4404) holds 45.
 */
class RetransmissionQueueTest {
    private static final int MTU = 1200;
    private static final int ROOM = MTU - 12;
    private static final long MS = 1_000_000L;

    private final List<Integer> lows = new ArrayList<>();
    private SendQueue queue;
    private CongestionControl cc;
    private RtoEstimator rto;
    private RetransmissionQueue rq;

    private void setUp(int maxDataPayload, long initialTsn, long peerRwnd) {
        queue = new SendQueue(maxDataPayload, lows::add);
        cc = new CongestionControl(MTU, peerRwnd);
        rto = new RtoEstimator();
        rq = new RetransmissionQueue(queue, cc, rto, initialTsn, peerRwnd);
    }

    @Test
    void fragmentsGetConsecutiveTsnsWithBeginningAndEndingFlagsAndOneSsn() {
        setUp(1172, 1000, 1_000_000);
        queue.enqueue(7, 53, bytes(3000, 1), false, Reliability.reliable(), 0);
        queue.enqueue(8, 51, bytes(10, 2), false, Reliability.reliable(), 0);
        List<DataChunk> sent = sendAll(0);
        assertEquals(List.of(1000L, 1001L, 1002L, 1003L), sent.stream().map(DataChunk::tsn).toList());
        assertEquals(List.of(1172, 1172, 656, 10), sent.stream().map(c -> c.userData().length).toList());
        assertEquals("B- -- -E BE", flags(sent));
        assertTrue(sent.subList(0, 3).stream().allMatch(c -> c.streamId() == 7 && c.ssn() == 0 && c.ppid() == 53));
        assertEquals(8, sent.get(3).streamId());
        assertEquals(3000 + 10, rq.bytesSent());
        assertEquals(3010, rq.flightSize());
        assertEquals(1_000_000 - 3010, rq.peerRwnd());
    }

    @Test
    void eachCallFillsOnePacketOfChunkSpace() {
        setUp(100, 1, 1_000_000);
        for (int i = 0; i < 25; i++) {
            queue.enqueue(0, 53, bytes(100, i), false, Reliability.reliable(), 0);
        }
        assertEquals(10, rq.nextToSend(0, ROOM).size()); // 10 * (16 + 100) = 1160 <= 1188
        assertEquals(10, rq.nextToSend(0, ROOM).size());
        assertEquals(5, rq.nextToSend(0, ROOM).size());
        assertEquals(0, rq.nextToSend(0, ROOM).size());
    }

    @Test
    void tsnsWrapAt2To32() {
        setUp(100, 0xFFFF_FFFEL, 1_000_000);
        for (int i = 0; i < 4; i++) {
            queue.enqueue(0, 53, bytes(100, i), false, Reliability.reliable(), 0);
        }
        List<DataChunk> sent = sendAll(0);
        assertEquals(List.of(0xFFFF_FFFEL, 0xFFFF_FFFFL, 0L, 1L), sent.stream().map(DataChunk::tsn).toList());
        // cum ack FFFFFFFE, gap block +2..+3 = TSNs 0 and 1
        SackResult r = rq.onSack(sack(0xFFFF_FFFEL, 1_000_000, 2, 3), 10 * MS);
        assertEquals(SackStatus.PROCESSED, r.status());
        assertEquals(300, r.newlyAckedBytes());
        assertEquals(100, rq.flightSize());
        r = rq.onSack(sack(1, 1_000_000), 20 * MS);
        assertEquals(100, r.newlyAckedBytes());
        assertEquals(T3Action.STOP, r.t3());
        assertEquals(1L, rq.cumulativeTsnAck());
        assertTrue(rq.isEmpty());
        queue.enqueue(0, 53, bytes(5, 0), false, Reliability.reliable(), 0);
        assertEquals(2L, sendAll(30 * MS).get(0).tsn());
    }

    @Test
    void theThirdMissIndicationFastRetransmitsOnceAndOnlyOncePerLoss() {
        setUp(100, 1, 1_000_000);
        sendMessages(10, 0); // TSNs 1..10; TSN 1 is lost
        SackResult r = rq.onSack(sack(0, 1_000_000, 2, 2), 50 * MS);
        assertFalse(r.fastRetransmitNow());
        assertEquals(T3Action.NONE, r.t3());
        assertFalse(rq.onSack(sack(0, 1_000_000, 2, 3), 51 * MS).fastRetransmitNow());
        r = rq.onSack(sack(0, 1_000_000, 2, 4), 52 * MS);
        assertTrue(r.fastRetransmitNow());
        assertEquals(T3Action.RESTART, r.t3()); // the earliest outstanding chunk goes again (§7.2.4 rule 5)
        assertEquals(1, cc.fastRetransmits());
        assertTrue(cc.inFastRecovery());

        List<DataChunk> retransmitted = rq.nextToSend(53 * MS, ROOM);
        assertEquals(List.of(1L), retransmitted.stream().map(DataChunk::tsn).toList());
        assertEquals(1, rq.chunksRetransmitted());

        // more SACKs still missing TSN 1: it was fast-retransmitted already (§7.2.4 rule 6)
        for (int end = 5; end <= 9; end++) {
            assertFalse(rq.onSack(sack(0, 1_000_000, 2, end), (55 + end) * MS).fastRetransmitNow());
        }
        assertEquals(0, rq.nextToSend(70 * MS, ROOM).size());
        assertEquals(1, rq.chunksRetransmitted());
        SackResult done = rq.onSack(sack(10, 1_000_000), 100 * MS);
        assertEquals(T3Action.STOP, done.t3());
        assertFalse(cc.inFastRecovery()); // the exit point (TSN 10) is acked
    }

    @Test
    void missIndicationsCountOnlyBelowTheHighestNewlyAckedTsn() {
        setUp(100, 1, 1_000_000);
        sendMessages(10, 0);
        rq.onSack(sack(0, 1_000_000, 3, 3), 50 * MS); // TSN 3 newly acked: 1 and 2 get a miss
        rq.onSack(sack(0, 1_000_000, 3, 3), 51 * MS); // nothing new: no misses (HTNA)
        rq.onSack(sack(0, 1_000_000, 3, 3), 52 * MS);
        assertFalse(rq.onSack(sack(0, 1_000_000, 3, 4), 53 * MS).fastRetransmitNow()); // 2nd miss
        SackResult third = rq.onSack(sack(0, 1_000_000, 3, 5), 54 * MS);
        assertTrue(third.fastRetransmitNow());
        assertEquals(List.of(1L, 2L), rq.nextToSend(55 * MS, ROOM).stream().map(DataChunk::tsn).toList());
    }

    @Test
    void aSecondLossInTheSameRecoveryIsRetransmittedWithoutASecondWindowCut() {
        setUp(100, 1, 1_000_000);
        sendMessages(20, 0); // TSNs 1..20, 1 and 6 lost
        for (int end = 2; end <= 4; end++) {
            rq.onSack(sack(0, 1_000_000, 2, end), 50 * MS);
        }
        long cwndAfterCut = cc.cwnd();
        rq.nextToSend(51 * MS, ROOM);
        rq.onSack(sack(0, 1_000_000, 2, 5, 7, 7), 60 * MS);
        rq.onSack(sack(0, 1_000_000, 2, 5, 7, 8), 61 * MS);
        assertTrue(rq.onSack(sack(0, 1_000_000, 2, 5, 7, 9), 62 * MS).fastRetransmitNow());
        assertEquals(cwndAfterCut, cc.cwnd());
        assertEquals(2, cc.fastRetransmits());
        assertEquals(List.of(6L), rq.nextToSend(63 * MS, ROOM).stream().map(DataChunk::tsn).toList());
    }

    @Test
    void t3ExpiryRetransmitsEverythingOutstandingWithCwndOneMtuAndBacksOffTheRto() {
        setUp(100, 1, 1_000_000);
        sendMessages(10, 0);
        rq.onSack(sack(0, 1_000_000, 4, 4), 50 * MS); // TSN 4 gap-acked: it stays acked
        rq.onT3Expired(1000 * MS);
        assertEquals(MTU, cc.cwnd());
        assertEquals(0, rq.flightSize());
        assertEquals(2000 * MS, rq.rtoNanos());
        assertEquals(1, cc.t3Expiries());
        List<DataChunk> again = rq.nextToSend(1000 * MS, ROOM);
        assertEquals(List.of(1L, 2L, 3L, 5L, 6L, 7L, 8L, 9L, 10L), again.stream().map(DataChunk::tsn).toList());
        assertEquals(9, rq.chunksRetransmitted());
        assertTrue(rq.hasOutstanding());
    }

    @Test
    void afterT3RetransmissionsWaitForCwndAndComeBeforeNewData() {
        setUp(1172, 1, 1_000_000);
        sendMessages(4, 0, 1172); // cwnd 4404: four full chunks
        rq.onT3Expired(1000 * MS);
        queue.enqueue(0, 53, bytes(1172, 9), false, Reliability.reliable(), 1000 * MS);
        assertEquals(List.of(1L), tsns(rq.nextToSend(1000 * MS, ROOM)));
        assertEquals(List.of(2L), tsns(rq.nextToSend(1000 * MS, ROOM))); // 1172 < cwnd 1200: one more chunk
        assertEquals(List.of(), tsns(rq.nextToSend(1000 * MS, ROOM)));
        SackResult r = rq.onSack(sack(2, 1_000_000), 1100 * MS);
        assertEquals(T3Action.RESTART, r.t3());
        assertEquals(List.of(3L, 4L, 5L), tsns(sendAll(1100 * MS)));
    }

    @Test
    void karnsRuleTakesNoRttFromARetransmittedChunk() {
        setUp(100, 1, 1_000_000);
        sendMessages(1, 0);
        rq.onT3Expired(1000 * MS);
        sendAll(1000 * MS);
        rq.onSack(sack(1, 1_000_000), 1050 * MS);
        assertEquals(OptionalLong.empty(), rto.srttNanos());
        assertEquals(2000 * MS, rq.rtoNanos());
        sendMessages(1, 2000 * MS);
        rq.onSack(sack(2, 1_000_000), 2080 * MS);
        assertEquals(OptionalLong.of(80 * MS), rto.srttNanos());
        assertEquals(RtoEstimator.DEFAULT_MIN_NANOS, rq.rtoNanos()); // 80 + 4*40 = 240 -> RTO.Min
    }

    @Test
    void oneRttMeasurementAtATime() {
        setUp(100, 1, 1_000_000);
        sendMessages(1, 0);
        sendMessages(1, 10 * MS);
        rq.onSack(sack(2, 1_000_000), 100 * MS); // only TSN 1 was timed: 100 ms, not 90 ms
        assertEquals(OptionalLong.of(100 * MS), rto.srttNanos());
    }

    @Test
    void aZeroWindowAllowsOneProbeChunkWhenNothingIsInFlight() {
        setUp(100, 1, 0);
        sendMessagesQueuedOnly(5);
        assertEquals(List.of(1L), tsns(sendAll(0)));
        SackResult r = rq.onSack(sack(1, 0), 50 * MS);
        assertEquals(T3Action.STOP, r.t3());
        assertEquals(List.of(2L), tsns(sendAll(60 * MS))); // still zero: the next probe
        rq.onSack(sack(2, 250), 100 * MS);
        assertEquals(List.of(3L, 4L), tsns(sendAll(110 * MS))); // 250 bytes: two 100-byte chunks
        assertEquals(50, rq.peerRwnd());
    }

    @Test
    void rwndIsTheAdvertisedWindowLessTheBytesStillInFlight() {
        setUp(100, 1, 1_000_000);
        sendMessages(10, 0);
        rq.onSack(sack(3, 5000, 5, 5), 50 * MS); // 1..3 cum, 8 gap: 6 chunks in flight
        assertEquals(600, rq.flightSize());
        assertEquals(5000 - 600, rq.peerRwnd());
    }

    @Test
    void aStaleSackIsIgnoredAndOneForATsnNeverSentIsInvalid() {
        setUp(100, 1, 1_000_000);
        sendMessages(10, 0);
        rq.onSack(sack(5, 10_000), 50 * MS);
        long rwnd = rq.peerRwnd();
        SackResult stale = rq.onSack(sack(3, 999_999, 4, 6), 60 * MS);
        assertEquals(SackStatus.STALE, stale.status());
        assertEquals(rwnd, rq.peerRwnd());
        assertEquals(5L, rq.cumulativeTsnAck());
        assertEquals(SackStatus.INVALID, rq.onSack(sack(11, 10_000), 70 * MS).status());
        assertEquals(SackStatus.PROCESSED, rq.onSack(sack(5, 10_000), 80 * MS).status()); // same cum ack is fine
    }

    @Test
    void aRenegedGapAckPutsTheChunkBackInFlightAndAsksForTheTimer() {
        setUp(100, 1, 1_000_000);
        sendMessages(5, 0);
        rq.onSack(sack(1, 1_000_000, 2, 3), 50 * MS); // 3 and 4 gap-acked
        assertEquals(200, rq.flightSize());
        SackResult r = rq.onSack(sack(1, 1_000_000, 3, 3), 60 * MS); // 3 reneged (4 still acked)
        assertEquals(T3Action.START_IF_STOPPED, r.t3());
        assertEquals(300, rq.flightSize());
    }

    @Test
    void maxRetransmitsZeroAbandonsOnTheFirstT3AndForwardTsnSkipsTheirSsns() {
        setUp(100, 1, 1_000_000);
        // queued in this order; the round robin by stream id sends them as the TSN comments say
        queue.enqueue(1, 51, bytes(100, 0), false, Reliability.maxRetransmits(0), 0); // TSN 1, SSN 0
        queue.enqueue(2, 51, bytes(250, 0), false, Reliability.maxRetransmits(0), 0); // TSN 2-4, SSN 0
        queue.enqueue(3, 51, bytes(100, 0), true, Reliability.maxRetransmits(0), 0); // TSN 5, unordered
        queue.enqueue(1, 51, bytes(100, 0), false, Reliability.maxRetransmits(0), 0); // TSN 7, SSN 1
        queue.enqueue(4, 51, bytes(100, 0), false, Reliability.reliable(), 0); // TSN 6, reliable
        queue.enqueue(1, 51, bytes(100, 0), false, Reliability.maxRetransmits(0), 0); // TSN 8, SSN 2
        List<DataChunk> sent = sendAll(0);
        assertEquals(List.of(1, 2, 2, 2, 3, 4, 1, 1), sent.stream().map(DataChunk::streamId).toList());
        assertEquals(Optional.empty(), rq.forwardTsn());

        rq.onT3Expired(1000 * MS);
        assertEquals(5, rq.messagesAbandoned());
        assertEquals(5L, rq.advancedPeerAckPoint()); // up to the reliable TSN 6
        ForwardTsnChunk fwd = rq.forwardTsn().orElseThrow();
        assertEquals(5L, fwd.newCumulativeTsn());
        assertEquals(List.of(new ForwardTsnChunk.SkippedStream(1, 0), new ForwardTsnChunk.SkippedStream(2, 0)),
                fwd.skippedStreams()); // the unordered stream 3 is not listed
        assertEquals(Optional.of(fwd), rq.pollForwardTsn());
        assertEquals(Optional.empty(), rq.pollForwardTsn());
        assertEquals(List.of(6L), tsns(sendAll(1000 * MS))); // only the reliable chunk goes again
        assertEquals(MTU, cc.cwnd());

        // the peer has not seen the FORWARD TSN: its SACK asks for it again (RFC 3758 C3)
        SackResult r = rq.onSack(sack(0, 1_000_000), 1100 * MS);
        assertTrue(r.forwardTsnNeeded());
        assertEquals(0, r.newlyAckedBytes());
        assertTrue(rq.pollForwardTsn().isPresent());
        r = rq.onSack(sack(6, 1_000_000), 1200 * MS); // it skipped 1-5 and got 6
        assertEquals(100, r.newlyAckedBytes()); // abandoned chunks are not credited (RFC 3758 A2)
        assertTrue(r.forwardTsnNeeded()); // 7 and 8 are abandoned too
        assertEquals(T3Action.RESTART, r.t3());
        fwd = rq.pollForwardTsn().orElseThrow();
        assertEquals(8L, fwd.newCumulativeTsn());
        assertEquals(List.of(new ForwardTsnChunk.SkippedStream(1, 2)), fwd.skippedStreams());
        assertEquals(T3Action.STOP, rq.onSack(sack(8, 1_000_000), 1300 * MS).t3());
        assertEquals(Optional.empty(), rq.forwardTsn());
        assertTrue(rq.isEmpty());
    }

    @Test
    void maxRetransmitsOneAllowsOneRetransmission() {
        setUp(100, 1, 1_000_000);
        queue.enqueue(1, 51, bytes(100, 0), false, Reliability.maxRetransmits(1), 0);
        sendAll(0);
        rq.onT3Expired(1000 * MS);
        assertEquals(List.of(1L), tsns(sendAll(1000 * MS)));
        rq.onT3Expired(3000 * MS);
        assertEquals(1, rq.messagesAbandoned());
        assertEquals(List.of(), tsns(sendAll(3000 * MS)));
        assertEquals(1L, rq.forwardTsn().orElseThrow().newCumulativeTsn());
    }

    @Test
    void anAbandonedFragmentedMessageTakesItsUnsentFragmentsAlong() {
        setUp(100, 1, 1_000_000);
        queue.enqueue(1, 51, bytes(1000, 0), false, Reliability.maxLifetime(Duration.ofMillis(100)), 0);
        assertEquals(List.of(1L, 2L), tsns(rq.nextToSend(0, 2 * 116)));
        assertEquals(800, queue.bufferedAmount(1));
        // the rest would go now, but the lifetime passed: the message is abandoned (TR4)
        assertEquals(List.of(), tsns(rq.nextToSend(150 * MS, ROOM)));
        assertEquals(0, queue.bufferedAmount(1));
        assertEquals(1, rq.messagesAbandoned());
        assertEquals(0, rq.flightSize());
        // the unsent rest took TSN 3, abandoned and never sent, so the FORWARD TSN ends the message
        ForwardTsnChunk fwd = rq.pollForwardTsn().orElseThrow();
        assertEquals(3L, fwd.newCumulativeTsn());
        assertEquals(List.of(new ForwardTsnChunk.SkippedStream(1, 0)), fwd.skippedStreams());
        queue.enqueue(1, 51, bytes(10, 0), false, Reliability.reliable(), 150 * MS);
        DataChunk next = sendAll(150 * MS).get(0);
        assertEquals(4L, next.tsn());
        assertEquals(1, next.ssn());
    }

    @Test
    void aSentMessageWhoseLifetimePassedIsAbandonedAtT3InsteadOfRetransmitted() {
        setUp(100, 1, 1_000_000);
        queue.enqueue(1, 51, bytes(100, 0), false, Reliability.maxLifetime(Duration.ofMillis(500)), 0);
        queue.enqueue(2, 51, bytes(100, 0), false, Reliability.maxLifetime(Duration.ofMillis(5000)), 0);
        sendAll(0);
        rq.onT3Expired(1000 * MS); // TSN 1 expired at 500 ms, TSN 2 lives until 5 s
        assertEquals(List.of(2L), tsns(sendAll(1000 * MS)));
        assertEquals(1, rq.messagesAbandoned());
        assertEquals(new ForwardTsnChunk(1, List.of(new ForwardTsnChunk.SkippedStream(1, 0))),
                rq.pollForwardTsn().orElseThrow());
    }

    @Test
    void aForwardTsnListsNoMoreStreamsThanFitOnePacket() {
        setUp(100, 1, 1_000_000);
        int streams = 300; // (1200 - 12 - 8) / 4 = 295 fit
        for (int id = 0; id < streams; id++) {
            queue.enqueue(id, 51, bytes(1, id), false, Reliability.maxRetransmits(0), 0);
        }
        assertEquals(streams, sendAll(0).size());
        rq.onT3Expired(1000 * MS);
        assertEquals(300L, rq.advancedPeerAckPoint());
        ForwardTsnChunk fwd = rq.forwardTsn().orElseThrow();
        assertEquals(295, fwd.skippedStreams().size());
        assertEquals(295L, fwd.newCumulativeTsn());
        rq.onSack(sack(295, 1_000_000), 1100 * MS);
        fwd = rq.forwardTsn().orElseThrow();
        assertEquals(300L, fwd.newCumulativeTsn());
        assertEquals(5, fwd.skippedStreams().size());
    }

    @Test
    void unsentMessagesWhoseLifetimePassedAreDroppedWithoutATsn() {
        setUp(1172, 1, 1_000_000);
        sendMessages(4, 0, 1172); // the window is full
        queue.setBufferedAmountLowThreshold(5, 0);
        queue.enqueue(5, 51, bytes(500, 0), false, Reliability.maxLifetime(Duration.ofMillis(100)), 0);
        queue.enqueue(5, 51, bytes(300, 0), false, Reliability.reliable(), 0);
        assertEquals(List.of(), tsns(rq.nextToSend(50 * MS, ROOM)));
        assertEquals(800, queue.bufferedAmount(5));
        rq.onSack(sack(4, 1_000_000), 200 * MS);
        List<DataChunk> sent = sendAll(200 * MS);
        assertEquals(List.of(5L), tsns(sent));
        assertEquals(300, sent.get(0).userData().length);
        assertEquals(0, sent.get(0).ssn()); // the dropped message never took SSN 0
        assertEquals(1, rq.messagesAbandoned());
        assertEquals(Optional.empty(), rq.forwardTsn()); // nothing to skip: it had no TSN
        assertEquals(List.of(0, 5), lows); // stream 0 emptied first (threshold 0), then stream 5
    }

    @Test
    void bufferedAmountFallsAsChunksAreFirstSentAndNotOnRetransmission() {
        setUp(100, 1, 1_000_000);
        queue.setBufferedAmountLowThreshold(2, 150);
        queue.enqueue(2, 53, bytes(400, 0), false, Reliability.reliable(), 0);
        rq.nextToSend(0, 2 * 116);
        assertEquals(200, queue.bufferedAmount(2));
        assertEquals(List.of(), lows);
        rq.nextToSend(0, 116);
        assertEquals(100, queue.bufferedAmount(2));
        assertEquals(List.of(2), lows);
        rq.onT3Expired(1000 * MS);
        sendAll(1000 * MS);
        assertEquals(List.of(2), lows);
        assertTrue(rq.hasPendingData(2));
    }

    @Test
    void streamsTakeTurnsOnTheWire() {
        setUp(100, 1, 1_000_000);
        for (int i = 0; i < 3; i++) {
            queue.enqueue(10, 51, bytes(10, i), false, Reliability.reliable(), 0);
            queue.enqueue(20, 51, bytes(10, i), false, Reliability.reliable(), 0);
            queue.enqueue(30, 51, bytes(10, i), false, Reliability.reliable(), 0);
        }
        assertEquals(List.of(10, 20, 30, 10, 20, 30, 10, 20, 30),
                sendAll(0).stream().map(DataChunk::streamId).toList());
    }

    @Test
    void aStreamHasPendingDataUntilItsChunksAreCumulativelyAcked() {
        setUp(100, 1, 1_000_000);
        queue.enqueue(3, 51, bytes(10, 0), false, Reliability.reliable(), 0);
        assertTrue(rq.hasPendingData(3));
        sendAll(0);
        assertTrue(rq.hasPendingData(3));
        assertFalse(rq.hasPendingData(4));
        rq.onSack(sack(1, 1_000_000), 10 * MS);
        assertFalse(rq.hasPendingData(3));
        assertTrue(rq.isEmpty());
        assertEquals(1, rq.messagesAcked());
    }

    @Test
    void aFullWindowGrowsInSlowStartAndAnUnderusedOneDoesNot() {
        setUp(1172, 1, 1_000_000);
        sendMessages(4, 0, 1172); // flight 4688 >= cwnd 4404
        rq.onSack(sack(2, 1_000_000), 50 * MS);
        assertEquals(4404 + 1200, cc.cwnd());
        rq.onSack(sack(4, 1_000_000), 60 * MS); // flight before 2344 < cwnd: no growth
        assertEquals(4404 + 1200, cc.cwnd());
    }

    // --- helpers

    private void sendMessages(int count, long nowNanos) {
        sendMessages(count, nowNanos, 100);
    }

    private void sendMessages(int count, long nowNanos, int size) {
        for (int i = 0; i < count; i++) {
            queue.enqueue(0, 53, bytes(size, i), false, Reliability.reliable(), nowNanos);
        }
        assertEquals(count, sendAll(nowNanos).size());
    }

    private void sendMessagesQueuedOnly(int count) {
        for (int i = 0; i < count; i++) {
            queue.enqueue(0, 53, bytes(100, i), false, Reliability.reliable(), 0);
        }
    }

    private List<DataChunk> sendAll(long nowNanos) {
        List<DataChunk> all = new ArrayList<>();
        for (List<DataChunk> p; !(p = rq.nextToSend(nowNanos, ROOM)).isEmpty(); ) {
            all.addAll(p);
        }
        assertTrue(rq.consistent());
        return all;
    }

    /** A SACK with gap blocks given as start, end offset pairs. */
    static SackChunk sack(long cum, long rwnd, int... blocks) {
        List<GapAckBlock> gaps = new ArrayList<>();
        for (int i = 0; i < blocks.length; i += 2) {
            gaps.add(new GapAckBlock(blocks[i], blocks[i + 1]));
        }
        return new SackChunk(cum & 0xFFFF_FFFFL, rwnd, gaps, List.of());
    }

    private static List<Long> tsns(List<DataChunk> chunks) {
        return chunks.stream().map(DataChunk::tsn).toList();
    }

    private static String flags(List<DataChunk> chunks) {
        return String.join(" ", chunks.stream()
                .map(c -> (c.beginning() ? "B" : "-") + (c.ending() ? "E" : "-")).toList());
    }
}
