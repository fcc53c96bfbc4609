package dev.parley.rtc.sctp;

import java.util.List;

/**
 * A FORWARD TSN chunk (RFC 3758 §3.2): the receiver is to move its cumulative TSN to
 * {@code newCumulativeTsn}, skipping abandoned messages, and deliver ordered streams past the
 * listed stream sequence numbers.
 */
public record ForwardTsnChunk(long newCumulativeTsn, List<SkippedStream> skippedStreams) implements Chunk {
    public static final int TYPE = 192;

    public ForwardTsnChunk {
        if ((newCumulativeTsn & ~Tsn.MASK) != 0) {
            throw new IllegalArgumentException("new cumulative TSN out of 32-bit range");
        }
        skippedStreams = List.copyOf(skippedStreams);
    }

    @Override
    public int type() {
        return TYPE;
    }

    /** An ordered stream and the last stream sequence number skipped on it. */
    public record SkippedStream(int streamId, int ssn) {
        public SkippedStream {
            if (streamId < 0 || streamId > 0xFFFF || ssn < 0 || ssn > 0xFFFF) {
                throw new IllegalArgumentException("stream id/ssn out of 16-bit range");
            }
        }
    }
}
