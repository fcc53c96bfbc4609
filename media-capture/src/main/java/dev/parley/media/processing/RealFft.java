package dev.parley.media.processing;

/**
 * A radix-2 FFT of real signals: a complex FFT of half the size on the even and odd samples packed
 * as real and imaginary parts, then one pass that splits the two spectra apart. Twiddles, the
 * bit-reversal table and the scratch arrays are made once, so a transform allocates nothing; the
 * scratch makes an instance usable by one thread at a time.
 *
 * <p>Spectra are {@code size / 2 + 1} bins held as separate real and imaginary arrays. The forward
 * transform is unscaled; the inverse divides by {@code size}, so inverse(forward(x)) == x.
 */
final class RealFft {
    private final int size;
    private final int half;
    private final float[] cos; // e^{-2 pi i k / half} for the complex FFT, k < half/2
    private final float[] sin;
    private final float[] splitCos; // e^{-2 pi i k / size} for the split pass, k <= half
    private final float[] splitSin;
    private final int[] bitReversed;
    private final float[] zr;
    private final float[] zi;

    RealFft(int size) {
        if (size < 4 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("an FFT size is a power of two of at least 4, not " + size);
        }
        this.size = size;
        this.half = size / 2;
        cos = new float[half / 2];
        sin = new float[half / 2];
        for (int k = 0; k < half / 2; k++) {
            double a = -2 * Math.PI * k / half;
            cos[k] = (float) Math.cos(a);
            sin[k] = (float) Math.sin(a);
        }
        splitCos = new float[half + 1];
        splitSin = new float[half + 1];
        for (int k = 0; k <= half; k++) {
            double a = -2 * Math.PI * k / size;
            splitCos[k] = (float) Math.cos(a);
            splitSin[k] = (float) Math.sin(a);
        }
        bitReversed = new int[half];
        int bits = Integer.numberOfTrailingZeros(half);
        for (int i = 0; i < half; i++) {
            bitReversed[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
        zr = new float[half];
        zi = new float[half];
    }

    int size() {
        return size;
    }

    /** Bins of a spectrum: {@code size / 2 + 1}. */
    int bins() {
        return half + 1;
    }

    /** The spectrum of {@code in[0..size)} into {@code re}, {@code im} (each {@link #bins()} long). */
    void forward(float[] in, float[] re, float[] im) {
        for (int n = 0; n < half; n++) {
            int r = bitReversed[n];
            zr[r] = in[2 * n];
            zi[r] = in[2 * n + 1];
        }
        butterflies();
        // Z[k] packs the even samples' spectrum Fe and the odd samples' Fo: Fe = (Z[k] + conj Z[-k]) / 2,
        // Fo = (Z[k] - conj Z[-k]) / 2i, and X[k] = Fe[k] + W^k Fo[k] with W = e^{-2 pi i / size}.
        for (int k = 0; k <= half; k++) {
            int a = k == half ? 0 : k;
            int b = k == 0 ? 0 : half - k;
            float ar = zr[a];
            float ai = zi[a];
            float br = zr[b];
            float bi = -zi[b];
            float er = 0.5f * (ar + br);
            float ei = 0.5f * (ai + bi);
            float dr = 0.5f * (ar - br);
            float di = 0.5f * (ai - bi);
            float or = di; // (dr + i di) / i
            float oi = -dr;
            float c = splitCos[k];
            float s = splitSin[k];
            re[k] = er + c * or - s * oi;
            im[k] = ei + c * oi + s * or;
        }
    }

    /** The signal of spectrum {@code re}, {@code im} into {@code out[0..size)}, scaled by 1/size. */
    void inverse(float[] re, float[] im, float[] out) {
        // Undo the split: Fe = (X[k] + conj X[half-k]) / 2, Fo = (X[k] - conj X[half-k]) / (2 W^k), Z = Fe + i Fo.
        for (int k = 0; k < half; k++) {
            float ar = re[k];
            float ai = im[k];
            float br = re[half - k];
            float bi = -im[half - k];
            float er = 0.5f * (ar + br);
            float ei = 0.5f * (ai + bi);
            float dr = 0.5f * (ar - br);
            float di = 0.5f * (ai - bi);
            float c = splitCos[k];
            float s = -splitSin[k]; // 1 / W^k = conj W^k
            float or = dr * c - di * s;
            float oi = dr * s + di * c;
            // conjugate on the way in so the forward butterflies compute the inverse transform
            int r = bitReversed[k];
            zr[r] = er - oi;
            zi[r] = -(ei + or);
        }
        butterflies();
        float scale = 1f / half;
        for (int n = 0; n < half; n++) {
            out[2 * n] = zr[n] * scale;
            out[2 * n + 1] = -zi[n] * scale;
        }
    }

    /** In-place iterative radix-2 decimation-in-time on bit-reversed {@code zr}, {@code zi}. */
    private void butterflies() {
        for (int len = 2; len <= half; len <<= 1) {
            int step = half / len;
            int h = len >> 1;
            for (int start = 0; start < half; start += len) {
                for (int j = 0; j < h; j++) {
                    float c = cos[j * step];
                    float s = sin[j * step];
                    int p = start + j;
                    int q = p + h;
                    float tr = zr[q] * c - zi[q] * s;
                    float ti = zr[q] * s + zi[q] * c;
                    zr[q] = zr[p] - tr;
                    zi[q] = zi[p] - ti;
                    zr[p] += tr;
                    zi[p] += ti;
                }
            }
        }
    }
}
