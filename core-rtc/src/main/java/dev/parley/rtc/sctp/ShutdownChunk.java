package dev.parley.rtc.sctp;

/**
 * A SHUTDOWN chunk (RFC 9260 §3.3.8): the sender begins a graceful close and acknowledges
 * DATA up to {@code cumulativeTsnAck}. Length is exactly 8.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 7    | Chunk  Flags  |      Length = 8               |
 * |                      Cumulative TSN Ack                       |
 * </pre>
 *
 * @param cumulativeTsnAck the last TSN received in sequence, 0..2^32-1
 */
public record ShutdownChunk(long cumulativeTsnAck) implements Chunk {
    public static final int TYPE = 7;
    public static final int LENGTH = 8;

    public ShutdownChunk {
        Bytes.checkU32(cumulativeTsnAck, "cumulative TSN ack");
    }

    @Override
    public int type() {
        return TYPE;
    }
}
