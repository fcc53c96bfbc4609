package dev.parley.rtc.media;

/**
 * Reads the quantizer a video frame was coded with from its bitstream, as libwebrtc does for the
 * W3C {@code qpSum}: FFmpeg's libvpx and OpenH264 wrappers do not hand it out, and a receiver
 * has only the bitstream. One parser follows one stream: H.264's keeps the parameter sets it saw.
 * Made by {@link VideoPayloadFormat#qpParser()}; not thread-safe.
 */
public interface FrameQpParser {
    /**
     * The frame's QP in its codec's own scale (VP8: the base quantizer index 0..127; H.264: the
     * slice QP, at most 51).
     *
     * @param frame a whole encoded frame, as an encoder writes it and a depacketizer joins it
     */
    int qp(byte[] frame) throws BitstreamParseException;
}
