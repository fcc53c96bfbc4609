package dev.parley.rtc.media;

/**
 * The only failure of the video bitstream parsers ({@link Vp8FrameHeader}, the H.264 parameter set
 * and slice header parsers): bytes that are not a well-formed header, or a slice whose parameter
 * sets never came. A caller counts it; the frame simply has no QP.
 */
public final class BitstreamParseException extends Exception {
    private static final long serialVersionUID = 1L;

    public BitstreamParseException(String message) {
        super(message);
    }
}
