package dev.parley.rtc.rtp;

/** The two SSRCs that open every RTCP feedback message (RFC 4585 §6.1). */
final class FeedbackHeader {
    static final int LENGTH = 8;

    final long senderSsrc;
    final long mediaSsrc;

    private FeedbackHeader(long senderSsrc, long mediaSsrc) {
        this.senderSsrc = senderSsrc;
        this.mediaSsrc = mediaSsrc;
    }

    static FeedbackHeader parse(ByteReader in, String what) throws RtpParseException {
        in.require(LENGTH, what + " sender and media SSRCs");
        return new FeedbackHeader(in.u32(what + " sender SSRC"), in.u32(what + " media SSRC"));
    }

    static void write(java.nio.ByteBuffer out, long senderSsrc, long mediaSsrc) {
        Rtcp.putU32(out, senderSsrc);
        Rtcp.putU32(out, mediaSsrc);
    }
}
