package dev.parley.rtc.sctp;

import java.util.Arrays;
import java.util.Objects;

/**
 * A DATA chunk (RFC 9260 §3.3.1): one fragment of a user message on a stream.
 *
 * @param tsn        transmission sequence number, 0..2^32-1
 * @param streamId   stream identifier, 0..65535
 * @param ssn        stream sequence number, 0..65535 (ignored for unordered)
 * @param ppid       payload protocol identifier, 0..2^32-1 (RFC 8831 §8: 50 DCEP, 51 string, 53 binary, …)
 * @param unordered  the U bit
 * @param beginning  the B bit: first fragment of the message
 * @param ending     the E bit: last fragment of the message
 * @param immediate  the I bit (RFC 7053): ask for an immediate SACK
 * @param userData   the fragment's bytes; not copied — treat as read-only
 */
public record DataChunk(long tsn, int streamId, int ssn, long ppid, boolean unordered, boolean beginning,
                        boolean ending, boolean immediate, byte[] userData) implements Chunk {
    public static final int TYPE = 0;
    /** Bytes of the DATA chunk header before user data. */
    public static final int HEADER_SIZE = 16;

    public DataChunk {
        if ((tsn & ~Tsn.MASK) != 0 || (ppid & ~Tsn.MASK) != 0) {
            throw new IllegalArgumentException("tsn/ppid out of 32-bit range");
        }
        if (streamId < 0 || streamId > 0xFFFF || ssn < 0 || ssn > 0xFFFF) {
            throw new IllegalArgumentException("stream id/ssn out of 16-bit range");
        }
        Objects.requireNonNull(userData, "userData");
    }

    @Override
    public int type() {
        return TYPE;
    }

    /** Bytes this chunk occupies on the wire, without padding. */
    public int wireLength() {
        return HEADER_SIZE + userData.length;
    }

    /** Value equality: the user data compares by content, not identity. */
    @Override
    public boolean equals(Object o) {
        return o instanceof DataChunk d && d.tsn == tsn && d.streamId == streamId && d.ssn == ssn && d.ppid == ppid
                && d.unordered == unordered && d.beginning == beginning && d.ending == ending
                && d.immediate == immediate && Arrays.equals(d.userData, userData);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(tsn, streamId, ssn, ppid, unordered, beginning, ending, immediate);
        return 31 * h + Arrays.hashCode(userData);
    }

    @Override
    public String toString() {
        return "DATA[tsn=" + tsn + " sid=" + streamId + " ssn=" + ssn + " ppid=" + ppid
                + (immediate ? " I" : "") + (unordered ? " U" : "") + (beginning ? " B" : "") + (ending ? " E" : "")
                + " len=" + userData.length + "]";
    }
}
