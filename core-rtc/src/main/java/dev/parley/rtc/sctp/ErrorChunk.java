package dev.parley.rtc.sctp;

import java.util.List;

/**
 * An ERROR chunk (RFC 9260 §3.3.10): the sender reports conditions that do not end the association.
 * An ERROR with no causes is not a parse error (the RFC asks for one or more; the receiver judges).
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Type = 9    | Chunk  Flags  |           Length              |
 * |                    one or more Error Causes                   |
 * </pre>
 *
 * @param causes error causes in wire order
 */
public record ErrorChunk(List<ErrorCause> causes) implements Chunk {
    public static final int TYPE = 9;

    public ErrorChunk {
        causes = List.copyOf(causes);
    }

    /** An ERROR with these causes. */
    public static ErrorChunk of(ErrorCause... causes) {
        return new ErrorChunk(List.of(causes));
    }

    @Override
    public int type() {
        return TYPE;
    }
}
