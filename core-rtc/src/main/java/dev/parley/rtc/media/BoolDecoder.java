package dev.parley.rtc.media;

/**
 * The boolean entropy decoder of VP8 (RFC 6386 §7.3), over one partition, with the literal reads
 * of §19.2 ({@code L(n)}: n bits at probability 128, most significant first).
 *
 * <p>The decoder keeps two bytes ahead of the bits it has handed out, so near a partition's end
 * it shifts in zeros (as libvpx does); a read that needs more than those two bytes of zeros is
 * past the end of the data and fails.
 */
final class BoolDecoder {
    /** Bytes of zero fill a decoder may shift in at the end: its two-byte look-ahead. */
    private static final int LOOK_AHEAD = 2;

    private final byte[] data;
    private final int end;
    private int position;
    private int value;
    private int range = 255;
    private int bitCount;
    private int zerosShiftedIn;

    BoolDecoder(byte[] data, int offset, int length) throws BitstreamParseException {
        if (offset < 0 || length < LOOK_AHEAD || offset + length > data.length) {
            throw new BitstreamParseException("a boolean-coded partition needs at least two bytes");
        }
        this.data = data;
        this.end = offset + length;
        this.position = offset;
        this.value = (nextByte() << 8) | nextByte();
    }

    /** One boolean whose probability of being false is {@code probability}/256 (§7.3 {@code bool_decode}). */
    boolean readBool(int probability) throws BitstreamParseException {
        int split = 1 + (((range - 1) * probability) >> 8);
        int bigSplit = split << 8;
        boolean bit;
        if (value >= bigSplit) {
            bit = true;
            range -= split;
            value -= bigSplit;
        } else {
            bit = false;
            range = split;
        }
        while (range < 128) {
            value <<= 1;
            range <<= 1;
            if (++bitCount == 8) {
                bitCount = 0;
                value |= nextByte();
            }
        }
        return bit;
    }

    /** {@code L(1)}. */
    boolean readFlag() throws BitstreamParseException {
        return readBool(128);
    }

    /** {@code L(n)}: an unsigned n-bit literal. */
    int readLiteral(int bits) throws BitstreamParseException {
        int v = 0;
        for (int i = 0; i < bits; i++) {
            v = (v << 1) | (readFlag() ? 1 : 0);
        }
        return v;
    }

    /** A magnitude {@code L(n)} then its sign {@code L(1)}, as the header's deltas are written (§19.2). */
    int readSignedLiteral(int bits) throws BitstreamParseException {
        int magnitude = readLiteral(bits);
        return readFlag() ? -magnitude : magnitude;
    }

    private int nextByte() throws BitstreamParseException {
        if (position < end) {
            return data[position++] & 0xFF;
        }
        if (++zerosShiftedIn > LOOK_AHEAD) {
            throw new BitstreamParseException("read past the end of the partition");
        }
        return 0;
    }
}
