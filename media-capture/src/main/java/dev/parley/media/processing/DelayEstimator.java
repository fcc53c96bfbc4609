package dev.parley.media.processing;

import java.util.Arrays;

/**
 * Finds the bulk delay between the far-end signal and its echo in the microphone signal. Both are
 * decimated to 3 kHz; every 50 ms the cross-spectrum of the last 683 ms of far signal and the last
 * 171 ms of microphone signal (Hann-tapered: its edges would otherwise leak into every bin) is
 * added to a running sum forgotten by 0.6 per look, and its phase-transform (PHAT)
 * cross-correlation peaks at the delay, over lags of 0 to 341 ms. PHAT weighs every frequency
 * alike, so speech's strong low harmonics do not smear the peak. The strongest lag can be a
 * reflection: the onset is the earliest lag up to 40 ms before it that reaches half of it (the
 * direct path). A delay is adopted when the peak is clear and two looks in a row agree; looks are
 * only taken while the far end is active. A changed delay is followed within a second or so.
 */
final class DelayEstimator {
    private static final int FACTOR = 16;
    private static final int DECIMATION_TAPS = 64;
    private static final int LAGS = 1024; // 341 ms at 3 kHz
    private static final int NEAR = 512; // the microphone window: 171 ms
    private static final int SIZE = 2048; // the far window: the microphone's plus every lag
    private static final int FRAMES_PER_LOOK = 5;
    private static final int LOOKS_TO_AGREE = 2;
    private static final int AGREEMENT_LAGS = 3;
    private static final float FORGET = 0.6f;
    private static final float MIN_PEAKINESS = 5; // peak over the RMS of all lags
    private static final float ONSET_FRACTION = 0.5f;
    private static final int ONSET_SEARCH_LAGS = 120; // 40 ms
    private static final float FAR_ACTIVE = 1e-7f; // mean square of the decimated, whitened far signal

    private final Decimator farDecimator;
    private final Decimator nearDecimator;
    private final float[] farDecimated;
    private final float[] nearDecimated;
    private final float[] nearWindow = new float[SIZE]; // the newest NEAR samples at the end, zeros before
    private final float[] farRecent = new float[SIZE]; // newest at the end
    private final float[] nearRecent = new float[NEAR];
    private final RealFft fft = new RealFft(SIZE);
    private final float[] xr;
    private final float[] xi;
    private final float[] yr;
    private final float[] yi;
    private final float[] cr;
    private final float[] ci;
    private final float[] wr;
    private final float[] wi;
    private final float[] correlation = new float[SIZE];
    private final float[] taper = new float[NEAR];
    private final int lowBin;
    private final int highBin;
    private int frames;
    private int candidate = -1;
    private int agreeing;
    private int delayLags = -1;

    DelayEstimator(int frameSamples) {
        farDecimator = new Decimator(FACTOR, DECIMATION_TAPS, frameSamples);
        nearDecimator = new Decimator(FACTOR, DECIMATION_TAPS, frameSamples);
        farDecimated = new float[frameSamples / FACTOR];
        nearDecimated = new float[frameSamples / FACTOR];
        int bins = fft.bins();
        xr = new float[bins];
        xi = new float[bins];
        yr = new float[bins];
        yi = new float[bins];
        cr = new float[bins];
        ci = new float[bins];
        wr = new float[bins];
        wi = new float[bins];
        // 80 Hz to 1.2 kHz of the 1.5 kHz decimated band: above is the decimator's roll-off
        for (int i = 0; i < NEAR; i++) {
            // a Hann taper on the microphone window: its edges would otherwise leak into every bin,
            // which the phase transform amplifies into a false peak near lag 0
            taper[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 0.5) / NEAR));
        }
        lowBin = 80 * SIZE / 3000;
        highBin = 1200 * SIZE / 3000;
    }

    /** The newest far frame (unaligned: ending at the capture frame's far-clock position) and the capture frame. */
    void process(float[] far, float[] near, int frameSamples) {
        farDecimator.process(far, frameSamples, farDecimated);
        nearDecimator.process(near, frameSamples, nearDecimated);
        int n = farDecimated.length;
        System.arraycopy(farRecent, n, farRecent, 0, SIZE - n);
        System.arraycopy(farDecimated, 0, farRecent, SIZE - n, n);
        System.arraycopy(nearRecent, n, nearRecent, 0, NEAR - n);
        System.arraycopy(nearDecimated, 0, nearRecent, NEAR - n, n);
        if (++frames % FRAMES_PER_LOOK == 0) {
            look();
        }
    }

    private void look() {
        float farEnergy = 0;
        for (int i = SIZE - LAGS; i < SIZE; i++) {
            farEnergy += farRecent[i] * farRecent[i];
        }
        if (farEnergy < FAR_ACTIVE * LAGS) {
            return; // nothing to hear an echo of
        }
        Arrays.fill(nearWindow, 0, SIZE - NEAR, 0);
        for (int i = 0; i < NEAR; i++) {
            nearWindow[SIZE - NEAR + i] = nearRecent[i] * taper[i];
        }
        fft.forward(farRecent, xr, xi);
        fft.forward(nearWindow, yr, yi);
        // conj(X) Y: its inverse at lag l is sum_n y[n] x[n - l], lags 0..LAGS without wrapping
        for (int k = 0; k < cr.length; k++) {
            float r = xr[k] * yr[k] + xi[k] * yi[k];
            float i = xr[k] * yi[k] - xi[k] * yr[k];
            cr[k] = FORGET * cr[k] + r;
            ci[k] = FORGET * ci[k] + i;
        }
        for (int k = 0; k < cr.length; k++) {
            if (k < lowBin || k > highBin) {
                wr[k] = 0;
                wi[k] = 0;
                continue;
            }
            float magnitude = (float) Math.sqrt(cr[k] * cr[k] + ci[k] * ci[k]);
            float scale = magnitude > 0 ? 1 / magnitude : 0;
            wr[k] = cr[k] * scale;
            wi[k] = ci[k] * scale;
        }
        fft.inverse(wr, wi, correlation);
        int peak = 0;
        float sum = 0;
        for (int l = 0; l < LAGS; l++) {
            float a = correlation[l] * correlation[l];
            sum += a;
            if (a > correlation[peak] * correlation[peak]) {
                peak = l;
            }
        }
        if (!Float.isFinite(sum)) {
            reset();
            return;
        }
        float peakiness = sum > 0 ? correlation[peak] * correlation[peak] / (sum / LAGS) : 0;
        if (peakiness < MIN_PEAKINESS * MIN_PEAKINESS) {
            agreeing = 0;
            return;
        }
        // The strongest lag may be a reflection: the onset is the earliest lag shortly before it
        // that comes close to it (the direct path).
        float threshold = ONSET_FRACTION * Math.abs(correlation[peak]);
        int onset = peak;
        for (int l = Math.max(0, peak - ONSET_SEARCH_LAGS); l < peak; l++) {
            if (Math.abs(correlation[l]) >= threshold) {
                onset = l;
                break;
            }
        }
        agreeing = candidate >= 0 && Math.abs(onset - candidate) <= AGREEMENT_LAGS ? agreeing + 1 : 1;
        candidate = onset;
        if (agreeing >= LOOKS_TO_AGREE && (delayLags < 0 || Math.abs(onset - delayLags) > AGREEMENT_LAGS)) {
            delayLags = onset; // moves of a millisecond or less are jitter, not a new delay
        }
    }


    /** The echo path's onset in full-rate samples, or -1 while unknown. */
    int delaySamples() {
        return delayLags < 0 ? -1 : delayLags * FACTOR;
    }

    /**
     * The far clock moved by {@code samples} (a multiple of the decimation factor or not) over the
     * same far signal: the far window and the delay move with it. The cross-spectrum sum is dropped
     * (it is only a few looks' worth), so the next delay comes from samples on the new clock.
     */
    void rebase(int samples) {
        int lags = Math.round((float) samples / FACTOR);
        if (lags == 0) {
            return;
        }
        int keep = Math.max(0, SIZE - Math.abs(lags));
        if (lags < 0) { // the clock moved back: its newest samples come again
            System.arraycopy(farRecent, 0, farRecent, SIZE - keep, keep);
            Arrays.fill(farRecent, 0, SIZE - keep, 0);
        } else { // moved forward: the samples skipped are not known here
            System.arraycopy(farRecent, SIZE - keep, farRecent, 0, keep);
            Arrays.fill(farRecent, keep, SIZE, 0);
        }
        Arrays.fill(cr, 0);
        Arrays.fill(ci, 0);
        candidate = -1;
        agreeing = 0;
        if (delayLags >= 0) {
            delayLags = delayLags + lags >= 0 ? delayLags + lags : -1;
        }
    }

    void reset() {
        Arrays.fill(farRecent, 0);
        Arrays.fill(nearRecent, 0);
        Arrays.fill(cr, 0);
        Arrays.fill(ci, 0);
        farDecimator.reset();
        nearDecimator.reset();
        frames = 0;
        candidate = -1;
        agreeing = 0;
        delayLags = -1;
    }
}
