package dev.parley.rtc.media;

import dev.parley.rtc.AudioFrame;

/**
 * A sine tone cut into 10 ms audio frames, for synthetic microphones and tests. Pure: no threads,
 * no clock; each {@link #nextFrame} continues the wave where the previous frame stopped, so the
 * frames join without a click. Not thread-safe: one caller (such as a {@link PacedAudioSource}).
 */
public final class ToneGenerator {
    /** Frames are 10 ms long, as DESIGN.md fixes for audio frames. */
    public static final int FRAMES_PER_SECOND = 100;

    private final double frequencyHz;
    private final double amplitude;
    private final int sampleRate;
    private final int channels;
    private final int samplesPerFrame;
    /** Cycles advanced per sample. */
    private final double step;
    /** Position in the current cycle, in [0, 1). */
    private double phase;

    /**
     * @param frequencyHz above 0 and below half the sample rate (Nyquist)
     * @param amplitude peak level relative to full scale, 0..1
     * @param sampleRate a multiple of 100 Hz, so that 10 ms is a whole number of samples
     * @param channels the same wave in every channel
     * @throws IllegalArgumentException if a parameter is out of range
     */
    public ToneGenerator(double frequencyHz, double amplitude, int sampleRate, int channels) {
        if (sampleRate < FRAMES_PER_SECOND || sampleRate > AudioFrame.MAX_SAMPLE_RATE
                || sampleRate % FRAMES_PER_SECOND != 0) {
            throw new IllegalArgumentException("sampleRate must be a multiple of 100 Hz up to "
                    + AudioFrame.MAX_SAMPLE_RATE + " (10 ms frames), got " + sampleRate);
        }
        if (!(frequencyHz > 0 && frequencyHz < sampleRate / 2.0)) {
            throw new IllegalArgumentException("frequencyHz must lie between 0 and half the sample rate ("
                    + sampleRate / 2 + "), got " + frequencyHz);
        }
        if (!(amplitude >= 0 && amplitude <= 1)) {
            throw new IllegalArgumentException("amplitude must be 0..1 of full scale, got " + amplitude);
        }
        if (channels < 1 || channels > AudioFrame.MAX_CHANNELS) {
            throw new IllegalArgumentException("channels must be 1.." + AudioFrame.MAX_CHANNELS + ", got " + channels);
        }
        this.frequencyHz = frequencyHz;
        this.amplitude = amplitude;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.samplesPerFrame = sampleRate / FRAMES_PER_SECOND;
        this.step = frequencyHz / sampleRate;
    }

    /** The next 10 ms of the tone, stamped with {@code captureTimeNanos}. */
    public AudioFrame nextFrame(long captureTimeNanos) {
        short[] samples = new short[samplesPerFrame * channels];
        double peak = amplitude * Short.MAX_VALUE;
        for (int i = 0; i < samplesPerFrame; i++) {
            short value = (short) Math.round(peak * Math.sin(2 * Math.PI * phase));
            for (int c = 0; c < channels; c++) {
                samples[i * channels + c] = value;
            }
            phase += step;
            if (phase >= 1) {
                phase -= 1; // kept in one cycle so that hours of tone lose no precision
            }
        }
        return new AudioFrame(samples, sampleRate, channels, captureTimeNanos);
    }

    public double frequencyHz() {
        return frequencyHz;
    }

    public double amplitude() {
        return amplitude;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }

    /** Samples per channel in each frame: a hundredth of the rate. */
    public int samplesPerFrame() {
        return samplesPerFrame;
    }
}
