package dev.parley.media.processing;

/**
 * The spectra of the far-end blocks the adaptive filter's partitions multiply: the newest block's
 * and those of the {@code partitions - 1} blocks before it, each an FFT of the {@code fftSize}
 * samples ending where its block ends (overlap-save), in a ring so a new frame costs one FFT.
 * Also gives, per bin, the far power summed over the partitions with weights: the adaptive
 * filter's normaliser.
 */
final class FarSpectra {
    private final int partitions;
    private final int block;
    private final float[][] re;
    private final float[][] im;
    private final float[] newestPower;
    private final float[] weighted;
    private final float[] samples;
    private int newest;

    FarSpectra(int partitions, int block, RealFft fft) {
        this.partitions = partitions;
        this.block = block;
        this.re = new float[partitions][fft.bins()];
        this.im = new float[partitions][fft.bins()];
        this.newestPower = new float[fft.bins()];
        this.weighted = new float[fft.bins()];
        this.samples = new float[fft.size()];
    }

    /** Real parts of the spectrum {@code age} blocks old (0 = newest). */
    float[] re(int age) {
        return re[slot(age)];
    }

    float[] im(int age) {
        return im[slot(age)];
    }

    /** Per bin, {@code sum_p weights[p] |X_p|^2}: the normaliser of a step scaled per partition. */
    float[] weightedPower(float[] weights) {
        java.util.Arrays.fill(weighted, 0);
        for (int age = 0; age < partitions; age++) {
            float[] r = re[slot(age)];
            float[] i = im[slot(age)];
            float w = weights[age];
            for (int k = 0; k < weighted.length; k++) {
                weighted[k] += w * (r[k] * r[k] + i[k] * i[k]);
            }
        }
        return weighted;
    }

    /** Per bin, |X|^2 of the newest block. */
    float[] newestPower() {
        return newestPower;
    }

    private void powerOfNewest() {
        float[] r = re[newest];
        float[] i = im[newest];
        for (int k = 0; k < newestPower.length; k++) {
            newestPower[k] = r[k] * r[k] + i[k] * i[k];
        }
    }

    /** Adds the block ending at far-sample index {@code end} as the newest spectrum. */
    void push(FarEndHistory far, long end, RealFft fft) {
        newest = (newest + 1) % partitions;
        transform(far, end, fft, newest);
        powerOfNewest();
    }

    /** Recomputes every partition's spectrum for blocks ending at {@code end}, {@code end - block}, … (after a realignment). */
    void refill(FarEndHistory far, long end, RealFft fft) {
        for (int age = 0; age < partitions; age++) {
            transform(far, end - (long) age * block, fft, slot(age));
        }
        powerOfNewest();
    }

    /** Energy of the newest block's last {@code block} samples (the new ones), in sample units. */
    float newestBlockEnergy() {
        float e = 0;
        for (int i = samples.length - block; i < samples.length; i++) {
            e += samples[i] * samples[i];
        }
        return e;
    }

    private void transform(FarEndHistory far, long end, RealFft fft, int slot) {
        far.read(end - samples.length, samples, 0, samples.length);
        fft.forward(samples, re[slot], im[slot]);
    }

    private int slot(int age) {
        return ((newest - age) % partitions + partitions) % partitions;
    }
}
