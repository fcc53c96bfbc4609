package dev.parley.rtc.media;

/** VP8's QP: the base quantizer index y_ac_qi of the frame header (RFC 6386 §9.6), as browsers report it. */
final class Vp8QpParser implements FrameQpParser {
    @Override
    public int qp(byte[] frame) throws BitstreamParseException {
        return Vp8FrameHeader.parse(frame).yAcQi();
    }
}
