package dev.parley.rtc.stun;

/**
 * Bytes that are not a well-formed STUN message, STUN attribute or TURN ChannelData message.
 * The message names what was wrong and the byte offset (from the start of the message) where.
 */
public final class StunParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int offset;

    public StunParseException(int offset, String message) {
        super(message);
        this.offset = offset;
    }

    /** Offset, from the start of the message, of the field that was wrong. */
    public int offset() {
        return offset;
    }
}
