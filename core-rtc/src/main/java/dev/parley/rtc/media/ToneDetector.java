package dev.parley.rtc.media;

import dev.parley.rtc.AudioFrame;

/**
 * Finds which tone a stream of audio carries: for tests that assert "the received tone is
 * 440 Hz", and for device checks (a speaker's test sound heard back by a microphone). Keeps the most recent samples (mono: channels are averaged) and measures single
 * frequencies with the Goertzel algorithm over a Hann window, which keeps a strong tone from
 * leaking far into its neighbours.
 *
 * <p>Levels are relative to full scale: a sine of peak amplitude {@code a * 32767} has
 * {@link #amplitudeAt} ≈ {@code a} and {@link #powerAt} ≈ {@code a² / 2} at its frequency.
 */
public final class ToneDetector {
    /** Lowest frequency the dominant-tone scan looks at (below it lies DC and rumble). */
    private static final double SCAN_FLOOR_HZ = 20;

    private final int sampleRate;
    private final double[] ring;
    private long added;

    /** Keeps the last 8192 samples: about 1 s at 8 kHz, 0.17 s at 48 kHz, with bins of rate / 8192 Hz. */
    public ToneDetector(int sampleRate) {
        this(sampleRate, 8192);
    }

    public ToneDetector(int sampleRate, int capacity) {
        if (sampleRate < 1 || capacity < 16) {
            throw new IllegalArgumentException("sampleRate " + sampleRate + ", capacity " + capacity);
        }
        this.sampleRate = sampleRate;
        this.ring = new double[capacity];
    }

    /** Adds the frame's samples, channels averaged. */
    public void add(AudioFrame frame) {
        if (frame.sampleRate() != sampleRate) {
            throw new IllegalArgumentException("detector runs at " + sampleRate + " Hz, frame is " + frame.sampleRate());
        }
        int channels = frame.channels();
        for (int i = 0; i < frame.samplesPerChannel(); i++) {
            double sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += frame.sample(i, c);
            }
            add(sum / channels / 32767.0);
        }
    }

    /** Adds one mono sample, relative to full scale. */
    public void add(double sample) {
        ring[(int) (added % ring.length)] = sample;
        added++;
    }

    /** Samples held now (at most the capacity). */
    public int sampleCount() {
        return (int) Math.min(added, ring.length);
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** Peak amplitude (0..1 of full scale) of the component at {@code hz}. */
    public double amplitudeAt(double hz) {
        double[] windowed = windowed();
        return amplitudeAt(windowed, hz);
    }

    /** Mean-square power (full scale sine: 0.5) of the component at {@code hz}. */
    public double powerAt(double hz) {
        double amplitude = amplitudeAt(hz);
        return amplitude * amplitude / 2;
    }

    /** Mean-square power of everything held, for comparing with {@link #powerAt}. */
    public double totalPower() {
        int n = sampleCount();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += ring[i] * ring[i];
        }
        return n == 0 ? 0 : sum / n;
    }

    /**
     * The frequency of the strongest component between 20 Hz and 98% of Nyquist: a scan at bin
     * spacing (rate / samples), then a finer look around the best bin.
     */
    public double dominantFrequency() {
        double[] windowed = windowed();
        if (windowed.length == 0) {
            throw new IllegalStateException("no samples yet");
        }
        double bin = (double) sampleRate / windowed.length;
        double best = SCAN_FLOOR_HZ;
        double bestAmplitude = -1;
        for (double hz = SCAN_FLOOR_HZ; hz <= 0.49 * sampleRate; hz += bin) {
            double amplitude = amplitudeAt(windowed, hz);
            if (amplitude > bestAmplitude) {
                bestAmplitude = amplitude;
                best = hz;
            }
        }
        double centre = best;
        for (double hz = centre - bin; hz <= centre + bin; hz += bin / 20) {
            double amplitude = amplitudeAt(windowed, hz);
            if (amplitude > bestAmplitude) {
                bestAmplitude = amplitude;
                best = hz;
            }
        }
        return best;
    }

    /** Whether the strongest component lies within {@code toleranceHz} of {@code hz}. */
    public boolean dominantAt(double hz, double toleranceHz) {
        return Math.abs(dominantFrequency() - hz) <= toleranceHz;
    }

    /** The held samples, oldest first, times a Hann window. */
    private double[] windowed() {
        int n = sampleCount();
        double[] out = new double[n];
        long first = added - n;
        for (int i = 0; i < n; i++) {
            double hann = n == 1 ? 1 : 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
            out[i] = ring[(int) ((first + i) % ring.length)] * hann;
        }
        return out;
    }

    /** Goertzel: |sum x[n] e^(-iωn)| for any ω, scaled by the window's gain to a peak amplitude. */
    private double amplitudeAt(double[] windowed, double hz) {
        int n = windowed.length;
        double omega = 2 * Math.PI * hz / sampleRate;
        double coefficient = 2 * Math.cos(omega);
        double s1 = 0;
        double s2 = 0;
        for (double x : windowed) {
            double s0 = x + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double magnitude = Math.sqrt(Math.max(0, s1 * s1 + s2 * s2 - coefficient * s1 * s2));
        double windowSum = n <= 1 ? n : (n - 1) / 2.0; // sum of the Hann window over n points
        return windowSum == 0 ? 0 : 2 * magnitude / windowSum;
    }
}
