package dev.parley.rtc.codec;

/**
 * A codec that this machine can not run: its native library did not load, or the library was
 * built without the codec. The message says which codec, which library and why; the engine then
 * leaves the codec out of its offers (audio falls back to G.711, which is Java).
 */
public final class CodecUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String codec;
    private final String library;

    public CodecUnavailableException(String codec, String library, String reason, Throwable cause) {
        super(codec + " is unavailable: " + library + " " + reason, cause);
        this.codec = codec;
        this.library = library;
    }

    /** The codec's RTP name ("VP8", "opus"). */
    public String codec() {
        return codec;
    }

    /** The native library that failed ("FFmpeg avcodec", "FFmpeg libvpx encoder"). */
    public String library() {
        return library;
    }
}
