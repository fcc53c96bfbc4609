package dev.parley.media.processing;

import java.util.Arrays;

/**
 * A long FIR filter held in the frequency domain as equal partitions (partitioned-block
 * frequency-domain adaptive filter, overlap-save): partition {@code p} holds taps
 * {@code [p * block, (p + 1) * block)}, zero-padded to the FFT size, and multiplies the far
 * spectrum {@code p} blocks old. Filtering is a multiply-accumulate per bin; adapting adds a
 * gradient per partition, and the gradient constraint (taps past the partition's block zeroed) is
 * applied to a few partitions per frame in turn rather than all, which keeps the cost of a frame
 * to a handful of FFTs.
 */
final class PartitionedBlockFilter {
    private final int partitions;
    private final int block;
    private final int bins;
    private final float[][] wr;
    private final float[][] wi;

    PartitionedBlockFilter(int partitions, int block, int bins) {
        this.partitions = partitions;
        this.block = block;
        this.bins = bins;
        wr = new float[partitions][bins];
        wi = new float[partitions][bins];
    }

    void clear() {
        for (int p = 0; p < partitions; p++) {
            Arrays.fill(wr[p], 0);
            Arrays.fill(wi[p], 0);
        }
    }

    void copyFrom(PartitionedBlockFilter other) {
        for (int p = 0; p < partitions; p++) {
            System.arraycopy(other.wr[p], 0, wr[p], 0, bins);
            System.arraycopy(other.wi[p], 0, wi[p], 0, bins);
        }
    }

    /** {@code Y = sum_p W_p X_p}: the filter's output spectrum for the newest block. */
    void filter(FarSpectra x, float[] yr, float[] yi) {
        Arrays.fill(yr, 0);
        Arrays.fill(yi, 0);
        for (int p = 0; p < partitions; p++) {
            float[] xr = x.re(p);
            float[] xi = x.im(p);
            float[] hr = wr[p];
            float[] hi = wi[p];
            for (int k = 0; k < bins; k++) {
                yr[k] += xr[k] * hr[k] - xi[k] * hi[k];
                yi[k] += xr[k] * hi[k] + xi[k] * hr[k];
            }
        }
    }

    /**
     * {@code W_p += s_p conj(X_p) G} for every partition: one (unconstrained) gradient step, scaled
     * per partition by {@code steps} (which average 1).
     */
    void adapt(FarSpectra x, float[] gr, float[] gi, float[] steps) {
        for (int p = 0; p < partitions; p++) {
            float[] xr = x.re(p);
            float[] xi = x.im(p);
            float[] hr = wr[p];
            float[] hi = wi[p];
            float s = steps[p];
            for (int k = 0; k < bins; k++) {
                hr[k] += s * (xr[k] * gr[k] + xi[k] * gi[k]);
                hi[k] += s * (xr[k] * gi[k] - xi[k] * gr[k]);
            }
        }
    }

    /**
     * Proportionate steps (IPNLMS across partitions): half of the step spread evenly, half in
     * proportion to each partition's share of the filter's magnitude, so the strong early part of
     * a decaying room response converges first instead of waiting for the weak tail.
     */
    void proportionateSteps(float[] steps, float proportion) {
        float total = 0;
        for (int p = 0; p < partitions; p++) {
            float e = 0;
            float[] hr = wr[p];
            float[] hi = wi[p];
            for (int k = 0; k < bins; k++) {
                e += hr[k] * hr[k] + hi[k] * hi[k];
            }
            steps[p] = (float) Math.sqrt(e);
            total += steps[p];
        }
        for (int p = 0; p < partitions; p++) {
            float share = total > 0 ? steps[p] / total : 1f / partitions;
            steps[p] = (1 - proportion) + proportion * partitions * share;
        }
    }

    /** Zeros partition {@code p}'s taps past its block, which unconstrained updates leave behind. */
    void constrain(int p, RealFft fft, float[] time) {
        fft.inverse(wr[p], wi[p], time);
        Arrays.fill(time, block, time.length, 0);
        fft.forward(time, wr[p], wi[p]);
    }

    /**
     * Moves the taps {@code samples} earlier (later when negative): after the far signal's alignment
     * grew by {@code samples}, the same echo path sits that much earlier in the filter. Taps moved
     * past either end are dropped; {@code taps} holds {@code partitions * block} samples.
     */
    void shift(int samples, RealFft fft, float[] time, float[] taps) {
        for (int p = 0; p < partitions; p++) {
            fft.inverse(wr[p], wi[p], time);
            System.arraycopy(time, 0, taps, p * block, block);
        }
        int length = partitions * block;
        for (int p = 0; p < partitions; p++) {
            Arrays.fill(time, 0);
            for (int j = 0; j < block; j++) {
                int from = p * block + j + samples;
                time[j] = from >= 0 && from < length ? taps[from] : 0;
            }
            fft.forward(time, wr[p], wi[p]);
        }
    }
}
