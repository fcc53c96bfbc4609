package dev.parley.rtc.sctp;

/** Bytes that are not a well-formed SCTP packet, chunk or DCEP message. */
public class SctpParseException extends Exception {
    public SctpParseException(String message) {
        super(message);
    }
}
