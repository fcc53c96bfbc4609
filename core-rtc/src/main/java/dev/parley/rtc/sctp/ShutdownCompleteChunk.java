package dev.parley.rtc.sctp;

/**
 * A SHUTDOWN COMPLETE chunk (RFC 9260 §3.3.13): the last chunk of a graceful close. No value:
 * length is exactly 4.
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 14   |  Reserved   |T|      Length = 4               |
 * </pre>
 *
 * @param verificationTagReflected the T bit: the packet carries the receiver's own tag back (§8.5.1)
 */
public record ShutdownCompleteChunk(boolean verificationTagReflected) implements Chunk {
    public static final int TYPE = 14;

    @Override
    public int type() {
        return TYPE;
    }
}
