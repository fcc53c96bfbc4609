package dev.parley.rtc.media;

import java.util.Arrays;

/** H.264 NAL unit header fields (ITU-T H.264 §7.3.1; RFC 6184 §1.3), the types RTP uses, and the RBSP inside. */
final class H264Nal {
    /** A coded slice of a non-IDR picture. */
    static final int NON_IDR_SLICE = 1;
    static final int IDR = 5;
    static final int SPS = 7;
    static final int PPS = 8;
    /** RFC 6184 §5.7.1: single-time aggregation packet. */
    static final int STAP_A = 24;
    /** RFC 6184 §5.8: fragmentation unit without DON. */
    static final int FU_A = 28;

    private H264Nal() {}

    /** nal_ref_idc: zero for a picture no other picture refers to. */
    static int refIdc(int header) {
        return (header >> 5) & 3;
    }

    static int type(int header) {
        return header & 0x1F;
    }

    /** forbidden_zero_bit and nal_ref_idc: the bits an aggregate or fragment carries over. */
    static int forbiddenAndNri(int header) {
        return header & 0xE0;
    }

    /**
     * The raw byte sequence payload of a NAL unit (§7.3.1, §7.4.1): the bytes after its one-byte
     * header with each emulation_prevention_three_byte (the 03 of {@code 00 00 03}) removed.
     */
    static byte[] rbsp(byte[] stream, int offset, int length) {
        byte[] out = new byte[Math.max(0, length - 1)];
        int n = 0;
        int zeros = 0;
        for (int i = offset + 1; i < offset + length; i++) {
            int b = stream[i] & 0xFF;
            if (zeros >= 2 && b == 3) {
                zeros = 0;
                continue;
            }
            zeros = b == 0 ? zeros + 1 : 0;
            out[n++] = (byte) b;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }
}
