package dev.parley.rtc.srtp;

/** Just enough RTP/RTCP header reading for SRTP, bounds-checked, on raw bytes (RFC 3550 §5.1, §6.4). */
final class RtpHeaders {
    private RtpHeaders() {}

    /**
     * The RTP header length (fixed part, CSRCs and header extension, RFC 3550 §5.3.1) of
     * {@code b[off, off+len)}, or -1 if the packet is too short for it or not version 2.
     */
    static int headerLength(byte[] b, int off, int len) {
        if (len < 12) {
            return -1;
        }
        int first = b[off] & 0xFF;
        if ((first >>> 6) != 2) {
            return -1;
        }
        int length = 12 + 4 * (first & 0x0F);
        if ((first & 0x10) != 0) {
            if (length + 4 > len) {
                return -1;
            }
            length += 4 + 4 * u16(b, off + length + 2);
        }
        return length <= len ? length : -1;
    }

    /** True if {@code b[off, off+len)} is at least an RTCP header (8 bytes) of version 2. */
    static boolean isRtcpHeader(byte[] b, int off, int len) {
        return len >= 8 && ((b[off] & 0xFF) >>> 6) == 2;
    }

    static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    static int ssrcOfRtp(byte[] b, int off) {
        return PacketTransform.getInt(b, off + 8);
    }

    static int ssrcOfRtcp(byte[] b, int off) {
        return PacketTransform.getInt(b, off + 4);
    }
}
