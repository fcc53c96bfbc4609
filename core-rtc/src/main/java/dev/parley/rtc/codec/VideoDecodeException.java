package dev.parley.rtc.codec;

/** A frame the video decoder refused; the receiver counts it, drops it and asks for a key frame. */
public final class VideoDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    public VideoDecodeException(String message) {
        super(message);
    }
}
