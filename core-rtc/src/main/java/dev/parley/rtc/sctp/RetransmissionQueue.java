package dev.parley.rtc.sctp;

import dev.parley.rtc.sctp.OutstandingChunk.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The send side of an association's DATA: what to put in the next packet, and what the peer's
 * SACKs and the T3-rtx timer mean for the chunks in flight (RFC 9260 §6.1–§6.3, §7.2; PR-SCTP,
 * RFC 3758 §3.5). Pure logic on the association's thread: the caller passes the time and owns the
 * T3-rtx timer.
 *
 * <p>How the association drives it:
 * <pre>
 *   to send:    chunks = nextToSend(now, room)      repeat per packet until empty;
 *               bundle pollForwardTsn() when present (RFC 3758 §3.5 F2);
 *               if chunks were sent and T3-rtx is stopped, start it with rtoNanos() (§6.3.2 R1)
 *   on SACK:    r = onSack(sack, now); apply r.t3() to the timer;
 *               if r.fastRetransmitNow(), send at once (the first packet ignores cwnd, §7.2.4 rule 4)
 *   on T3-rtx:  onT3Expired(now); send (the retransmissions and any FORWARD TSN);
 *               start T3-rtx again with rtoNanos() if hasOutstanding() (§6.3.3 E3, RFC 3758 C5)
 * </pre>
 *
 * <p>Chunks get TSNs in order and leave only from the front when the peer's cumulative TSN ack
 * passes them, so {@code outstanding.get(i)} has TSN {@code cumulativeTsnAck + 1 + i}. The flight
 * size counts payload bytes of chunks sent and not acknowledged, abandoned or deemed lost; the
 * peer's rwnd is its a_rwnd less that (§6.2.1). New data goes out while the flight size is below
 * cwnd — so a chunk may overshoot cwnd by less than one chunk, inside §6.1 rule B's
 * cwnd + PMTU − 1 — and is cut to what the peer's rwnd still takes, except that with nothing in
 * flight one chunk may always go (the zero window probe of §6.1 rule A).
 */
final class RetransmissionQueue {
    /** What the association does with its T3-rtx timer after a SACK (RFC 9260 §6.3.2). */
    enum T3Action {
        /** Leave it as it is. */
        NONE,
        /** Start it with the current RTO if it is not running (R4: a reneged chunk; RFC 3758 C5). */
        START_IF_STOPPED,
        /** (Re)start it with the current RTO (R3; §7.2.4 rule 5). */
        RESTART,
        /** Stop it: nothing is outstanding (R2). */
        STOP
    }

    enum SackStatus {
        PROCESSED,
        /** Its cumulative TSN ack is behind one already seen: out of order, dropped (§6.2.1 D i). */
        STALE,
        /** It acknowledges a TSN never sent: a protocol violation the association may abort on. */
        INVALID
    }

    /**
     * @param status           whether the SACK was used
     * @param t3               what to do with the T3-rtx timer
     * @param fastRetransmitNow chunks were marked for fast retransmit: send a packet now
     * @param forwardTsnNeeded the peer's cumulative ack is behind the Advanced.Peer.Ack.Point:
     *                         a FORWARD TSN is to be sent (RFC 3758 §3.5 C3)
     * @param newlyAckedBytes  payload bytes this SACK acknowledged for the first time
     */
    record SackResult(SackStatus status, T3Action t3, boolean fastRetransmitNow, boolean forwardTsnNeeded,
                      long newlyAckedBytes) {
        static final SackResult STALE = new SackResult(SackStatus.STALE, T3Action.NONE, false, false, 0);
        static final SackResult INVALID = new SackResult(SackStatus.INVALID, T3Action.NONE, false, false, 0);
    }

    private static final int FORWARD_TSN_HEADER = 8;
    private static final int SKIPPED_STREAM_SIZE = 4;

    private final SendQueue sendQueue;
    private final CongestionControl cc;
    private final RtoEstimator rto;
    private final int maxForwardTsnStreams;
    private final ArrayList<OutstandingChunk> outstanding = new ArrayList<>();
    private long cumulativeTsnAck;
    private long nextTsn;
    private long advancedPeerAckPoint;
    private long flightSize;
    /** Entries in state ACKED, so that a SACK need not look for reneged chunks when there are none. */
    private int gapAckedCount;
    /** Entries in state TO_RETRANSMIT, so that sending need not walk the whole queue when there are none. */
    private int toRetransmitCount;
    private long peerRwnd;
    private boolean timing;
    private boolean fastRetransmitPacketPending;
    private boolean forwardTsnPending;
    private long sackCount;
    private long chunksRetransmitted;
    private long bytesSent;
    private long messagesAbandoned;
    private long messagesAcked;

    /**
     * @param initialTsn the Initial TSN of our INIT or INIT ACK (RFC 9260 §5.1)
     * @param peerRwnd   the a_rwnd of the peer's INIT or INIT ACK
     */
    RetransmissionQueue(SendQueue sendQueue, CongestionControl cc, RtoEstimator rto, long initialTsn, long peerRwnd) {
        this.sendQueue = sendQueue;
        this.cc = cc;
        this.rto = rto;
        this.nextTsn = initialTsn & Tsn.MASK;
        this.cumulativeTsnAck = Tsn.add(initialTsn, -1);
        this.advancedPeerAckPoint = cumulativeTsnAck;
        this.peerRwnd = peerRwnd;
        // a FORWARD TSN must fit one packet with the SCTP common header (RFC 3758 §3.5 C4)
        this.maxForwardTsnStreams = Math.max(1, (cc.mtu() - 12 - FORWARD_TSN_HEADER) / SKIPPED_STREAM_SIZE);
    }

    /**
     * The DATA chunks for the next packet, at most {@code maxBytes} of chunk space (each chunk
     * padded to 4 bytes): first chunks marked for retransmission, lowest TSN first, then new
     * fragments from the send queue. Right after a SACK that marked chunks for fast retransmit,
     * the packet holds only those and ignores cwnd (RFC 9260 §7.2.4 rule 4). An empty list means
     * nothing may or can be sent now.
     */
    List<DataChunk> nextToSend(long nowNanos, int maxBytes) {
        cc.beforeSend(nowNanos, rto.rtoNanos());
        List<DataChunk> packet = new ArrayList<>();
        int room = maxBytes;
        if (fastRetransmitPacketPending) {
            fastRetransmitPacketPending = false;
            for (int i = 0; i < outstanding.size(); i++) {
                OutstandingChunk c = outstanding.get(i);
                if (c.state != State.TO_RETRANSMIT || !c.fastRetransmitPending || abandonIfExpired(c, nowNanos)) {
                    continue;
                }
                if (c.wireSize() > room) {
                    break;
                }
                room -= send(c, nowNanos, packet);
            }
            if (!packet.isEmpty()) {
                cc.onDataSent(nowNanos);
                return packet;
            }
        }
        boolean retransmissionWaits = false;
        for (int i = 0; toRetransmitCount > 0 && i < outstanding.size() && flightSize < cc.cwnd(); i++) {
            OutstandingChunk c = outstanding.get(i);
            if (c.state != State.TO_RETRANSMIT || abandonIfExpired(c, nowNanos)) {
                continue;
            }
            if (c.wireSize() > room) {
                retransmissionWaits = true; // §6.1 C: retransmissions before new data
                break;
            }
            room -= send(c, nowNanos, packet);
        }
        while (!retransmissionWaits && flightSize < cc.cwnd()) {
            OutgoingMessage current = sendQueue.inProgress();
            if (current != null && current.expired(nowNanos)) {
                abandon(current); // RFC 3758 §4.1 TR4: the rest of the message goes with it
            }
            boolean probe = flightSize == 0;
            int maxPayload = ((room - DataChunk.HEADER_SIZE) / 4) * 4;
            if (!probe) {
                maxPayload = (int) Math.min(maxPayload, peerRwnd);
            }
            SendQueue.Fragment fragment = maxPayload > 0 ? sendQueue.nextFragment(nowNanos, maxPayload) : null;
            if (fragment == null) {
                break;
            }
            OutgoingMessage m = fragment.message();
            DataChunk chunk = new DataChunk(nextTsn, m.streamId, m.ssn, m.ppid, m.unordered,
                    fragment.beginning(), fragment.ending(), false, fragment.data());
            nextTsn = Tsn.add(nextTsn, 1);
            OutstandingChunk c = new OutstandingChunk(chunk, m);
            m.unackedChunks++;
            outstanding.add(c);
            room -= send(c, nowNanos, packet);
            if (probe && peerRwnd == 0) {
                break; // §6.1 A: one chunk probes a zero window
            }
        }
        if (!packet.isEmpty()) {
            cc.onDataSent(nowNanos);
        }
        return packet;
    }

    /** Process a SACK (RFC 9260 §6.2.1, §6.3.2, §7.2; RFC 3758 §3.5 C1–C3). */
    SackResult onSack(SackChunk sack, long nowNanos) {
        long cumAck = sack.cumulativeTsnAck();
        if (Tsn.lessThan(cumAck, cumulativeTsnAck)) {
            return SackResult.STALE;
        }
        long highestSent = Tsn.add(nextTsn, -1);
        if (Tsn.greaterThan(cumAck, highestSent)) {
            return SackResult.INVALID;
        }
        sackCount++;
        long flightBefore = flightSize;
        boolean cumAdvanced = Tsn.greaterThan(cumAck, cumulativeTsnAck);
        long newlyAcked = 0;

        int cumAcked = (int) Tsn.distance(cumulativeTsnAck, cumAck);
        for (int i = 0; i < cumAcked; i++) {
            OutstandingChunk c = outstanding.get(i);
            newlyAcked += acknowledge(c, nowNanos);
            if (c.state == State.ACKED) {
                gapAckedCount--; // leaves the queue
            }
            OutgoingMessage m = c.message;
            if (--m.unackedChunks == 0 && m.fullyFragmented() && !m.abandoned) {
                messagesAcked++;
            }
        }
        outstanding.subList(0, cumAcked).clear();
        cumulativeTsnAck = cumAck;

        // Gap ack blocks: offsets from the cumulative ack, so index = offset - 1 (§3.3.4).
        long highestNewlyAcked = -1;
        int highestReported = -1;
        int reported = 0;
        for (GapAckBlock block : sack.gapAckBlocks()) {
            int end = Math.min(block.end(), outstanding.size());
            for (int offset = block.start(); offset <= end; offset++) {
                OutstandingChunk c = outstanding.get(offset - 1);
                long bytes = acknowledge(c, nowNanos);
                if (bytes > 0) {
                    newlyAcked += bytes;
                    highestNewlyAcked = Math.max(highestNewlyAcked, offset - 1);
                }
                if (c.state == State.ACKED && c.gapAckedInSack != sackCount) {
                    c.gapAckedInSack = sackCount;
                    reported++;
                }
            }
            highestReported = Math.max(highestReported, end - 1);
        }
        boolean reneged = false;
        for (int i = 0; i < outstanding.size() && reported < gapAckedCount; i++) {
            OutstandingChunk c = outstanding.get(i);
            if (c.state == State.ACKED && c.gapAckedInSack != sackCount) {
                moveTo(c, State.IN_FLIGHT); // the peer dropped it (§6.2.1); count it again, R4
                gapAckedCount--;
                c.missIndications = 0;
                flightSize += c.size();
                reneged = true;
            }
        }

        boolean wasInFastRecovery = cc.inFastRecovery();
        cc.onSack(cumAck, newlyAcked, flightBefore, outstanding.isEmpty());

        // Miss indications, HTNA (§7.2.4): below the highest TSN newly acked; in Fast Recovery, a SACK
        // that advances the cumulative ack counts every TSN it reports missing.
        int missLimit = wasInFastRecovery && cumAdvanced ? highestReported : (int) highestNewlyAcked;
        List<OutstandingChunk> lost = new ArrayList<>();
        for (int i = 0; i < missLimit; i++) {
            OutstandingChunk c = outstanding.get(i);
            if (c.state == State.IN_FLIGHT && ++c.missIndications >= 3 && !c.fastRetransmitted) {
                lost.add(c);
            }
        }
        boolean marked = false;
        boolean earliestMarked = false;
        if (!lost.isEmpty()) {
            for (OutstandingChunk c : lost) {
                if (c.state != State.IN_FLIGHT) {
                    continue; // its message was abandoned by an earlier chunk of this loop
                }
                if (c.message.retransmissionsExhausted(c.transmissions) || c.message.expired(nowNanos)) {
                    abandon(c.message);
                    continue;
                }
                markForRetransmission(c);
                c.fastRetransmitPending = true;
                c.fastRetransmitted = true; // §7.2.4 rule 6
                marked = true;
                earliestMarked |= c == outstanding.get(0);
            }
            cc.onFastRetransmit(highestSent); // §7.2.4 rules 3, 7 (and RFC 3758 F5 for abandoned ones)
        }
        fastRetransmitPacketPending = marked;
        peerRwnd = Math.max(0, sack.receiverWindow() - flightSize); // §6.2.1 D iv

        // RFC 3758 §3.5 C1–C3
        if (Tsn.lessThan(advancedPeerAckPoint, cumAck)) {
            advancedPeerAckPoint = cumAck;
        }
        advanceAckPoint();
        boolean forwardTsnNeeded = Tsn.greaterThan(advancedPeerAckPoint, cumAck);
        forwardTsnPending |= forwardTsnNeeded;

        return new SackResult(SackStatus.PROCESSED,
                t3Action(cumAdvanced, reneged, earliestMarked), marked, forwardTsnNeeded, newlyAcked);
    }

    /**
     * T3-rtx expired (RFC 9260 §6.3.3): cwnd to one MTU, RTO doubled, every chunk in flight marked
     * for retransmission — or abandoned when its message's PR-SCTP limit is reached (RFC 3758 §4.1
     * TR4), after which the Advanced.Peer.Ack.Point may move (RFC 3758 §3.5 A5).
     */
    void onT3Expired(long nowNanos) {
        cc.onT3Expired();
        rto.backOff();
        fastRetransmitPacketPending = false;
        List<OutgoingMessage> toAbandon = new ArrayList<>();
        for (OutstandingChunk c : outstanding) {
            if (c.state != State.IN_FLIGHT && c.state != State.TO_RETRANSMIT) {
                continue;
            }
            if (c.message.retransmissionsExhausted(c.transmissions) || c.message.expired(nowNanos)) {
                toAbandon.add(c.message);
            } else {
                markForRetransmission(c);
            }
        }
        toAbandon.forEach(this::abandon);
        advanceAckPoint();
        // RFC 3758 §3.5 A5, C3: a FORWARD TSN goes out at each expiry while the ack point is ahead of the
        // peer's cumulative ack. The last one may have been lost, and with nothing else in flight no SACK
        // will ask for it again.
        forwardTsnPending |= Tsn.greaterThan(advancedPeerAckPoint, cumulativeTsnAck);
    }

    /**
     * The FORWARD TSN for the current Advanced.Peer.Ack.Point, or empty when the peer's cumulative
     * ack has reached it. Lists the highest abandoned SSN of each ordered stream skipped
     * (RFC 3758 §3.5 C4), and stops short of the ack point when more streams would not fit a packet.
     */
    Optional<ForwardTsnChunk> forwardTsn() {
        int skipped = (int) Tsn.distance(cumulativeTsnAck, advancedPeerAckPoint);
        if (skipped <= 0) {
            return Optional.empty();
        }
        TreeMap<Integer, Integer> lastSsn = new TreeMap<>();
        long newCumulativeTsn = cumulativeTsnAck;
        for (int i = 0; i < skipped && i < outstanding.size(); i++) {
            DataChunk chunk = outstanding.get(i).chunk;
            if (!chunk.unordered()) {
                Integer ssn = lastSsn.get(chunk.streamId());
                if (ssn == null && lastSsn.size() == maxForwardTsnStreams) {
                    break;
                }
                if (ssn == null || Tsn.ssnLessThan(ssn, chunk.ssn())) {
                    lastSsn.put(chunk.streamId(), chunk.ssn());
                }
            }
            newCumulativeTsn = chunk.tsn();
        }
        if (newCumulativeTsn == cumulativeTsnAck) {
            return Optional.empty();
        }
        List<ForwardTsnChunk.SkippedStream> streams = new ArrayList<>();
        lastSsn.forEach((id, ssn) -> streams.add(new ForwardTsnChunk.SkippedStream(id, ssn)));
        return Optional.of(new ForwardTsnChunk(newCumulativeTsn, streams));
    }

    /** The FORWARD TSN to bundle now, once per change or SACK that asks for it; empty otherwise. */
    Optional<ForwardTsnChunk> pollForwardTsn() {
        if (!forwardTsnPending) {
            return Optional.empty();
        }
        forwardTsnPending = false;
        return forwardTsn();
    }

    /** The current RTO, for the T3-rtx timer. */
    long rtoNanos() {
        return rto.rtoNanos();
    }

    /** Chunks with a TSN the peer has not cumulatively acknowledged (acked by gap, abandoned or not). */
    boolean hasOutstanding() {
        return !outstanding.isEmpty();
    }

    /** Nothing queued and nothing outstanding: SHUTDOWN may proceed (RFC 9260 §9.2). */
    boolean isEmpty() {
        return outstanding.isEmpty() && sendQueue.isEmpty();
    }

    /**
     * Whether the stream still has data queued or not cumulatively acknowledged; an outgoing
     * stream reset (RFC 6525 §5.1.2) waits until it has none.
     */
    boolean hasPendingData(int streamId) {
        if (sendQueue.hasQueued(streamId)) {
            return true;
        }
        for (OutstandingChunk c : outstanding) {
            if (c.chunk.streamId() == streamId) {
                return true;
            }
        }
        return false;
    }

    long flightSize() {
        return flightSize;
    }

    long peerRwnd() {
        return peerRwnd;
    }

    long cumulativeTsnAck() {
        return cumulativeTsnAck;
    }

    long advancedPeerAckPoint() {
        return advancedPeerAckPoint;
    }

    /** The TSN the next new chunk gets. */
    long nextTsn() {
        return nextTsn;
    }

    CongestionControl congestionControl() {
        return cc;
    }

    long chunksRetransmitted() {
        return chunksRetransmitted;
    }

    /** DATA payload bytes handed to the network, retransmissions included. */
    long bytesSent() {
        return bytesSent;
    }

    /** Messages given up: abandoned after they got a TSN, or dropped from the send queue unsent. */
    long messagesAbandoned() {
        return messagesAbandoned + sendQueue.messagesDropped();
    }

    /** Messages whose every chunk the peer has cumulatively acknowledged. */
    long messagesAcked() {
        return messagesAcked;
    }

    /** For tests: the running counts agree with the chunks, and TSNs are consecutive from the cumulative ack. */
    boolean consistent() {
        long flight = 0;
        int acked = 0;
        for (int i = 0; i < outstanding.size(); i++) {
            OutstandingChunk c = outstanding.get(i);
            if (c.tsn() != Tsn.add(cumulativeTsnAck, i + 1L)) {
                return false;
            }
            flight += c.state == State.IN_FLIGHT ? c.size() : 0;
            acked += c.state == State.ACKED ? 1 : 0;
        }
        return flight == flightSize && acked == gapAckedCount
                && Tsn.distance(cumulativeTsnAck, nextTsn) == outstanding.size() + 1L;
    }

    private int send(OutstandingChunk c, long nowNanos, List<DataChunk> packet) {
        c.transmissions++;
        if (c.transmissions > 1) {
            chunksRetransmitted++;
        } else if (!timing) {
            c.timed = true; // one RTT measurement at a time, on a chunk sent once (§6.3.1 C4, C5)
            timing = true;
        }
        moveTo(c, State.IN_FLIGHT);
        c.lastSentNanos = nowNanos;
        c.missIndications = 0;
        c.fastRetransmitPending = false;
        flightSize += c.size();
        peerRwnd = Math.max(0, peerRwnd - c.size()); // §6.2.1 B
        bytesSent += c.size();
        packet.add(c.chunk);
        return c.wireSize();
    }

    /** Acknowledge a chunk (cumulatively or by gap); returns the bytes newly acknowledged. */
    private long acknowledge(OutstandingChunk c, long nowNanos) {
        switch (c.state) {
            case ACKED, ABANDONED -> {
                return 0;
            }
            case IN_FLIGHT -> flightSize -= c.size();
            case TO_RETRANSMIT -> c.fastRetransmitPending = false;
        }
        moveTo(c, State.ACKED);
        gapAckedCount++;
        if (c.timed) {
            c.timed = false;
            timing = false;
            if (c.transmissions == 1) {
                rto.onRttMeasurement(nowNanos - c.lastSentNanos);
            }
        }
        return c.size();
    }

    private void markForRetransmission(OutstandingChunk c) {
        if (c.state == State.IN_FLIGHT) {
            flightSize -= c.size();
        }
        moveTo(c, State.TO_RETRANSMIT);
        stopTiming(c); // Karn: its acknowledgement will not say which transmission arrived
    }

    private boolean abandonIfExpired(OutstandingChunk c, long nowNanos) {
        if (c.message.expired(nowNanos)) {
            abandon(c.message);
            return true;
        }
        return false;
    }

    /** RFC 3758 §3.5 A2/A3: the message's chunks count as acknowledged, without credit to cwnd. */
    private void abandon(OutgoingMessage m) {
        if (m.abandoned) {
            return;
        }
        m.abandoned = true;
        messagesAbandoned++;
        for (OutstandingChunk c : outstanding) {
            if (c.message == m) {
                if (c.state == State.IN_FLIGHT) {
                    flightSize -= c.size();
                } else if (c.state == State.ACKED) {
                    gapAckedCount--;
                }
                moveTo(c, State.ABANDONED);
                c.fastRetransmitPending = false;
                stopTiming(c);
            }
        }
        boolean cutShort = m.fragmentedBytes > 0 && !m.fullyFragmented();
        sendQueue.discard(m);
        if (cutShort) {
            // RFC 3758 §3.5 A3 abandons every fragment, but ours are cut lazily and the unsent rest has no
            // TSN. It gets one, as an abandoned last fragment never sent: the FORWARD TSN then moves past it
            // naming the message's stream and SSN (C4) even when every sent fragment was already acknowledged,
            // and the peer never sees a message begin right after a fragment that did not end one (§6.9 of
            // RFC 9260).
            DataChunk rest = new DataChunk(nextTsn, m.streamId, m.ssn, m.ppid, m.unordered, false, true, false,
                    new byte[0]);
            nextTsn = Tsn.add(nextTsn, 1);
            OutstandingChunk placeholder = new OutstandingChunk(rest, m);
            moveTo(placeholder, State.ABANDONED);
            m.unackedChunks++;
            outstanding.add(placeholder);
        }
        advanceAckPoint();
    }

    /** RFC 3758 §3.5 C2: move the Advanced.Peer.Ack.Point over abandoned chunks next to it. */
    private void advanceAckPoint() {
        if (Tsn.lessThan(advancedPeerAckPoint, cumulativeTsnAck)) {
            advancedPeerAckPoint = cumulativeTsnAck;
        }
        int i = (int) Tsn.distance(cumulativeTsnAck, advancedPeerAckPoint);
        boolean moved = false;
        while (i < outstanding.size() && outstanding.get(i).state == State.ABANDONED) {
            advancedPeerAckPoint = outstanding.get(i).tsn();
            i++;
            moved = true;
        }
        if (moved) {
            forwardTsnPending = true;
        }
    }

    private void moveTo(OutstandingChunk c, State next) {
        if (c.state == State.TO_RETRANSMIT) {
            toRetransmitCount--;
        }
        if (next == State.TO_RETRANSMIT) {
            toRetransmitCount++;
        }
        c.state = next;
    }

    private void stopTiming(OutstandingChunk c) {
        if (c.timed) {
            c.timed = false;
            timing = false;
        }
    }

    private T3Action t3Action(boolean cumAdvanced, boolean reneged, boolean earliestMarked) {
        if (outstanding.isEmpty()) {
            return T3Action.STOP; // R2
        }
        if (cumAdvanced || earliestMarked) {
            return T3Action.RESTART; // R3; §7.2.4 rule 5 (the earliest chunk is fast-retransmitted now)
        }
        boolean unacked = flightSize > 0;
        for (int i = 0; i < outstanding.size() && !unacked; i++) {
            unacked = outstanding.get(i).state == State.TO_RETRANSMIT;
        }
        // R4; RFC 3758 C5: a pending FORWARD TSN (only abandoned or gap-acked chunks left) needs the timer
        return reneged || !unacked ? T3Action.START_IF_STOPPED : T3Action.NONE;
    }
}
