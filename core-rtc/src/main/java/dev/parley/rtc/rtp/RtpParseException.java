package dev.parley.rtc.rtp;

/**
 * The only failure of the RTP and RTCP parsers: the bytes are not a well-formed packet. The
 * message names what was wrong and the byte offset (relative to the start of the parsed range).
 */
public final class RtpParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int offset;

    public RtpParseException(int offset, String message) {
        super(message);
        this.offset = offset;
    }

    /** Offset of the faulty field, counted from the first byte handed to the parser. */
    public int offset() {
        return offset;
    }
}
