package dev.parley.rtc.codec;

/** A payload that the codec can not decode; the receiver counts it and drops the packet. */
public class AudioDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    public AudioDecodeException(String message) {
        super(message);
    }

    public AudioDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
