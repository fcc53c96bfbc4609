package dev.parley.rtc.sctp;

import dev.parley.rtc.sctp.SctpProtocolViolation.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Fragments of unordered messages waiting for the rest of their message (RFC 9260 §6.9).
 * An unordered message has no usable SSN, so its fragments are found by TSN alone: they carry
 * consecutive TSNs from the one with the B bit to the one with the E bit.
 *
 * <p>Fragments are kept by TSN, and grouped into runs of consecutive TSNs that can belong to one
 * message: a run never continues past a fragment with the E bit nor before one with the B bit.
 * A run that starts with B and ends with E is a whole message. Adding a fragment looks only at
 * the runs just below and just above it, so it costs O(log n) however the fragments arrive.
 *
 * <pre>
 *   TSN   10(B) 11  12(E) | 13(B) 14  . . 17(E)
 *         [ run 10..12  ] | [13..14]     [17]     run 10..12 is a message; 13..14 waits for 15, 16
 * </pre>
 *
 * <p>TSN keys are compared in serial arithmetic, which is a total order here because every TSN
 * held lies within {@link ReceivedTsns#MAX_AHEAD} of the cumulative ack.
 */
final class UnorderedFragments {
    private static final Comparator<Long> SERIAL = (a, b) -> Long.signum(Tsn.distance(b, a));

    /** A run of consecutive TSNs of one stream's unordered fragments. */
    private static final class Run {
        final long start;
        long end;
        final int streamId;
        final boolean startsWithBeginning;
        boolean endsWithEnding;
        long bytes;

        Run(long start, int streamId, boolean startsWithBeginning) {
            this.start = start;
            this.end = start;
            this.streamId = streamId;
            this.startsWithBeginning = startsWithBeginning;
        }
    }

    private final NavigableMap<Long, DataChunk> fragments = new TreeMap<>(SERIAL);
    private final NavigableMap<Long, Run> runs = new TreeMap<>(SERIAL);
    private long bytes;

    /**
     * Adds a fragment of an unordered message that is not whole by itself.
     *
     * @return the message the fragment completed, or null
     * @throws SctpProtocolViolation    if the message would exceed {@code maxMessageSize}, or the
     *                                  fragment contradicts its TSN neighbours' B/E bits or stream
     * @throws IllegalArgumentException if the TSN is already held (the caller filters duplicates)
     */
    SctpMessage add(DataChunk chunk, long maxMessageSize) {
        long tsn = chunk.tsn();
        if (fragments.containsKey(tsn)) {
            throw new IllegalArgumentException("TSN " + tsn + " is already held");
        }
        Run left = runEndingAt(Tsn.add(tsn, -1));
        Run right = runs.get(Tsn.add(tsn, 1));
        // RFC 9260 §6.9: consecutive TSNs are either the next fragment of the same message or the
        // first fragment of the next one, so a neighbour's E bit must match our B bit and vice versa.
        if (left != null && left.endsWithEnding != chunk.beginning()) {
            throw inconsistent(chunk, "TSN " + left.end + " before it says otherwise about where messages begin");
        }
        if (right != null && right.startsWithBeginning != chunk.ending()) {
            throw inconsistent(chunk, "TSN " + right.start + " after it says otherwise about where messages end");
        }
        boolean joinLeft = left != null && !left.endsWithEnding;
        boolean joinRight = right != null && !chunk.ending();
        if ((joinLeft && left.streamId != chunk.streamId()) || (joinRight && right.streamId != chunk.streamId())) {
            throw inconsistent(chunk, "fragments of one message on different streams");
        }
        long total = chunk.userData().length + (joinLeft ? left.bytes : 0) + (joinRight ? right.bytes : 0);
        if (total > maxMessageSize) {
            throw new SctpProtocolViolation(Reason.MESSAGE_TOO_LARGE, "unordered message on stream "
                    + chunk.streamId() + " exceeds " + maxMessageSize + " bytes");
        }

        Run run = joinLeft ? left : new Run(tsn, chunk.streamId(), chunk.beginning());
        if (!joinLeft) {
            runs.put(tsn, run);
        }
        run.end = tsn;
        run.endsWithEnding = chunk.ending();
        run.bytes = total;
        if (joinRight) {
            runs.remove(right.start);
            run.end = right.end;
            run.endsWithEnding = right.endsWithEnding;
        }
        fragments.put(tsn, chunk);
        bytes += chunk.userData().length;

        if (!run.startsWithBeginning || !run.endsWithEnding) {
            return null;
        }
        Map<Long, DataChunk> inOrder = fragments.subMap(run.start, true, run.end, true);
        SctpMessage message = PartialMessage.concatenate(new ArrayList<>(inOrder.values()), run.streamId, true, run.bytes);
        inOrder.clear();
        runs.remove(run.start);
        bytes -= run.bytes;
        return message;
    }

    /**
     * Drops the partial messages that miss a TSN at or below {@code newCumulativeTsn}: those TSNs
     * were abandoned by the sender and will never come (RFC 3758 §3.6). A message that only misses
     * TSNs above it is kept.
     *
     * @return the bytes dropped
     */
    long dropAbandoned(long newCumulativeTsn) {
        long dropped = 0;
        List<Run> doomed = new ArrayList<>();
        for (Run run : runs.headMap(Tsn.add(newCumulativeTsn, 1), true).values()) {
            boolean missesBefore = !run.startsWithBeginning; // start - 1 <= newCumulativeTsn
            boolean missesAfter = !run.endsWithEnding && Tsn.lessThan(run.end, newCumulativeTsn);
            if (missesBefore || missesAfter) {
                doomed.add(run);
            }
        }
        for (Run run : doomed) {
            fragments.subMap(run.start, true, run.end, true).clear();
            runs.remove(run.start);
            dropped += run.bytes;
        }
        bytes -= dropped;
        return dropped;
    }

    /** Whether any fragment of {@code streamId} is held; O(runs held). */
    boolean holdsStream(int streamId) {
        for (Run run : runs.values()) {
            if (run.streamId == streamId) {
                return true;
            }
        }
        return false;
    }

    /** Bytes of user data held. */
    long bytes() {
        return bytes;
    }

    private Run runEndingAt(long tsn) {
        Map.Entry<Long, Run> below = runs.floorEntry(tsn);
        return below != null && below.getValue().end == tsn ? below.getValue() : null;
    }

    private static SctpProtocolViolation inconsistent(DataChunk chunk, String what) {
        return new SctpProtocolViolation(Reason.INCONSISTENT_FRAGMENTS,
                "unordered fragment tsn " + chunk.tsn() + " on stream " + chunk.streamId() + ": " + what);
    }
}
