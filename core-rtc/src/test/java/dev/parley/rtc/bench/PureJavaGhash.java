package dev.parley.rtc.bench;

/**
 * GHASH (NIST SP 800-38D §6.4) in plain Java with 8-bit tables for a fixed H, only so that
 * {@link SrtpPrimitivesBenchmark} can measure "AES/CTR + our own GHASH" against the JDK's AES/GCM,
 * whose GHASH the JIT replaces with carry-less multiply instructions. Not used by the SRTP code
 * (and table lookups indexed by data would leak timing besides).
 *
 * <p>Blocks are two longs, {@code hi} holding bytes 0–7 big-endian. Bit 0 of the field element is
 * the most significant bit of byte 0 (SP 800-38D §6.3), so multiplying by α is a right shift, and
 * a bit shifted out past position 127 folds back as R = 0xE1 || 0^120.
 */
final class PureJavaGhash {
    /** {@code tableHi/Lo[v]} = (the 8 field bits of byte value v) · H. */
    private final long[] tableHi = new long[256];
    private final long[] tableLo = new long[256];
    /** The reduction of the 8 bits a right shift by 8 drops, by their value. */
    private final long[] reduce = new long[256];
    private long yHi;
    private long yLo;

    PureJavaGhash(byte[] h) {
        long hHi = getLong(h, 0);
        long hLo = getLong(h, 8);
        // Byte bit 7 is field position 0: it contributes H itself; bit 6 contributes H·α, and so on.
        long[] powHi = new long[8];
        long[] powLo = new long[8];
        for (int t = 0; t < 8; t++) {
            powHi[7 - t] = hHi;
            powLo[7 - t] = hLo;
            long carry = hLo & 1;
            hLo = (hLo >>> 1) | (hHi << 63);
            hHi = (hHi >>> 1) ^ (carry != 0 ? 0xE100000000000000L : 0);
        }
        for (int v = 0; v < 256; v++) {
            for (int bit = 0; bit < 8; bit++) {
                if ((v & (1 << bit)) != 0) {
                    tableHi[v] ^= powHi[bit];
                    tableLo[v] ^= powLo[bit];
                }
            }
            // Dropped bit j (value 1 << j) sat at position 127 - j and lands on 128 + (7 - j).
            for (int j = 0; j < 8; j++) {
                if ((v & (1 << j)) != 0) {
                    reduce[v] ^= 0xE100000000000000L >>> (7 - j);
                }
            }
        }
    }

    void reset() {
        yHi = 0;
        yLo = 0;
    }

    /** Absorbs {@code b[off, off+len)}, zero-padded to whole blocks (one call per AAD or ciphertext). */
    void update(byte[] b, int off, int len) {
        byte[] pad = new byte[16];
        for (int at = 0; at < len; at += 16) {
            int n = Math.min(16, len - at);
            if (n == 16) {
                block(getLong(b, off + at), getLong(b, off + at + 8));
            } else {
                java.util.Arrays.fill(pad, (byte) 0);
                System.arraycopy(b, off + at, pad, 0, n);
                block(getLong(pad, 0), getLong(pad, 8));
            }
        }
    }

    /** The final length block (bits of AAD, bits of ciphertext), then the result into {@code out[0, 16)}. */
    void finish(long aadBytes, long textBytes, byte[] out, int outOff) {
        block(aadBytes * 8, textBytes * 8);
        for (int i = 0; i < 8; i++) {
            out[outOff + i] = (byte) (yHi >>> (56 - 8 * i));
            out[outOff + 8 + i] = (byte) (yLo >>> (56 - 8 * i));
        }
    }

    /** Y = (Y ^ X) · H, by Horner over the 16 bytes from the last (highest powers of α) to the first. */
    private void block(long xHi, long xLo) {
        long aHi = yHi ^ xHi;
        long aLo = yLo ^ xLo;
        long zHi = 0;
        long zLo = 0;
        for (int i = 0; i < 16; i++) {
            int v = (int) ((i < 8 ? aLo >>> (8 * i) : aHi >>> (8 * (i - 8))) & 0xFF);
            int dropped = (int) (zLo & 0xFF);
            zLo = (zLo >>> 8) | (zHi << 56);
            zHi = (zHi >>> 8) ^ reduce[dropped];
            zHi ^= tableHi[v];
            zLo ^= tableLo[v];
        }
        yHi = zHi;
        yLo = zLo;
    }

    private static long getLong(byte[] b, int at) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[at + i] & 0xFF);
        }
        return v;
    }
}
