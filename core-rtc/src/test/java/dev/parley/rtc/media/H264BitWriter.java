package dev.parley.rtc.media;

import java.io.ByteArrayOutputStream;

/**
 * Writes H.264 syntax elements ({@code u(n)}, {@code ue(v)}, {@code se(v)}) for NAL units with
 * known fields in tests, and wraps them as Annex B NAL units with emulation prevention.
 */
final class H264BitWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int current;
    private int bits;

    H264BitWriter u(long value, int n) {
        for (int i = n - 1; i >= 0; i--) {
            current = (current << 1) | (int) ((value >> i) & 1);
            if (++bits == 8) {
                out.write(current);
                current = 0;
                bits = 0;
            }
        }
        return this;
    }

    H264BitWriter flag(boolean value) {
        return u(value ? 1 : 0, 1);
    }

    H264BitWriter ue(long value) {
        long codeNum = value + 1;
        int length = 64 - Long.numberOfLeadingZeros(codeNum);
        u(0, length - 1);
        return u(codeNum, length);
    }

    H264BitWriter se(long value) {
        return ue(value > 0 ? 2 * value - 1 : -2 * value);
    }

    /** rbsp_trailing_bits() and the NAL unit: header byte, the RBSP with emulation prevention, behind a start code. */
    byte[] nal(int header) {
        u(1, 1);
        while (bits != 0) {
            u(0, 1);
        }
        byte[] rbsp = out.toByteArray();
        ByteArrayOutputStream nal = new ByteArrayOutputStream();
        nal.writeBytes(AnnexB.START_CODE);
        nal.write(header);
        int zeros = 0;
        for (byte b : rbsp) {
            if (zeros >= 2 && (b & 0xFF) <= 3) {
                nal.write(3);
                zeros = 0;
            }
            nal.write(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }
        return nal.toByteArray();
    }
}
