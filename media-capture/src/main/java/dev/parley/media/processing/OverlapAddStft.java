package dev.parley.media.processing;

import java.util.Arrays;

/**
 * Short-time spectra of a stream of frames, and the way back, for spectral gains: each analysis
 * window is the new frame plus the last {@code taper} samples of the previous one, flat in the
 * middle with sine/cosine tapers at the ends (applied on analysis and again on synthesis, so
 * overlapping tapers sum to one). Only the taper overlaps, so the added delay is {@code taper}
 * samples rather than a whole frame as with a Hann window at 50 % overlap.
 */
final class OverlapAddStft {
    private final int hop;
    private final int taper;
    private final float[] window;
    private final float[] input;
    private final float[] overlap;
    private final float[] time;
    private final RealFft fft;

    OverlapAddStft(int hop, int taper, RealFft fft) {
        if (hop + taper > fft.size() || taper > hop) {
            throw new IllegalArgumentException("a window of " + hop + " + " + taper + " does not fit an FFT of "
                    + fft.size());
        }
        this.hop = hop;
        this.taper = taper;
        this.fft = fft;
        window = new float[hop + taper];
        Arrays.fill(window, 1);
        for (int t = 0; t < taper; t++) {
            double phase = Math.PI / 2 * (t + 0.5) / taper;
            window[t] = (float) Math.sin(phase);
            window[hop + t] = (float) Math.cos(phase);
        }
        input = new float[hop + taper];
        overlap = new float[taper];
        time = new float[fft.size()];
    }

    /** The delay synthesis adds, in samples. */
    int delay() {
        return taper;
    }

    /** Takes the next frame ({@code hop} samples) and writes its window's spectrum. */
    void analyze(float[] frame, float[] re, float[] im) {
        System.arraycopy(input, hop, input, 0, taper);
        System.arraycopy(frame, 0, input, taper, hop);
        for (int i = 0; i < window.length; i++) {
            time[i] = input[i] * window[i];
        }
        Arrays.fill(time, window.length, time.length, 0);
        fft.forward(time, re, im);
    }

    /** Turns a (modified) spectrum back into {@code hop} output samples, {@link #delay()} behind the input. */
    void synthesize(float[] re, float[] im, float[] out) {
        fft.inverse(re, im, time);
        for (int i = 0; i < taper; i++) {
            out[i] = overlap[i] + time[i] * window[i];
        }
        for (int i = taper; i < hop; i++) {
            out[i] = time[i] * window[i];
        }
        for (int i = 0; i < taper; i++) {
            overlap[i] = time[hop + i] * window[hop + i];
        }
    }

    void reset() {
        Arrays.fill(input, 0);
        Arrays.fill(overlap, 0);
    }
}
