package dev.parley.rtc.sctp;

import dev.parley.rtc.sctp.SctpProtocolViolation.Reason;
import java.util.ArrayList;
import java.util.List;

/**
 * The fragments received so far of one ordered message: one stream, one stream sequence number
 * (RFC 9260 §6.9). Fragments carry consecutive TSNs from the one with the B bit to the one with
 * the E bit, so the message is complete once both ends are here and the count of fragments
 * equals the span of TSNs between them. Each check costs O(1) per fragment; the fragments are
 * put in TSN order once, when the message is assembled.
 *
 * <p>Instances are reused by {@link InboundStream} after {@link #clear()}, so an ordered stream
 * receiving in order allocates nothing per message but the message itself.
 */
final class PartialMessage {
    private final ArrayList<DataChunk> fragments = new ArrayList<>(4);
    private boolean hasFirst;
    private boolean hasLast;
    private long firstTsn;
    private long lastTsn;
    private long minTsn;
    private long maxTsn;
    private long bytes;

    /**
     * Adds a fragment whose TSN has not been added before (the caller's {@link ReceivedTsns}
     * guarantees that).
     *
     * @throws SctpProtocolViolation if the message would exceed {@code maxMessageSize} or the
     *                               fragment cannot belong to the same message as the others
     */
    void add(DataChunk chunk, long maxMessageSize) {
        long tsn = chunk.tsn();
        if ((chunk.beginning() && hasFirst) || (chunk.ending() && hasLast)) {
            throw inconsistent(chunk, "a second " + (chunk.beginning() ? "beginning" : "end"));
        }
        long newBytes = bytes + chunk.userData().length;
        if (newBytes > maxMessageSize) {
            throw new SctpProtocolViolation(Reason.MESSAGE_TOO_LARGE, "message on stream "
                    + chunk.streamId() + " ssn " + chunk.ssn() + " exceeds " + maxMessageSize + " bytes");
        }
        long newMin = fragments.isEmpty() || Tsn.lessThan(tsn, minTsn) ? tsn : minTsn;
        long newMax = fragments.isEmpty() || Tsn.greaterThan(tsn, maxTsn) ? tsn : maxTsn;
        boolean first = hasFirst || chunk.beginning();
        boolean last = hasLast || chunk.ending();
        long firstAt = chunk.beginning() ? tsn : firstTsn;
        long lastAt = chunk.ending() ? tsn : lastTsn;
        // RFC 9260 §6.9: nothing of a message comes before its B fragment or after its E fragment.
        if ((first && newMin != firstAt) || (last && newMax != lastAt)) {
            throw inconsistent(chunk, "a fragment outside the message's first..last TSNs");
        }
        if (first && last && fragments.size() + 1 > Tsn.distance(firstAt, lastAt) + 1) {
            throw inconsistent(chunk, "more fragments than TSNs between first and last");
        }
        fragments.add(chunk);
        hasFirst = first;
        hasLast = last;
        firstTsn = firstAt;
        lastTsn = lastAt;
        minTsn = newMin;
        maxTsn = newMax;
        bytes = newBytes;
    }

    /** Whether every fragment from the B one to the E one is here. */
    boolean isComplete() {
        return hasFirst && hasLast && fragments.size() == Tsn.distance(firstTsn, lastTsn) + 1;
    }

    /** Bytes of user data held. */
    long bytes() {
        return bytes;
    }

    boolean isEmpty() {
        return fragments.isEmpty();
    }

    /** Copies the complete message into one array; the fragments stay until {@link #clear()}. */
    SctpMessage assemble(int streamId, boolean unordered) {
        if (!isComplete()) {
            throw new IllegalStateException("message is not complete");
        }
        if (!inTsnOrder()) {
            fragments.sort((a, b) -> Long.compare(Tsn.distance(firstTsn, a.tsn()), Tsn.distance(firstTsn, b.tsn())));
            if (!inTsnOrder()) {
                throw new IllegalStateException("the same TSN was added twice");
            }
        }
        return concatenate(fragments, streamId, unordered, bytes);
    }

    /** Forgets all fragments so the instance can hold another message. */
    void clear() {
        fragments.clear();
        hasFirst = false;
        hasLast = false;
        bytes = 0;
    }

    private boolean inTsnOrder() {
        for (int i = 0; i < fragments.size(); i++) {
            if (fragments.get(i).tsn() != Tsn.add(firstTsn, i)) {
                return false;
            }
        }
        return true;
    }

    /** One array holding the fragments' user data in list order; ppid from the first fragment. */
    static SctpMessage concatenate(List<DataChunk> inOrder, int streamId, boolean unordered, long bytes) {
        byte[] payload = new byte[Math.toIntExact(bytes)];
        int at = 0;
        for (DataChunk fragment : inOrder) {
            byte[] data = fragment.userData();
            System.arraycopy(data, 0, payload, at, data.length);
            at += data.length;
        }
        return new SctpMessage(streamId, inOrder.get(0).ppid(), unordered, payload);
    }

    private static SctpProtocolViolation inconsistent(DataChunk chunk, String what) {
        return new SctpProtocolViolation(Reason.INCONSISTENT_FRAGMENTS,
                "stream " + chunk.streamId() + " ssn " + chunk.ssn() + " tsn " + chunk.tsn() + ": " + what);
    }
}
