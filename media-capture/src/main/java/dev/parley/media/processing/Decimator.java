package dev.parley.media.processing;

/**
 * Lowpass and keep every {@code factor}-th sample, for the delay estimator's coarse view of a
 * stream: a Hann-windowed sinc evaluated only at the kept samples, then a first difference that
 * flattens speech's steep low-frequency tilt so a matched filter sees something closer to white.
 */
final class Decimator {
    private final int factor;
    private final float[] taps;
    private final float[] history; // the last taps.length - 1 input samples, then the new frame
    private float previous;

    Decimator(int factor, int taps, int frameSamples) {
        if (frameSamples % factor != 0) {
            throw new IllegalArgumentException("a frame of " + frameSamples + " does not divide by " + factor);
        }
        this.factor = factor;
        this.taps = new float[taps];
        double cutoff = 0.8 / factor; // of the Nyquist frequency, below the decimated Nyquist
        double sum = 0;
        for (int i = 0; i < taps; i++) {
            double t = i - (taps - 1) / 2.0;
            double sinc = t == 0 ? cutoff : Math.sin(Math.PI * cutoff * t) / (Math.PI * t);
            double window = 0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 0.5) / taps);
            this.taps[i] = (float) (sinc * window);
            sum += sinc * window;
        }
        for (int i = 0; i < taps; i++) {
            this.taps[i] /= (float) sum;
        }
        history = new float[taps - 1 + frameSamples];
    }

    /** Decimates {@code frame[0..frameSamples)} into {@code out[0..frameSamples / factor)}. */
    void process(float[] frame, int frameSamples, float[] out) {
        int keep = taps.length - 1;
        System.arraycopy(frame, 0, history, keep, frameSamples);
        for (int o = 0; o < frameSamples / factor; o++) {
            int end = keep + (o + 1) * factor - 1; // newest input sample for this output
            float acc = 0;
            for (int i = 0; i < taps.length; i++) {
                acc += taps[i] * history[end - i];
            }
            out[o] = acc - 0.95f * previous;
            previous = acc;
        }
        System.arraycopy(history, frameSamples, history, 0, keep);
    }

    void reset() {
        java.util.Arrays.fill(history, 0);
        previous = 0;
    }
}
