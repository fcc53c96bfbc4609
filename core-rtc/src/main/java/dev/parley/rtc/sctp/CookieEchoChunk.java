package dev.parley.rtc.sctp;

import java.util.Arrays;
import java.util.Objects;

/**
 * A COOKIE ECHO chunk (RFC 9260 §3.3.11): the initiator returns the State Cookie of the INIT ACK,
 * byte for byte. An empty cookie is not a parse error (the receiver fails to validate it, §5.1.5).
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 10   |  Chunk Flags  |            Length             |
 * |                            Cookie                             |
 * </pre>
 *
 * @param cookie the echoed cookie, at most 65531 bytes; not copied — treat as read-only
 */
public record CookieEchoChunk(byte[] cookie) implements Chunk {
    public static final int TYPE = 10;
    public static final int MAX_COOKIE_LENGTH = 0xFFFF - 4;

    public CookieEchoChunk {
        Objects.requireNonNull(cookie, "cookie");
        if (cookie.length > MAX_COOKIE_LENGTH) {
            throw new IllegalArgumentException("cookie of " + cookie.length + " bytes, at most " + MAX_COOKIE_LENGTH);
        }
    }

    @Override
    public int type() {
        return TYPE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CookieEchoChunk c && Arrays.equals(c.cookie, cookie);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(cookie);
    }

    @Override
    public String toString() {
        return "CookieEchoChunk[cookie=" + Bytes.preview(cookie) + "]";
    }
}
