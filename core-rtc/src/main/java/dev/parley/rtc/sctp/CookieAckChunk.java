package dev.parley.rtc.sctp;

/**
 * A COOKIE ACK chunk (RFC 9260 §3.3.12): the answer to a valid COOKIE ECHO; the association is
 * established. No value: length is exactly 4.
 */
public record CookieAckChunk() implements Chunk {
    public static final int TYPE = 11;

    @Override
    public int type() {
        return TYPE;
    }
}
