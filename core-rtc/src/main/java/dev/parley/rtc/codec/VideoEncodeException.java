package dev.parley.rtc.codec;

/** The codec library failed to encode a picture (out of memory, an internal error). */
public final class VideoEncodeException extends Exception {
    private static final long serialVersionUID = 1L;

    public VideoEncodeException(String message) {
        super(message);
    }
}
