package dev.parley.rtc.bench;

/**
 * SHA-1 in plain Java (FIPS 180-4 §6.1), only so that {@link SrtpPrimitivesBenchmark} can measure
 * the alternative issue #4 weighed against the JDK's {@code MessageDigest}, whose SHA-1 the JIT
 * replaces with SHA-NI instructions. Not used by the SRTP code.
 */
final class PureJavaSha1 {
    private final int[] w = new int[80];
    private final byte[] last = new byte[128];
    private int h0, h1, h2, h3, h4;

    /** SHA-1 of {@code data[off, off+len)} into {@code out[0, 20)}. */
    void digest(byte[] data, int off, int len, byte[] out) {
        h0 = 0x67452301;
        h1 = 0xEFCDAB89;
        h2 = 0x98BADCFE;
        h3 = 0x10325476;
        h4 = 0xC3D2E1F0;
        int full = len & ~63;
        for (int at = 0; at < full; at += 64) {
            compress(data, off + at);
        }
        // Padding (§5.1.1): 0x80, zeros, then the bit length in the last 8 bytes of the last block.
        int rest = len - full;
        java.util.Arrays.fill(last, (byte) 0);
        System.arraycopy(data, off + full, last, 0, rest);
        last[rest] = (byte) 0x80;
        int tail = rest + 9 <= 64 ? 64 : 128;
        long bits = (long) len * 8;
        for (int i = 0; i < 8; i++) {
            last[tail - 1 - i] = (byte) (bits >>> (8 * i));
        }
        for (int at = 0; at < tail; at += 64) {
            compress(last, at);
        }
        int[] h = {h0, h1, h2, h3, h4};
        for (int i = 0; i < 5; i++) {
            out[4 * i] = (byte) (h[i] >>> 24);
            out[4 * i + 1] = (byte) (h[i] >>> 16);
            out[4 * i + 2] = (byte) (h[i] >>> 8);
            out[4 * i + 3] = (byte) h[i];
        }
    }

    private void compress(byte[] b, int at) {
        for (int t = 0; t < 16; t++) {
            int i = at + 4 * t;
            w[t] = (b[i] << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
        }
        for (int t = 16; t < 80; t++) {
            w[t] = Integer.rotateLeft(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
        }
        int a = h0, b1 = h1, c = h2, d = h3, e = h4;
        for (int t = 0; t < 80; t++) {
            int f;
            int k;
            if (t < 20) {
                f = (b1 & c) | (~b1 & d);
                k = 0x5A827999;
            } else if (t < 40) {
                f = b1 ^ c ^ d;
                k = 0x6ED9EBA1;
            } else if (t < 60) {
                f = (b1 & c) | (b1 & d) | (c & d);
                k = 0x8F1BBCDC;
            } else {
                f = b1 ^ c ^ d;
                k = 0xCA62C1D6;
            }
            int temp = Integer.rotateLeft(a, 5) + f + e + k + w[t];
            e = d;
            d = c;
            c = Integer.rotateLeft(b1, 30);
            b1 = a;
            a = temp;
        }
        h0 += a;
        h1 += b1;
        h2 += c;
        h3 += d;
        h4 += e;
    }
}
