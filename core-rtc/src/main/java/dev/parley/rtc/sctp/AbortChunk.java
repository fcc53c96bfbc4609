package dev.parley.rtc.sctp;

import java.util.List;

/**
 * An ABORT chunk (RFC 9260 §3.3.7): the sender closes the association at once, giving zero or
 * more error causes (§3.3.10).
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 6    |  Reserved   |T|            Length             |
 * |                   zero or more Error Causes                   |
 * </pre>
 *
 * @param verificationTagReflected the T bit: the packet carries the receiver's own tag back
 *                                 (the sender had no TCB, §8.4, §8.5.1)
 * @param causes                   error causes in wire order
 */
public record AbortChunk(boolean verificationTagReflected, List<ErrorCause> causes) implements Chunk {
    public static final int TYPE = 6;

    public AbortChunk {
        causes = List.copyOf(causes);
    }

    /** An ABORT with the T bit clear and these causes. */
    public static AbortChunk of(ErrorCause... causes) {
        return new AbortChunk(false, List.of(causes));
    }

    @Override
    public int type() {
        return TYPE;
    }
}
