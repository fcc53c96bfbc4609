package dev.parley.rtc.media;

import java.io.ByteArrayOutputStream;

/**
 * The boolean entropy encoder of RFC 6386 §7.3, for writing VP8 frame headers with known fields
 * in tests; flushed as libvpx does, with 32 zero bits at probability 128.
 */
final class BoolEncoder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private byte[] written = new byte[0];
    private long bottom;
    private int range = 255;
    private int bitCount = 24;

    void writeBool(int probability, boolean bit) {
        int split = 1 + (((range - 1) * probability) >> 8);
        if (bit) {
            bottom += split;
            range -= split;
        } else {
            range = split;
        }
        while (range < 128) {
            range <<= 1;
            if ((bottom & (1L << 31)) != 0) {
                addOneToOutput();
            }
            bottom = (bottom << 1) & 0xFFFF_FFFFL;
            if (--bitCount == 0) {
                out.write((int) (bottom >>> 24));
                bottom &= (1 << 24) - 1;
                bitCount = 8;
            }
        }
    }

    void writeFlag(boolean bit) {
        writeBool(128, bit);
    }

    void writeLiteral(int value, int bits) {
        for (int i = bits - 1; i >= 0; i--) {
            writeFlag(((value >> i) & 1) == 1);
        }
    }

    /** Magnitude then sign, as the frame header's deltas (§19.2). */
    void writeSignedLiteral(int value, int bits) {
        writeLiteral(Math.abs(value), bits);
        writeFlag(value < 0);
    }

    /** An optional delta: absent when zero. */
    void writeOptionalDelta(int value, int bits) {
        writeFlag(value != 0);
        if (value != 0) {
            writeSignedLiteral(value, bits);
        }
    }

    byte[] finish() {
        for (int i = 0; i < 32; i++) {
            writeFlag(false);
        }
        return out.toByteArray();
    }

    /** A carry into bytes already written: 0xFF bytes roll over to 0 and carry on. */
    private void addOneToOutput() {
        byte[] bytes = out.toByteArray();
        int i = bytes.length - 1;
        while (i >= 0 && bytes[i] == (byte) 0xFF) {
            bytes[i] = 0;
            i--;
        }
        if (i >= 0) {
            bytes[i]++;
        }
        out.reset();
        out.writeBytes(bytes);
    }
}
