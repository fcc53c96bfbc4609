package dev.parley.rtc.media;

/**
 * The only failure of the depacketizers: an RTP payload that is not well formed for its payload
 * format (RFC 7741, RFC 6184, RFC 7587). The receiver counts it and drops the frame.
 */
public final class PayloadParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public PayloadParseException(String message) {
        super(message);
    }
}
