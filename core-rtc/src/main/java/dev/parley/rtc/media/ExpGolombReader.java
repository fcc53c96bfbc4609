package dev.parley.rtc.media;

/**
 * Reads H.264 syntax elements from an RBSP (emulation prevention already removed, see
 * {@link H264Nal#rbsp}): fixed-width {@code u(n)} and the Exp-Golomb codes {@code ue(v)} and
 * {@code se(v)} of ITU-T H.264 §9.1, most significant bit first. Reading past the end fails.
 */
final class ExpGolombReader {
    /** ue(v) values used by H.264 fit in 32 bits (§9.1: at most 2^32 − 2), so at most 31 leading zeros. */
    private static final int MAX_LEADING_ZEROS = 31;

    private final byte[] data;
    private long bitPosition;

    ExpGolombReader(byte[] data) {
        this.data = data;
    }

    /** {@code u(1)}. */
    boolean readFlag() throws BitstreamParseException {
        return readBits(1) == 1;
    }

    /** {@code u(n)} for n in 0..32. */
    long readBits(int n) throws BitstreamParseException {
        if (n < 0 || n > 32) {
            throw new IllegalArgumentException("bits " + n);
        }
        if (bitPosition + n > (long) data.length * 8) {
            throw new BitstreamParseException("read of " + n + " bits past the end of a " + data.length + "-byte RBSP");
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            int b = data[(int) (bitPosition >>> 3)] >> (7 - (int) (bitPosition & 7)) & 1;
            v = (v << 1) | b;
            bitPosition++;
        }
        return v;
    }

    /** {@code ue(v)} (§9.1): leading zeros, a one, then as many bits. */
    long readUe() throws BitstreamParseException {
        int zeros = 0;
        while (readBits(1) == 0) {
            if (++zeros > MAX_LEADING_ZEROS) {
                throw new BitstreamParseException("an Exp-Golomb code with more than 31 leading zeros");
            }
        }
        return (1L << zeros) - 1 + readBits(zeros);
    }

    /** A {@code ue(v)} that the syntax limits to {@code max}; anything larger is a broken stream. */
    int readUe(int max, String element) throws BitstreamParseException {
        long v = readUe();
        if (v > max) {
            throw new BitstreamParseException(element + " " + v + " above its limit " + max);
        }
        return (int) v;
    }

    /** {@code se(v)} (§9.1.1): codes 1, 2, 3, 4, … are +1, −1, +2, −2, …. */
    long readSe() throws BitstreamParseException {
        long k = readUe();
        return (k & 1) == 1 ? (k + 1) / 2 : -(k / 2);
    }

    /** An {@code se(v)} the syntax limits to [min, max]. */
    int readSe(int min, int max, String element) throws BitstreamParseException {
        long v = readSe();
        if (v < min || v > max) {
            throw new BitstreamParseException(element + " " + v + " outside " + min + ".." + max);
        }
        return (int) v;
    }
}
