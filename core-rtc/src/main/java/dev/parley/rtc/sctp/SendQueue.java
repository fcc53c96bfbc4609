package dev.parley.rtc.sctp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Outbound user messages that are not yet (fully) cut into DATA chunks, per stream.
 *
 * <p>Messages are fragmented lazily, when {@link RetransmissionQueue} has room on the path, into
 * chunks of at most {@code maxDataPayload} bytes (RFC 9260 §6.9). Without I-DATA (RFC 8260, not
 * negotiated by this stack) the fragments of one message must carry consecutive TSNs, so once a
 * message's first fragment is out, the rest of that message comes before any other message.
 * Between messages, streams with queued data take turns (round robin by stream id), so that one
 * busy channel does not starve the others.
 *
 * <p>A stream sequence number is given to an ordered message when its first fragment is cut, not
 * when it is queued, so that a message dropped before it was sent (its lifetime passed, RFC 3758
 * §4.1 TR3) leaves no hole in the SSNs the peer waits for. Unordered messages carry SSN 0.
 *
 * <p>{@link #bufferedAmount(int)} follows the W3C RTCDataChannel {@code bufferedAmount}: bytes of
 * application data queued that have not been handed to the network yet (the first transmission;
 * retransmissions do not count again). When a stream's amount falls from above its threshold to
 * or below it, the listener hears {@code onBufferedAmountLow} — the association relays that as the
 * channel's {@code bufferedamountlow} event. The listener may queue more from inside the call.
 */
final class SendQueue {
    /** Told when a stream's buffered amount drops to or below its low threshold. */
    interface Listener {
        void onBufferedAmountLow(int streamId);

        /**
         * Bytes of the stream left the buffered amount: cut into chunks for their first
         * transmission, or dropped unsent (lifetime passed, message abandoned).
         */
        default void onBytesReleased(int streamId, long bytes) {}
    }

    /**
     * One fragment cut from a message; {@link RetransmissionQueue} gives it its TSN.
     *
     * @param message   the message it belongs to (carries stream, SSN, PPID, U flag)
     * @param data      the fragment's bytes
     * @param beginning the B bit
     * @param ending    the E bit
     */
    record Fragment(OutgoingMessage message, byte[] data, boolean beginning, boolean ending) {}

    /** Below this many bytes a message is not split to fill the end of a packet; it waits for the next. */
    static final int MIN_FRAGMENT_BYTES = 256;

    private final int maxDataPayload;
    private final Listener listener;
    private final Map<Integer, StreamState> streams = new HashMap<>();
    /** Streams with at least one message not yet started, for the round robin. */
    private final TreeSet<Integer> ready = new TreeSet<>();
    private final List<Integer> lowNotifications = new ArrayList<>();
    private OutgoingMessage inProgress;
    private int lastStream = -1;
    private long totalBuffered;
    private int queuedWithLifetime;
    private long earliestExpiryNanos;
    private long messagesDropped;

    /**
     * @param maxDataPayload the most user data bytes in one DATA chunk: the association's path MTU
     *                       less the SCTP common header (12), the DATA chunk header (16) and
     *                       whatever the transport below adds
     * @param listener       told about buffered-amount-low crossings
     */
    SendQueue(int maxDataPayload, Listener listener) {
        if (maxDataPayload <= 0) {
            throw new IllegalArgumentException("maxDataPayload must be positive");
        }
        this.maxDataPayload = maxDataPayload;
        this.listener = listener;
    }

    /**
     * Queue one message. Zero-length messages are not DATA (RFC 9260 §3.3.1: a DATA chunk carries
     * at least one byte); data channels send empty messages with their own PPIDs and a one-byte
     * payload (RFC 8831 §6.6), which is the caller's job.
     */
    void enqueue(int streamId, long ppid, byte[] payload, boolean unordered, Reliability reliability,
                 long nowNanos) {
        if (streamId < 0 || streamId > 0xFFFF) {
            throw new IllegalArgumentException("stream id out of range: " + streamId);
        }
        if (payload.length == 0) {
            throw new IllegalArgumentException("empty message: send a one-byte payload with an empty-message PPID");
        }
        OutgoingMessage message = new OutgoingMessage(streamId, ppid, payload, unordered, reliability, nowNanos);
        StreamState stream = stream(streamId);
        stream.queue.addLast(message);
        stream.buffered += payload.length;
        totalBuffered += payload.length;
        ready.add(streamId);
        if (message.hasLifetime) {
            if (queuedWithLifetime == 0 || message.expiresAtNanos - earliestExpiryNanos < 0) {
                earliestExpiryNanos = message.expiresAtNanos;
            }
            queuedWithLifetime++;
        }
    }

    /**
     * Cut the next fragment, of at most {@code maxPayload} bytes (the room left in the packet), or
     * return null when nothing is queued or the room is too small to be worth a fragment. Messages
     * whose lifetime has passed are dropped here before they get a TSN (RFC 3758 §4.1 TR3).
     */
    Fragment nextFragment(long nowNanos, int maxPayload) {
        dropExpired(nowNanos);
        OutgoingMessage message = inProgress != null ? inProgress : peekNextMessage();
        if (message == null) {
            return null;
        }
        int remaining = message.remainingBytes();
        int size = Math.min(remaining, Math.min(maxDataPayload, maxPayload));
        if (size <= 0 || (size < remaining && size < Math.min(MIN_FRAGMENT_BYTES, maxDataPayload))) {
            return null;
        }
        if (message != inProgress) {
            start(message);
        }
        int offset = message.fragmentedBytes;
        byte[] data = Arrays.copyOfRange(message.payload, offset, offset + size);
        message.fragmentedBytes += size;
        boolean ending = message.fullyFragmented();
        if (ending) {
            inProgress = null;
        }
        release(message.streamId, size);
        fireLowNotifications();
        return new Fragment(message, data, offset == 0, ending);
    }

    /** The message whose fragments are being sent, or null: the next fragment must come from it. */
    OutgoingMessage inProgress() {
        return inProgress;
    }

    /**
     * Give up the rest of a message that was abandoned after some of it was sent (RFC 3758 §3.5
     * A3: all its fragments are abandoned). Its unsent bytes leave the buffered amount.
     */
    void discard(OutgoingMessage message) {
        if (message == inProgress) {
            inProgress = null;
            release(message.streamId, message.remainingBytes());
            message.fragmentedBytes = message.payload.length;
            fireLowNotifications();
        }
    }

    /**
     * Drop queued messages whose lifetime has passed (RFC 3758 §4.1 TR3/TR5), so that the buffered
     * amount falls even while the path is blocked. Cheap when no queued message can have expired.
     *
     * @return the number of messages dropped
     */
    int dropExpired(long nowNanos) {
        if (queuedWithLifetime == 0 || nowNanos - earliestExpiryNanos < 0) {
            return 0;
        }
        int dropped = 0;
        queuedWithLifetime = 0;
        for (Map.Entry<Integer, StreamState> entry : streams.entrySet()) {
            StreamState stream = entry.getValue();
            var it = stream.queue.iterator();
            while (it.hasNext()) {
                OutgoingMessage message = it.next();
                if (!message.hasLifetime) {
                    continue;
                }
                if (message.expired(nowNanos)) {
                    it.remove();
                    message.abandoned = true;
                    dropped++;
                    release(entry.getKey(), message.payload.length);
                } else if (queuedWithLifetime++ == 0 || message.expiresAtNanos - earliestExpiryNanos < 0) {
                    earliestExpiryNanos = message.expiresAtNanos;
                }
            }
            if (stream.queue.isEmpty()) {
                ready.remove(entry.getKey());
            }
        }
        messagesDropped += dropped;
        fireLowNotifications();
        return dropped;
    }

    /** Bytes of the stream's messages not yet handed to the network (W3C {@code bufferedAmount}). */
    long bufferedAmount(int streamId) {
        StreamState stream = streams.get(streamId);
        return stream == null ? 0 : stream.buffered;
    }

    long totalBufferedAmount() {
        return totalBuffered;
    }

    /** W3C {@code bufferedAmountLowThreshold} of one stream; 0 until set. */
    void setBufferedAmountLowThreshold(int streamId, long threshold) {
        if (threshold < 0) {
            throw new IllegalArgumentException("threshold < 0");
        }
        stream(streamId).lowThreshold = threshold;
    }

    /** Whether the stream has bytes queued that have not all been cut into chunks. */
    boolean hasQueued(int streamId) {
        StreamState stream = streams.get(streamId);
        return (stream != null && !stream.queue.isEmpty())
                || (inProgress != null && inProgress.streamId == streamId);
    }

    boolean isEmpty() {
        return inProgress == null && ready.isEmpty();
    }

    /**
     * The outgoing streams were reset (RFC 6525 §5.2.2): their next SSN is 0. Call after the peer
     * performed the reset; the association holds the request until {@code hasQueued} and the
     * retransmission queue say the streams are drained.
     */
    void resetStreamSsn(Collection<Integer> streamIds) {
        for (int id : streamIds) {
            stream(id).nextSsn = 0;
        }
    }

    /** The SSN the stream's next ordered message will get. */
    int nextSsn(int streamId) {
        StreamState stream = streams.get(streamId);
        return stream == null ? 0 : stream.nextSsn;
    }

    /** Messages dropped before they got a TSN because their lifetime passed. */
    long messagesDropped() {
        return messagesDropped;
    }

    private OutgoingMessage peekNextMessage() {
        if (ready.isEmpty()) {
            return null;
        }
        Integer next = ready.higher(lastStream);
        if (next == null) {
            next = ready.first();
        }
        return streams.get(next).queue.peekFirst();
    }

    private void start(OutgoingMessage message) {
        StreamState stream = streams.get(message.streamId);
        stream.queue.removeFirst();
        if (stream.queue.isEmpty()) {
            ready.remove(message.streamId);
        }
        if (message.hasLifetime) {
            queuedWithLifetime--; // earliestExpiryNanos may now be early; the next sweep recomputes it
        }
        if (message.unordered) {
            message.ssn = 0;
        } else {
            message.ssn = stream.nextSsn;
            stream.nextSsn = (stream.nextSsn + 1) & 0xFFFF;
        }
        inProgress = message;
        lastStream = message.streamId;
    }

    private void release(int streamId, long bytes) {
        StreamState stream = streams.get(streamId);
        long before = stream.buffered;
        stream.buffered -= bytes;
        totalBuffered -= bytes;
        listener.onBytesReleased(streamId, bytes);
        if (before > stream.lowThreshold && stream.buffered <= stream.lowThreshold) {
            lowNotifications.add(streamId);
        }
    }

    private void fireLowNotifications() {
        if (lowNotifications.isEmpty()) {
            return;
        }
        List<Integer> fire = List.copyOf(lowNotifications);
        lowNotifications.clear();
        for (int streamId : fire) {
            listener.onBufferedAmountLow(streamId);
        }
    }

    private StreamState stream(int streamId) {
        return streams.computeIfAbsent(streamId, id -> new StreamState());
    }

    private static final class StreamState {
        final ArrayDeque<OutgoingMessage> queue = new ArrayDeque<>();
        int nextSsn;
        long buffered;
        long lowThreshold;
    }
}
