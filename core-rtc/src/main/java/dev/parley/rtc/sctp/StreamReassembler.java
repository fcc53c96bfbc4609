package dev.parley.rtc.sctp;

import dev.parley.rtc.sctp.ForwardTsnChunk.SkippedStream;
import dev.parley.rtc.sctp.SctpProtocolViolation.Reason;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Turns the DATA chunks the association accepted into whole user messages and hands them to a
 * consumer in the order RFC 9260 asks for: ordered messages of a stream by stream sequence number
 * (§6.5, §6.6), unordered ones as soon as they are whole (§6.6), after reassembly (§6.9).
 *
 * <pre>
 *                      ┌─ U bit, B+E ──────────────────────────────► consumer
 *  accepted DATA ──────┼─ U bit, fragment ─► UnorderedFragments ───► consumer (when whole)
 *  (ReceivedTsns: NEW) └─ ordered ─► InboundStream[sid] by SSN ────► consumer (next SSN, whole)
 * </pre>
 *
 * <p>Contract with the association (which calls it on its one executor thread):
 * <ul>
 *   <li>Only chunks that {@link ReceivedTsns#accept} called {@link ReceivedTsns.Result#NEW} are
 *       passed to {@link #add}: each TSN at most once.</li>
 *   <li>Protocol violations are thrown as {@link SctpProtocolViolation}; the association answers
 *       with an ABORT and drops this object. Nothing is buffered beyond {@code maxMessageSize}
 *       per message, so an oversized message fails early instead of exhausting memory.</li>
 *   <li>{@link #bufferedBytes()} is the user data held; a_rwnd = capacity - buffered
 *       (RFC 9260 §6.2). The association enforces the capacity by dropping DATA it has no room
 *       for before calling {@link ReceivedTsns#accept}.</li>
 *   <li>The consumer runs inside {@link #add}, {@link #skip} or {@link #resetStreams} and must not
 *       call back into this object.</li>
 * </ul>
 *
 * <p>Streams are created on first use (up to 65536 ids). A message is copied once, from its
 * fragments into one new array.
 */
final class StreamReassembler {
    private final long maxMessageSize;
    private final Consumer<SctpMessage> consumer;
    private final Map<Integer, InboundStream> streams = new HashMap<>();
    private final UnorderedFragments unordered = new UnorderedFragments();
    private long orderedBytes;
    private long staleDropped;

    /**
     * @param maxMessageSize the largest message we accept (what we announced in SDP's
     *                       a=max-message-size, RFC 8841 §6), at least 1
     * @param consumer       receives each whole message
     */
    StreamReassembler(long maxMessageSize, Consumer<SctpMessage> consumer) {
        if (maxMessageSize < 1) {
            throw new IllegalArgumentException("maxMessageSize must be positive");
        }
        this.maxMessageSize = maxMessageSize;
        this.consumer = Objects.requireNonNull(consumer, "consumer");
    }

    /**
     * Takes one newly accepted DATA chunk and delivers whatever became whole and deliverable.
     *
     * <p>An ordered chunk whose SSN is behind the stream's next expected one belongs to a message
     * already delivered or skipped by FORWARD TSN; it is dropped and counted
     * ({@link #staleDropped()}).
     *
     * @throws SctpProtocolViolation for a chunk without user data (RFC 9260 §6.2), a message over
     *                               {@code maxMessageSize}, or fragments that cannot form a message
     */
    void add(DataChunk chunk) {
        int length = chunk.userData().length;
        if (length == 0) {
            throw new SctpProtocolViolation(Reason.NO_USER_DATA, "DATA chunk tsn " + chunk.tsn() + " has no user data");
        }
        boolean whole = chunk.beginning() && chunk.ending();
        if (chunk.unordered()) {
            if (whole) {
                consumer.accept(whole(chunk));
            } else {
                SctpMessage message = unordered.add(chunk, maxMessageSize);
                if (message != null) {
                    consumer.accept(message);
                }
            }
            return;
        }
        InboundStream stream = streams.computeIfAbsent(chunk.streamId(), id -> new InboundStream());
        int offset = stream.offset(chunk.ssn());
        if (offset < 0) {
            staleDropped++;
            return;
        }
        if (offset == 0 && whole && stream.head() == null) {
            // The common case: the next message of the stream, in one chunk. Nothing is buffered.
            SctpMessage message = whole(chunk);
            stream.advance();
            consumer.accept(message);
        } else {
            stream.messageFor(chunk.ssn()).add(chunk, maxMessageSize);
            orderedBytes += length;
            if (offset != 0) {
                return;
            }
        }
        deliverReady(chunk.streamId(), stream);
    }

    /**
     * Acts on a FORWARD TSN (RFC 3758 §3.6), after {@link ReceivedTsns#forwardTo}: drops the
     * unordered partial messages that miss a TSN at or below {@code newCumulativeTsn}; on each
     * listed stream delivers the whole messages up to and including the listed SSN, drops the
     * partial ones, and moves the next expected SSN past it; then delivers what became deliverable.
     * Listed SSNs already behind a stream's next expected SSN change nothing.
     */
    void skip(long newCumulativeTsn, List<SkippedStream> skippedStreams) {
        unordered.dropAbandoned(newCumulativeTsn);
        for (SkippedStream skipped : skippedStreams) {
            InboundStream stream = streams.computeIfAbsent(skipped.streamId(), id -> new InboundStream());
            for (PartialMessage message : stream.takeThrough(skipped.ssn())) {
                orderedBytes -= message.bytes();
                if (message.isComplete()) {
                    consumer.accept(message.assemble(skipped.streamId(), false));
                }
                stream.recycle(message);
            }
            deliverReady(skipped.streamId(), stream);
        }
    }

    /**
     * Resets the incoming SSN of each listed stream to 0 (RFC 6525 §5.2.2). The association calls
     * this once every TSN up to the request's Sender's Last Assigned TSN has been received, and
     * holds back, until then, any DATA for these streams with a TSN above it, as §5.2.2 requires.
     * Ordered data still buffered on a stream at this point can only be left over from a peer that
     * broke those rules: it is dropped. Unordered fragments are not touched.
     */
    void resetStreams(Collection<Integer> streamIds) {
        for (int id : streamIds) {
            InboundStream stream = streams.remove(id);
            if (stream != null) {
                for (PartialMessage message : stream.reset()) {
                    orderedBytes -= message.bytes();
                }
            }
        }
    }

    /** Whether any ordered or unordered data of the stream is held, waiting to become deliverable. */
    boolean hasPendingData(int streamId) {
        InboundStream stream = streams.get(streamId);
        return (stream != null && stream.hasBufferedMessages()) || unordered.holdsStream(streamId);
    }

    /** Next SSN expected on the stream (0 for a stream not seen yet or just reset). */
    int nextSsn(int streamId) {
        InboundStream stream = streams.get(streamId);
        return stream == null ? 0 : stream.nextSsn();
    }

    /** Bytes of user data held in chunks not yet delivered. */
    long bufferedBytes() {
        return orderedBytes + unordered.bytes();
    }

    /** Ordered chunks dropped because their SSN was behind the stream's next expected SSN. */
    long staleDropped() {
        return staleDropped;
    }

    private void deliverReady(int streamId, InboundStream stream) {
        PartialMessage head;
        while ((head = stream.head()) != null && head.isComplete()) {
            SctpMessage message = head.assemble(streamId, false);
            orderedBytes -= head.bytes();
            stream.advance();
            consumer.accept(message);
        }
    }

    /** A message carried in one chunk, copied out of it. */
    private SctpMessage whole(DataChunk chunk) {
        checkSize(chunk);
        return new SctpMessage(chunk.streamId(), chunk.ppid(), chunk.unordered(), chunk.userData().clone());
    }

    private void checkSize(DataChunk chunk) {
        if (chunk.userData().length > maxMessageSize) {
            throw new SctpProtocolViolation(Reason.MESSAGE_TOO_LARGE, "message on stream "
                    + chunk.streamId() + " exceeds " + maxMessageSize + " bytes");
        }
    }
}
