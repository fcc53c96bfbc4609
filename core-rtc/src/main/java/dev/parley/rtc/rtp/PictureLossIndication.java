package dev.parley.rtc.rtp;

import java.nio.ByteBuffer;

/** Picture Loss Indication, PSFB FMT 1 (RFC 4585 §6.3.1): no FCI. */
public record PictureLossIndication(long senderSsrc, long mediaSsrc) implements RtcpPacket {
    static final int FMT = 1;

    public PictureLossIndication {
        Check.u32(senderSsrc, "sender SSRC");
        Check.u32(mediaSsrc, "media SSRC");
    }

    static PictureLossIndication parse(ByteReader in) throws RtpParseException {
        FeedbackHeader h = FeedbackHeader.parse(in, "PLI");
        return new PictureLossIndication(h.senderSsrc, h.mediaSsrc);
    }

    @Override
    public int packetType() {
        return Rtcp.PSFB;
    }

    @Override
    public int countOrFormat() {
        return FMT;
    }

    @Override
    public int contentLength() {
        return FeedbackHeader.LENGTH;
    }

    @Override
    public void writeContent(ByteBuffer out) {
        FeedbackHeader.write(out, senderSsrc, mediaSsrc);
    }
}
