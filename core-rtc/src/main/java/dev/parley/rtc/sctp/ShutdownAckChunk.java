package dev.parley.rtc.sctp;

/**
 * A SHUTDOWN ACK chunk (RFC 9260 §3.3.9): the answer to a SHUTDOWN once all outstanding DATA is
 * acknowledged. No value: length is exactly 4.
 */
public record ShutdownAckChunk() implements Chunk {
    public static final int TYPE = 8;

    @Override
    public int type() {
        return TYPE;
    }
}
