package dev.parley.rtc.rtp;

import java.nio.ByteBuffer;

/** RTCP packet types and the common header framing (RFC 3550 §6.4.1). */
final class Rtcp {
    static final int SR = 200;
    static final int RR = 201;
    static final int SDES = 202;
    static final int BYE = 203;
    static final int APP = 204;
    /** RFC 4585 §6.1 transport layer feedback. */
    static final int RTPFB = 205;
    /** RFC 4585 §6.1 payload-specific feedback. */
    static final int PSFB = 206;
    /** RFC 3611 extended report. */
    static final int XR = 207;

    static final int HEADER_LENGTH = 4;

    private Rtcp() {}

    /** Zero fill that brings content plus padding to a whole number of 32-bit words. */
    static int fill(int contentLength, int paddingLength) {
        return -(contentLength + paddingLength) & 3;
    }

    static int framedLength(RtcpPacket p, int paddingLength) {
        return HEADER_LENGTH + p.contentLength() + fill(p.contentLength(), paddingLength) + paddingLength;
    }

    /** Writes header, content, fill and padding (zeros ending in the count). */
    static void write(RtcpPacket p, int paddingLength, ByteBuffer out) {
        int content = p.contentLength();
        int fill = fill(content, paddingLength);
        int words = (content + fill + paddingLength) / 4;
        if (words > 0xFFFF) {
            throw new IllegalStateException("RTCP packet too long: " + (HEADER_LENGTH + 4 * words) + " bytes");
        }
        out.put((byte) ((RtpPacket.VERSION << 6) | (paddingLength > 0 ? 0x20 : 0) | p.countOrFormat()));
        out.put((byte) p.packetType());
        out.putShort((short) words);
        int start = out.position();
        p.writeContent(out);
        if (out.position() - start != content) {
            throw new IllegalStateException(p.getClass().getSimpleName() + " wrote " + (out.position() - start)
                    + " bytes, declared " + content);
        }
        int zeros = paddingLength > 0 ? fill + paddingLength - 1 : fill;
        for (int i = 0; i < zeros; i++) {
            out.put((byte) 0);
        }
        if (paddingLength > 0) {
            out.put((byte) paddingLength);
        }
    }

    static void putU24(ByteBuffer out, int v) {
        out.put((byte) (v >> 16));
        out.putShort((short) v);
    }

    static void putU32(ByteBuffer out, long v) {
        out.putInt((int) v);
    }
}
