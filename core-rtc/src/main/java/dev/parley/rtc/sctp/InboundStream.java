package dev.parley.rtc.sctp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Ordered-delivery state of one incoming stream (RFC 9260 §6.5, §6.6): the next stream sequence
 * number to deliver and the ordered messages received ahead of it.
 *
 * <p>The message with the next expected SSN lives in its own slot ({@link #head()}); only
 * messages further ahead, which arrive when packets are lost or reordered, go into a map keyed
 * by SSN. A stream receiving in order therefore never touches the map, and the one
 * {@link PartialMessage} it needs is recycled. Memory is proportional to what is buffered.
 *
 * <p>SSNs are 16-bit serial numbers: one up to 32767 ahead of the next expected is "ahead",
 * anything else is "behind" (already delivered or skipped).
 */
final class InboundStream {
    private int nextSsn;
    private PartialMessage head;
    private Map<Integer, PartialMessage> ahead;
    private PartialMessage spare;

    int nextSsn() {
        return nextSsn;
    }

    /** How far {@code ssn} is ahead of the next expected SSN, 0..32767, or -1 if it is behind. */
    int offset(int ssn) {
        int off = (ssn - nextSsn) & 0xFFFF;
        return off >= 0x8000 ? -1 : off;
    }

    /** The message with the next expected SSN, or null if none of it has arrived. */
    PartialMessage head() {
        return head;
    }

    /** The message with {@code ssn}, created empty if needed; {@code ssn} must not be behind. */
    PartialMessage messageFor(int ssn) {
        int off = offset(ssn);
        if (off < 0) {
            throw new IllegalArgumentException("ssn " + ssn + " is behind " + nextSsn);
        }
        if (off == 0) {
            if (head == null) {
                head = fresh();
            }
            return head;
        }
        if (ahead == null) {
            ahead = new HashMap<>();
        }
        return ahead.computeIfAbsent(ssn, s -> fresh());
    }

    /** Moves past the next expected SSN, recycling its message (delivered or dropped by the caller). */
    void advance() {
        recycle(head);
        nextSsn = (nextSsn + 1) & 0xFFFF;
        head = ahead == null ? null : ahead.remove(nextSsn);
    }

    /**
     * Takes out, in SSN order, the messages from the next expected SSN through {@code ssn} and
     * makes {@code ssn + 1} the next expected (RFC 3758 §3.6). Costs O(messages buffered), not
     * O(SSNs skipped). The caller delivers or drops them, then {@link #recycle}s them.
     */
    List<PartialMessage> takeThrough(int ssn) {
        int last = offset(ssn);
        if (last < 0) {
            return List.of();
        }
        List<PartialMessage> taken = new ArrayList<>();
        if (head != null) {
            taken.add(head);
        }
        if (ahead != null && !ahead.isEmpty()) {
            List<Map.Entry<Integer, PartialMessage>> between = new ArrayList<>();
            for (Iterator<Map.Entry<Integer, PartialMessage>> it = ahead.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Integer, PartialMessage> e = it.next();
                if (offset(e.getKey()) <= last) {
                    between.add(e);
                    it.remove();
                }
            }
            between.sort((a, b) -> Integer.compare(offset(a.getKey()), offset(b.getKey())));
            for (Map.Entry<Integer, PartialMessage> e : between) {
                taken.add(e.getValue());
            }
        }
        nextSsn = (ssn + 1) & 0xFFFF;
        head = ahead == null ? null : ahead.remove(nextSsn);
        return taken;
    }

    /**
     * Takes out every buffered message and makes 0 the next expected SSN (RFC 6525 §5.2.2).
     *
     * @return the messages that were buffered, for the caller to account for and drop
     */
    List<PartialMessage> reset() {
        List<PartialMessage> taken = new ArrayList<>();
        if (head != null) {
            taken.add(head);
        }
        if (ahead != null) {
            taken.addAll(ahead.values());
            ahead = null;
        }
        head = null;
        nextSsn = 0;
        return taken;
    }

    /** Whether any ordered data is buffered on this stream. */
    boolean hasBufferedMessages() {
        return head != null || (ahead != null && !ahead.isEmpty());
    }

    /** Clears a message and keeps it for reuse. */
    void recycle(PartialMessage message) {
        if (message != null) {
            message.clear();
            spare = message;
        }
    }

    private PartialMessage fresh() {
        PartialMessage m = spare;
        spare = null;
        return m != null ? m : new PartialMessage();
    }
}
