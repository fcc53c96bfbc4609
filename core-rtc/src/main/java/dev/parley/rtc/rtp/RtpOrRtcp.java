package dev.parley.rtc.rtp;

/** Tells RTP from RTCP when both share one port (RFC 5761 §4). */
public final class RtpOrRtcp {
    private RtpOrRtcp() {}

    /**
     * True if {@code buf[off, off+len)} looks like RTCP: its second byte, the RTCP packet type,
     * is in 192..223 — which for RTP would be marker=1 with payload type 64..95, the range
     * RFC 5761 §4 keeps out of RTP use. False for fewer than 2 bytes or a range outside the array.
     */
    public static boolean isRtcp(byte[] buf, int off, int len) {
        if (off < 0 || len < 2 || off > buf.length - len) {
            return false;
        }
        int type = buf[off + 1] & 0xFF;
        return type >= 192 && type <= 223;
    }
}
