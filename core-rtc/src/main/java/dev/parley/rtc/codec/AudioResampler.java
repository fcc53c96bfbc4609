package dev.parley.rtc.codec;

import dev.parley.rtc.AudioFrame;

/**
 * Converts a stream of audio frames from one sample rate to another: any two integer rates, any
 * channel count, frame by frame, as if the whole stream were converted at once (frame borders
 * leave no trace). Stateful: one resampler per stream, fed from one thread.
 *
 * <p>Band-limited interpolation with a Kaiser-windowed sinc, evaluated for every output sample at
 * its exact position {@code n * inputRate / outputRate} (rates reduced to {@code L/M}; the
 * {@code L} possible fractional positions are precomputed as a polyphase table). The low-pass
 * cuts at 0.45 of the lower of the two rates with a transition band of about 0.08 of it and
 * about 80 dB of stopband rejection: going from 48 kHz to 8 kHz, 3 kHz passes and 5 kHz (which
 * would alias onto 3 kHz) is removed. The price is a delay of {@value #ZERO_CROSSINGS} samples of
 * the lower rate (4 ms at 8 kHz), {@link #delayNanos()}.
 *
 * <p>Each output is the sum of the inputs up to its position: {@code ceil(N * L / M)} outputs in
 * all after {@code N} inputs, so 480 samples at 48 kHz give exactly 80 at 8 kHz, 441 at 44.1 kHz
 * give 80, and 160 at 16 kHz give 480 at 48 kHz.
 */
public final class AudioResampler {
    /** Zero crossings of the sinc on each side, counted at the lower rate; sets the transition band. */
    static final int ZERO_CROSSINGS = 32;
    /** Cutoff as a fraction of the lower rate: under its Nyquist (0.5) by half the transition band. */
    static final double CUTOFF = 0.45;
    /** Kaiser window shape: about 80 dB of stopband rejection (Kaiser's formula β ≈ 0.1102 (A − 8.7)). */
    private static final double KAISER_BETA = 8.0;
    /** Largest polyphase table kept (doubles); rate pairs with more phases compute taps per output. */
    private static final int MAX_TABLE_SIZE = 1 << 20;

    private final int inputRate;
    private final int outputRate;
    private final int channels;
    /** The reduced ratio outputRate / inputRate = up / down. */
    private final int up;
    private final int down;
    /** Taps on each side of an output's position, in input samples. */
    private final int halfTaps;
    /** Half the window, in input samples (halfTaps rounded it up). */
    private final double halfWidth;
    /** Cutoff in cycles per input sample. */
    private final double cutoff;
    /** [phase][tap]: the taps of each fractional position, or null when computed per output. */
    private final double[][] table;
    /** The last 2 * halfTaps input samples of each channel, oldest first. */
    private final double[][] history;
    /** Where the next output lies, in 1/up input samples, counted from the start of the next input block. */
    private long position;

    /**
     * @throws IllegalArgumentException if a rate or the channel count is out of range (as {@link AudioFrame})
     */
    public AudioResampler(int inputRate, int outputRate, int channels) {
        checkRate("inputRate", inputRate);
        checkRate("outputRate", outputRate);
        if (channels < 1 || channels > AudioFrame.MAX_CHANNELS) {
            throw new IllegalArgumentException("channels must be 1.." + AudioFrame.MAX_CHANNELS + ", got " + channels);
        }
        this.inputRate = inputRate;
        this.outputRate = outputRate;
        this.channels = channels;
        int gcd = gcd(inputRate, outputRate);
        this.up = outputRate / gcd;
        this.down = inputRate / gcd;
        int lowerRate = Math.min(inputRate, outputRate);
        this.halfWidth = (double) ZERO_CROSSINGS * inputRate / lowerRate;
        this.halfTaps = inputRate == outputRate ? 0 : (int) Math.ceil(halfWidth);
        this.cutoff = CUTOFF * lowerRate / inputRate;
        this.history = new double[channels][2 * halfTaps];
        boolean tabulate = halfTaps > 0 && (long) up * 2 * halfTaps <= MAX_TABLE_SIZE;
        this.table = tabulate ? new double[up][] : null;
        if (tabulate) {
            for (int phase = 0; phase < up; phase++) {
                table[phase] = taps(phase);
            }
        }
    }

    public int inputRate() {
        return inputRate;
    }

    public int outputRate() {
        return outputRate;
    }

    public int channels() {
        return channels;
    }

    /** How much later a sound comes out than it went in (0 when the rates are equal). */
    public long delayNanos() {
        return halfTaps * 1_000_000_000L / inputRate;
    }

    /**
     * The next piece of the converted stream: the outputs that {@code frame}'s samples complete.
     * The result keeps the frame's capture time.
     *
     * @throws IllegalArgumentException if the frame's rate or channel count is not this resampler's
     */
    public AudioFrame resample(AudioFrame frame) {
        if (frame.sampleRate() != inputRate || frame.channels() != channels) {
            throw new IllegalArgumentException("this resampler takes " + inputRate + " Hz x " + channels
                    + " channels, got " + frame.sampleRate() + " Hz x " + frame.channels());
        }
        return new AudioFrame(resample(frame.samples()), outputRate, channels, frame.captureTimeNanos());
    }

    /** As {@link #resample(AudioFrame)} on bare interleaved samples of this resampler's format. */
    short[] resample(short[] interleaved) {
        if (interleaved.length % channels != 0) {
            throw new IllegalArgumentException("sample count " + interleaved.length
                    + " is not a multiple of the channel count " + channels);
        }
        if (inputRate == outputRate) {
            return interleaved.clone();
        }
        int inputLength = interleaved.length / channels;
        long end = (long) inputLength * up;
        int outputLength = position >= end ? 0 : (int) ((end - position + down - 1) / down);
        short[] output = new short[outputLength * channels];
        int window = 2 * halfTaps;
        double[] work = new double[window + inputLength];
        for (int channel = 0; channel < channels; channel++) {
            double[] past = history[channel];
            System.arraycopy(past, 0, work, 0, window);
            for (int i = 0; i < inputLength; i++) {
                work[window + i] = interleaved[i * channels + channel];
            }
            long at = position;
            for (int n = 0; n < outputLength; n++, at += down) {
                int newest = (int) (at / up) + window; // index in work of the newest input this output uses
                double[] taps = table != null ? table[(int) (at % up)] : taps((int) (at % up));
                double sum = 0;
                for (int j = 0; j < window; j++) {
                    sum += taps[j] * work[newest - j];
                }
                output[n * channels + channel] = clamp(sum);
            }
            System.arraycopy(work, inputLength, past, 0, window);
        }
        position += (long) outputLength * down - end;
        return output;
    }

    /**
     * The taps for outputs at fractional position {@code phase / up}: tap j weighs the input
     * {@code j} samples before the newest, which lies {@code halfTaps - j + phase / up} samples
     * (can be negative) from the output's point in the delayed input. Normalised to sum to 1, so
     * every phase passes a constant unchanged.
     */
    private double[] taps(int phase) {
        int window = 2 * halfTaps;
        double[] taps = new double[window];
        double sum = 0;
        for (int j = 0; j < window; j++) {
            double distance = (j - halfTaps) + (double) phase / up;
            double tap = sinc(2 * cutoff * distance) * kaiser(distance / halfWidth);
            taps[j] = tap;
            sum += tap;
        }
        for (int j = 0; j < window; j++) {
            taps[j] /= sum;
        }
        return taps;
    }

    private static double sinc(double x) {
        if (x == 0) {
            return 1;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    /** Kaiser window at {@code u} in [-1, 1], zero outside. */
    private static double kaiser(double u) {
        if (u <= -1 || u >= 1) {
            return 0;
        }
        return besselI0(KAISER_BETA * Math.sqrt(1 - u * u)) / besselI0(KAISER_BETA);
    }

    /** Modified Bessel function of the first kind, order 0, by its power series (converges fast for β ≤ 20). */
    private static double besselI0(double x) {
        double term = 1;
        double sum = 1;
        double quarterSquare = x * x / 4;
        for (int k = 1; term > sum * 1e-17; k++) {
            term *= quarterSquare / ((double) k * k);
            sum += term;
        }
        return sum;
    }

    private static short clamp(double value) {
        long rounded = Math.round(value);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, rounded));
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    private static void checkRate(String name, int rate) {
        if (rate < 1 || rate > AudioFrame.MAX_SAMPLE_RATE) {
            throw new IllegalArgumentException(name + " must be 1.." + AudioFrame.MAX_SAMPLE_RATE + " Hz, got " + rate);
        }
    }
}
