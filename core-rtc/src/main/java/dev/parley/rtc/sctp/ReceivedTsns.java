package dev.parley.rtc.sctp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which of the peer's TSNs we have received: the cumulative TSN ack point, the runs received
 * above it, and the duplicates seen since the last SACK — everything a SACK reports
 * (RFC 9260 §6.2, §3.3.4) — plus the FORWARD TSN move of the ack point (RFC 3758 §3.6).
 *
 * <pre>
 *   cumulative ack            gap ack blocks (offsets from the cumulative ack)
 *        |                     [start..end]     [start..end]
 *  ... x x x | . . . | x x x x | . . | x x | . . .
 *                                                ^ highest TSN
 * </pre>
 *
 * <p>TSNs are unwrapped internally into a 64-bit count that never wraps; the runs above the
 * cumulative ack are kept as {@code start -> end} entries of a sorted map, so accepting a TSN
 * costs O(log runs) and an in-order TSN with no gaps costs O(1) without allocating.
 *
 * <p>A TSN more than {@link #MAX_AHEAD} beyond the cumulative ack is refused as
 * {@link Result#OUT_OF_WINDOW}: a gap ack block can only express offsets up to 65535
 * (RFC 9260 §3.3.4), so we could never acknowledge it. The association drops such chunks
 * without acknowledging them and the peer retransmits them later (RFC 9260 §6.2 allows a
 * receiver to drop chunks it cannot hold). This also bounds the map to 32768 runs.
 *
 * <p>Not thread-safe: the association calls it on its one executor thread.
 */
final class ReceivedTsns {
    /** The farthest a TSN may be ahead of the cumulative ack and still be accepted. */
    static final int MAX_AHEAD = 0xFFFF;
    /** Bytes of a SACK chunk before its gap ack blocks (RFC 9260 §3.3.4). */
    static final int SACK_HEADER_SIZE = 16;
    /**
     * Default largest SACK chunk: a 1200-byte SCTP packet (the usual size for data channels over
     * DTLS, RFC 8831 §5) less the 12-byte common header. That is room for 293 four-byte entries.
     */
    static final int DEFAULT_MAX_SACK_BYTES = 1200 - 12;
    /** Duplicates remembered between two SACKs; more are counted but not listed. */
    static final int MAX_DUPLICATES = 32;

    /** What {@link #accept} made of a TSN. */
    enum Result {
        /** Not seen before: the chunk is to be processed. */
        NEW,
        /** At or below the cumulative ack, or already received: drop the chunk, report the TSN. */
        DUPLICATE,
        /** Too far ahead to acknowledge ({@link #MAX_AHEAD}): drop the chunk, report nothing. */
        OUT_OF_WINDOW
    }

    /** Unwrapped cumulative TSN ack: the low 32 bits are the wire value. */
    private long cumulative;
    /** Runs of received unwrapped TSNs above {@code cumulative + 1}: start -> end, inclusive. */
    private final TreeMap<Long, Long> runs = new TreeMap<>();
    private final long[] duplicates = new long[MAX_DUPLICATES];
    private int duplicateCount;
    private long duplicatesNotListed;
    private long outOfWindowCount;
    private boolean lastNewTouchedGap;

    /** @param peerInitialTsn the Initial TSN of the peer's INIT or INIT ACK (RFC 9260 §5.1) */
    ReceivedTsns(long peerInitialTsn) {
        if ((peerInitialTsn & ~Tsn.MASK) != 0) {
            throw new IllegalArgumentException("initial TSN out of 32-bit range");
        }
        // RFC 9260 §6.2: the cumulative ack starts at Initial TSN - 1. Keep the unwrapped value
        // at least 2^32 so that it never becomes negative.
        cumulative = (1L << 32) + peerInitialTsn - 1;
    }

    /**
     * Records the TSN of a received DATA chunk (RFC 9260 §6.2). Duplicates are remembered for the
     * next SACK's duplicate TSN list (at most {@link #MAX_DUPLICATES}).
     */
    Result accept(long tsn) {
        lastNewTouchedGap = false;
        long ahead = Tsn.distance(cumulativeTsnAck(), tsn);
        if (ahead <= 0) {
            recordDuplicate(tsn);
            return Result.DUPLICATE;
        }
        if (ahead > MAX_AHEAD) {
            outOfWindowCount++;
            return Result.OUT_OF_WINDOW;
        }
        long u = cumulative + ahead;
        boolean hadGaps = !runs.isEmpty();
        if (ahead == 1) {
            cumulative = u;
            absorbFirstRun();
        } else {
            Map.Entry<Long, Long> below = runs.floorEntry(u);
            if (below != null && below.getValue() >= u) {
                recordDuplicate(tsn);
                return Result.DUPLICATE;
            }
            long start = u;
            if (below != null && below.getValue() == u - 1) {
                start = below.getKey();
            }
            Long aboveEnd = runs.remove(u + 1);
            runs.put(start, aboveEnd != null ? aboveEnd : u);
        }
        // RFC 9260 §6.7: SACK at once when a gap is seen, and after each packet while gaps remain.
        // We also count a chunk that fills (part of) a gap, so the sender learns at once that
        // its retransmission arrived (TCP does the same, RFC 5681 §3.2).
        lastNewTouchedGap = hadGaps || !runs.isEmpty();
        return Result.NEW;
    }

    /**
     * Whether the last {@link #accept} returned {@link Result#NEW} for a TSN that created, lay
     * beyond, or filled (part of) a gap, i.e. whether RFC 9260 §6.7 wants the SACK sent now
     * rather than delayed. False after a DUPLICATE or OUT_OF_WINDOW result (a packet of only
     * duplicates gets an immediate SACK by RFC 9260 §6.2 anyway; the association knows that).
     */
    boolean lastAcceptCreatedOrFilledGap() {
        return lastNewTouchedGap;
    }

    /** The cumulative TSN ack point, 0..2^32-1. */
    long cumulativeTsnAck() {
        return cumulative & Tsn.MASK;
    }

    /**
     * The highest TSN received or skipped by FORWARD TSN, for RFC 9260 §6.2's rule that a
     * receiver with no window drops DATA above the highest TSN it holds.
     */
    long highestTsn() {
        return (runs.isEmpty() ? cumulative : runs.lastEntry().getValue()) & Tsn.MASK;
    }

    /** Whether any TSN above the cumulative ack has been received (there are gap ack blocks). */
    boolean hasGaps() {
        return !runs.isEmpty();
    }

    /** TSNs dropped so far because they were more than {@link #MAX_AHEAD} ahead. */
    long outOfWindowCount() {
        return outOfWindowCount;
    }

    /** Duplicates received since the last SACK that did not fit the list of {@link #MAX_DUPLICATES}. */
    long duplicatesNotListed() {
        return duplicatesNotListed;
    }

    /** {@link #toSack(long, int)} for a SACK chunk of at most {@link #DEFAULT_MAX_SACK_BYTES}. */
    SackChunk toSack(long receiverWindow) {
        return toSack(receiverWindow, DEFAULT_MAX_SACK_BYTES);
    }

    /**
     * Builds a SACK (RFC 9260 §3.3.4, §6.2) and forgets the duplicates it lists.
     *
     * <p>Gap ack blocks come first and the lowest ones are kept when not all fit, since those are
     * the ones the sender's fast retransmit needs (RFC 9260 §6.2 asks for as many blocks as fit
     * the path MTU); duplicates fill whatever room is left.
     *
     * @param receiverWindow a_rwnd in bytes; clamped to 0..2^32-1 so a caller may pass
     *                       {@code capacity - buffered} even when that is negative
     * @param maxChunkBytes  the largest SACK chunk the packet has room for, at least 16
     */
    SackChunk toSack(long receiverWindow, int maxChunkBytes) {
        if (maxChunkBytes < SACK_HEADER_SIZE) {
            throw new IllegalArgumentException("a SACK chunk needs at least 16 bytes");
        }
        int room = (maxChunkBytes - SACK_HEADER_SIZE) / 4;
        List<GapAckBlock> blocks = new ArrayList<>(Math.min(room, runs.size()));
        for (Map.Entry<Long, Long> run : runs.entrySet()) {
            if (blocks.size() == room) {
                break;
            }
            blocks.add(new GapAckBlock((int) (run.getKey() - cumulative), (int) (run.getValue() - cumulative)));
        }
        int listed = Math.min(duplicateCount, room - blocks.size());
        List<Long> dups = new ArrayList<>(listed);
        for (int i = 0; i < listed; i++) {
            dups.add(duplicates[i]);
        }
        duplicateCount = 0;
        duplicatesNotListed = 0;
        long window = Math.max(0, Math.min(receiverWindow, Tsn.MASK));
        return new SackChunk(cumulativeTsnAck(), window, blocks, dups);
    }

    /**
     * Moves the cumulative ack to the FORWARD TSN's New Cumulative TSN and then over whatever was
     * received just above it (RFC 3758 §3.6). A value at or behind the current ack point is
     * out of date and changes nothing; the association should still SACK (RFC 3758 §3.6).
     *
     * @return whether the cumulative ack moved
     */
    boolean forwardTo(long newCumulativeTsn) {
        long ahead = Tsn.distance(cumulativeTsnAck(), newCumulativeTsn);
        if (ahead <= 0) {
            return false;
        }
        cumulative += ahead;
        // Drop runs now at or below the ack point; a run straddling it carries the ack past its end.
        while (!runs.isEmpty() && runs.firstKey() <= cumulative) {
            Map.Entry<Long, Long> first = runs.pollFirstEntry();
            cumulative = Math.max(cumulative, first.getValue());
        }
        absorbFirstRun();
        return true;
    }

    /** RFC 9260 §6.2: the ack point advances over TSNs already received in sequence. */
    private void absorbFirstRun() {
        if (!runs.isEmpty() && runs.firstKey() == cumulative + 1) {
            cumulative = runs.pollFirstEntry().getValue();
        }
    }

    private void recordDuplicate(long tsn) {
        if (duplicateCount < MAX_DUPLICATES) {
            duplicates[duplicateCount++] = tsn;
        } else {
            duplicatesNotListed++;
        }
    }
}
