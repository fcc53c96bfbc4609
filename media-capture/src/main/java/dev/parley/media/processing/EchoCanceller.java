package dev.parley.media.processing;

import java.util.Arrays;

/**
 * The linear echo canceller: subtracts the echo of the far-end signal, predicted by a partitioned
 * frequency-domain adaptive filter, from the microphone signal, one frame (= one block) at a time
 * with no added delay (overlap-save, block = frame).
 *
 * <p>Double talk is handled with two filters. A background filter adapts on every frame with a
 * per-bin normalised (NLMS) step and so converges fast, but near-end speech drags it off; the
 * foreground filter, whose output is used, only ever takes the background's coefficients when the
 * background's error is significantly smaller (by more than the difference of the two outputs
 * could explain by chance, over one frame or a smoothed few). When the background goes clearly
 * wrong it is put back to the foreground. A filter whose output is not finite or explodes is reset;
 * a frame the foreground makes worse than the microphone passes the microphone through.
 *
 * <p>Speech excites a room response unevenly, so the step is proportionate: partitions holding
 * more of the filter (the early, strong part of a decaying response) adapt faster.
 *
 * <p>The far signal is read at an alignment (the bulk delay, from {@link DelayEstimator}); when it
 * changes the filters' taps are moved by the same amount, so a converged filter stays converged.
 */
final class EchoCanceller {
    /** The NLMS step (of 2 for stability), on the proportionately weighted far power. */
    private static final float STEP = 1.5f;
    /** Half the step goes to partitions in proportion to their share of the filter (IPNLMS). */
    private static final float PROPORTION = 0.7f;
    /** Bins under 1 % of the average far power get a smaller step (their error is mostly leakage). */
    private static final float RELATIVE_FLOOR = 0.01f;
    /** The normaliser never drops below this smoothing of the newest block's power (speech onsets). */
    private static final float POWER_SMOOTHING = 0.97f;
    /** The foreground only takes a background that removes at least 3 dB of the microphone signal. */
    private static final double COPY_BELOW = 0.5;
    /** A foreground output this far above the microphone's and the far span's energy means the filter diverged. */
    private static final double DIVERGED = 1e4;
    /** Partitions constrained per frame, in turn. */
    private static final int CONSTRAINED_PER_FRAME = 2;
    private final int block;
    private final int partitions;
    private final RealFft fft;
    private final FarEndHistory far;
    private final FarSpectra spectra;
    private final PartitionedBlockFilter foreground;
    private final PartitionedBlockFilter background;
    private final float[] yr;
    private final float[] yi;
    private final float[] gr;
    private final float[] gi;
    private final float[] time;
    private final float[] taps;
    private final float[] steps;
    private final float[] smoothedPower;
    private final float[] farEnergies; // the far blocks' energies over the filter's span, a ring
    private int farEnergyIndex;
    private double farSpanEnergy;
    private final float[] backgroundEcho;
    private final float[] backgroundError;
    private final float regulariser;
    private int alignment;
    private int nextConstrained;
    // The foreground/background comparison's smoothed statistics: error-energy difference and its spread.
    private double fastGain;
    private double fastSpread;
    private double slowGain;
    private double slowSpread;
    // For the ERLE estimate: smoothed microphone and error energies while the far end is active.
    private double micSmoothed;
    private double errorSmoothed;
    private long resets;

    EchoCanceller(int block, int partitions, int fftSize, FarEndHistory far) {
        if (fftSize < 2 * block) {
            throw new IllegalArgumentException("overlap-save needs an FFT of at least twice the block");
        }
        this.block = block;
        this.partitions = partitions;
        this.far = far;
        fft = new RealFft(fftSize);
        int bins = fft.bins();
        spectra = new FarSpectra(partitions, block, fft);
        foreground = new PartitionedBlockFilter(partitions, block, bins);
        background = new PartitionedBlockFilter(partitions, block, bins);
        yr = new float[bins];
        yi = new float[bins];
        gr = new float[bins];
        gi = new float[bins];
        time = new float[fftSize];
        taps = new float[partitions * block];
        steps = new float[partitions];
        smoothedPower = new float[bins];
        farEnergies = new float[partitions];
        backgroundEcho = new float[block];
        backgroundError = new float[block];
        // Far spectra below ~-80 dBFS per bin stop steering the adaptation.
        regulariser = partitions * fftSize * 1e-8f;
    }

    /** Per bin, the power of the newest aligned far block (valid after {@link #process}). */
    float[] farPower() {
        return spectra.newestPower();
    }

    /** Samples by which the far signal is read late. */
    int alignment() {
        return alignment;
    }

    /** Filters reset because their output diverged, since construction. */
    long resets() {
        return resets;
    }

    /** The linear filter's echo return loss enhancement over roughly the last second, in dB. */
    double erleDb() {
        return errorSmoothed > 0 && micSmoothed > 0 ? 10 * Math.log10(micSmoothed / errorSmoothed) : 0;
    }

    /**
     * The far clock moved and the same far samples now sit {@code samples} from it: the alignment
     * becomes that without moving anything (the caller puts it back in range with {@link #align}).
     */
    void relabel(int samples) {
        alignment = samples;
    }

    /**
     * Reads the far signal {@code samples} late from now on, moving the filters' taps to match;
     * {@code farNow} is the far-clock position at the end of the current capture frame.
     */
    void align(int samples, long farNow) {
        int change = samples - alignment;
        if (change == 0) {
            return;
        }
        alignment = samples;
        foreground.shift(change, fft, time, taps);
        background.shift(change, fft, time, taps);
        spectra.refill(far, farNow - alignment - block, fft); // the previous frame's blocks, pushed anew below
    }

    /**
     * Cancels the echo in one frame: {@code mic[0..block)} in, {@code error} (mic minus echo) and
     * {@code echo} (the foreground's echo estimate) out; {@code farNow} as for {@link #align}.
     */
    void process(float[] mic, long farNow, float[] error, float[] echo) {
        spectra.push(far, farNow - alignment, fft);
        float farEnergy = spectra.newestBlockEnergy();
        farSpanEnergy += farEnergy - farEnergies[farEnergyIndex];
        farEnergies[farEnergyIndex] = farEnergy;
        farEnergyIndex = (farEnergyIndex + 1) % partitions;
        farSpanEnergy = Math.max(0, farSpanEnergy);
        predict(foreground, echo);
        predict(background, backgroundEcho);
        double micEnergy = 0;
        double fgEnergy = 0;
        double bgEnergy = 0;
        double difference = 0;
        for (int i = 0; i < block; i++) {
            error[i] = mic[i] - echo[i];
            backgroundError[i] = mic[i] - backgroundEcho[i];
            micEnergy += mic[i] * mic[i];
            fgEnergy += error[i] * error[i];
            bgEnergy += backgroundError[i] * backgroundError[i];
            float d = echo[i] - backgroundEcho[i];
            difference += d * d;
        }
        // Diverged: an output no echo of the far signal in the filter's span could explain. (Against
        // the microphone alone this fired on an unconverged tail over a quiet microphone.)
        if (!Double.isFinite(fgEnergy) || fgEnergy > DIVERGED * (micEnergy + farSpanEnergy) + block * 1e-6) {
            reset(mic, error, echo); // diverged: nothing the filter says can be trusted
            return;
        }
        compare(mic, error, echo, micEnergy, fgEnergy, bgEnergy, difference);
        boolean farActive = farEnergy > block * 1e-8f;
        if (farActive) {
            micSmoothed = 0.98 * micSmoothed + 0.02 * micEnergy;
            errorSmoothed = 0.98 * errorSmoothed + 0.02 * Math.min(micEnergy, fgEnergy);
            adaptBackground();
        }
        if (fgEnergy > micEnergy) {
            // The filter makes this frame worse (not yet converged, or just realigned): pass the
            // microphone on; its echo estimate still tells the residual echo suppressor where echo is.
            System.arraycopy(mic, 0, error, 0, block);
        }
    }

    private void predict(PartitionedBlockFilter filter, float[] out) {
        filter.filter(spectra, yr, yi);
        fft.inverse(yr, yi, time);
        System.arraycopy(time, time.length - block, out, 0, block);
    }

    /**
     * Decides between the two filters. The background is better when the energy it saves beats
     * the difference of the two outputs: {@code gain^2 > fgEnergy * difference} bounds how much of
     * the saving chance correlation could make; the smoothed versions catch a steady small gain.
     */
    private void compare(float[] mic, float[] error, float[] echo, double micEnergy, double fgEnergy, double bgEnergy,
            double difference) {
        double gain = fgEnergy - bgEnergy;
        double spread = fgEnergy * difference;
        fastGain = 0.6 * fastGain + 0.4 * gain;
        fastSpread = 0.36 * fastSpread + 0.16 * spread;
        slowGain = 0.85 * slowGain + 0.15 * gain;
        slowSpread = 0.7225 * slowSpread + 0.0225 * spread;
        boolean backgroundBetter = gain * Math.abs(gain) > spread
                || fastGain * Math.abs(fastGain) > 0.5 * fastSpread
                || slowGain * Math.abs(slowGain) > 0.25 * slowSpread;
        // ... and actually cancels something: while the far signal is misaligned (the delay just
        // changed) the background cannot, and the foreground is kept to be realigned intact.
        if (backgroundBetter && difference > 0 && bgEnergy < COPY_BELOW * micEnergy) {
            foreground.copyFrom(background);
            // Fade from the old foreground's output to the new one over the frame.
            for (int i = 0; i < block; i++) {
                float w = (i + 1f) / block;
                echo[i] = (1 - w) * echo[i] + w * backgroundEcho[i];
                error[i] = mic[i] - echo[i];
            }
            clearComparison();
            return;
        }
        boolean backgroundWorse = -gain * Math.abs(gain) > 4 * spread
                || -fastGain * Math.abs(fastGain) > 2 * fastSpread
                || -slowGain * Math.abs(slowGain) > 1 * slowSpread
                || bgEnergy > 16 * micEnergy + block * 1e-6
                || !Double.isFinite(bgEnergy);
        if (backgroundWorse) {
            background.copyFrom(foreground);
            System.arraycopy(echo, 0, backgroundEcho, 0, block);
            System.arraycopy(error, 0, backgroundError, 0, block);
            clearComparison();
        }
    }

    private void clearComparison() {
        fastGain = 0;
        fastSpread = 0;
        slowGain = 0;
        slowSpread = 0;
    }

    /**
     * One NLMS step of the background, per bin and partition:
     * {@code W_p += mu s_p conj(X_p) E / (sum_p s_p |X_p|^2 + delta)} with proportionate weights {@code s_p}.
     */
    private void adaptBackground() {
        Arrays.fill(time, 0, time.length - block, 0);
        System.arraycopy(backgroundError, 0, time, time.length - block, block);
        fft.forward(time, gr, gi);
        background.proportionateSteps(steps, PROPORTION);
        float[] power = spectra.weightedPower(steps);
        float[] newest = spectra.newestPower();
        for (int k = 0; k < smoothedPower.length; k++) {
            smoothedPower[k] = POWER_SMOOTHING * smoothedPower[k] + (1 - POWER_SMOOTHING) * partitions * newest[k];
            power[k] = Math.max(power[k], smoothedPower[k]);
        }
        float mean = 0;
        for (float p : power) {
            mean += p;
        }
        // Bins far below the spectrum's average (speech's upper bands) get a smaller step: their
        // error is mostly leakage from the strong bins, and a full NLMS step there would diverge.
        float floor = regulariser + RELATIVE_FLOOR * mean / power.length;
        for (int k = 0; k < gr.length; k++) {
            float mu = STEP / (power[k] + floor);
            gr[k] *= mu;
            gi[k] *= mu;
        }
        background.adapt(spectra, gr, gi, steps);
        for (int i = 0; i < CONSTRAINED_PER_FRAME; i++) {
            background.constrain(nextConstrained, fft, time);
            nextConstrained = (nextConstrained + 1) % partitions;
        }
    }

    private void reset(float[] mic, float[] error, float[] echo) {
        resets++;
        foreground.clear();
        background.clear();
        clearComparison();
        for (int i = 0; i < block; i++) {
            error[i] = Float.isFinite(mic[i]) ? mic[i] : 0; // nothing not finite goes on
        }
        Arrays.fill(echo, 0);
    }

    /** Forgets the echo path (both filters) and the comparison, as after the stage was off. */
    void clear() {
        Arrays.fill(smoothedPower, 0);
        foreground.clear();
        background.clear();
        clearComparison();
        micSmoothed = 0;
        errorSmoothed = 0;
    }
}
