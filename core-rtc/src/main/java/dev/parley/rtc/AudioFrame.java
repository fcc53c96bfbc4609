package dev.parley.rtc;

import java.util.Arrays;

/**
 * A block of audio: interleaved signed 16-bit PCM ({@code samples[frame * channels + channel]}),
 * its sample rate and channel count, and when it was captured. Sources produce 10 ms frames; a
 * decoder may produce whatever one packet holds (20 ms of PCMU, say).
 *
 * <p>A frame may say whether it holds speech ({@link VoiceActivity}): a microphone's audio
 * processing knows (its voice activity detection), for the level meter and Opus DTX; every other
 * frame says {@link VoiceActivity#UNKNOWN}.
 *
 * <p>Immutable: the samples are copied in and out, so a frame can be handed to any number of
 * sinks on any threads.
 */
public final class AudioFrame {
    /** Whether a frame holds speech, as the capture side's voice activity detection found. */
    public enum VoiceActivity {
        /** Nobody looked (no processing on the way): treat as possibly speech. */
        UNKNOWN,
        /** Speech (or what the detector takes for it). */
        ACTIVE,
        /** No speech: silence, noise, echo that was removed. */
        INACTIVE
    }

    /** Above every rate a sound card or codec uses; a guard against nonsense, not a policy. */
    public static final int MAX_SAMPLE_RATE = 768_000;
    /** As many channels as an RTP payload format can signal (Opus mapping family 255). */
    public static final int MAX_CHANNELS = 255;

    private final short[] samples;
    private final int sampleRate;
    private final int channels;
    private final long captureTimeNanos;
    private final VoiceActivity voiceActivity;

    /**
     * @param samples interleaved PCM; copied, and its length must be a multiple of {@code channels}
     * @param captureTimeNanos when the first sample was captured, on the {@link System#nanoTime()} clock
     * @throws IllegalArgumentException if the rate, channel count or sample count is out of range
     */
    public AudioFrame(short[] samples, int sampleRate, int channels, long captureTimeNanos) {
        this(samples, sampleRate, channels, captureTimeNanos, VoiceActivity.UNKNOWN);
    }

    /**
     * A frame whose speech content is known ({@code voiceActivity}); otherwise as
     * {@link #AudioFrame(short[], int, int, long)}.
     */
    public AudioFrame(short[] samples, int sampleRate, int channels, long captureTimeNanos,
            VoiceActivity voiceActivity) {
        check(samples, sampleRate, channels);
        if (voiceActivity == null) {
            throw new IllegalArgumentException("voiceActivity must not be null (UNKNOWN when nobody looked)");
        }
        this.samples = samples.clone();
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.captureTimeNanos = captureTimeNanos;
        this.voiceActivity = voiceActivity;
    }

    /** Takes {@code owned} without copying or checking: only for a valid array nobody else holds. */
    private AudioFrame(long captureTimeNanos, int sampleRate, int channels, short[] owned,
            VoiceActivity voiceActivity) {
        this.samples = owned;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.captureTimeNanos = captureTimeNanos;
        this.voiceActivity = voiceActivity;
    }

    /** A silent frame of {@code samplesPerChannel} samples in each channel. */
    public static AudioFrame silence(int sampleRate, int channels, int samplesPerChannel, long captureTimeNanos) {
        if (samplesPerChannel < 0) {
            throw new IllegalArgumentException("samplesPerChannel must not be negative, got " + samplesPerChannel);
        }
        checkFormat(sampleRate, channels);
        if ((long) samplesPerChannel * channels > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("frame too large: " + samplesPerChannel + " x " + channels);
        }
        return new AudioFrame(captureTimeNanos, sampleRate, channels, new short[samplesPerChannel * channels],
                VoiceActivity.UNKNOWN);
    }

    /**
     * A silent frame of the same rate, channel count, length and capture time; it holds no
     * speech ({@link VoiceActivity#INACTIVE}): a muted track.
     */
    public AudioFrame silenced() {
        return new AudioFrame(captureTimeNanos, sampleRate, channels, new short[samples.length],
                VoiceActivity.INACTIVE);
    }

    /** The same samples (shared, not copied: both are immutable) saying {@code activity}. */
    public AudioFrame withVoiceActivity(VoiceActivity activity) {
        if (activity == null) {
            throw new IllegalArgumentException("voiceActivity must not be null (UNKNOWN when nobody looked)");
        }
        return activity == voiceActivity ? this
                : new AudioFrame(captureTimeNanos, sampleRate, channels, samples, activity);
    }

    /** Whether the frame holds speech, as far as the capture side knows. */
    public VoiceActivity voiceActivity() {
        return voiceActivity;
    }

    /** A copy of the interleaved samples. */
    public short[] samples() {
        return samples.clone();
    }

    /** The sample at {@code index} of the interleaved array, without copying the frame. */
    public short sample(int index) {
        return samples[index];
    }

    /** The sample of {@code channel} at position {@code frameIndex} (0-based) in time. */
    public short sample(int frameIndex, int channel) {
        if (channel < 0 || channel >= channels) {
            throw new IndexOutOfBoundsException("channel " + channel + " of " + channels);
        }
        return samples[frameIndex * channels + channel];
    }

    /** Number of interleaved samples: {@code samplesPerChannel() * channels()}. */
    public int sampleCount() {
        return samples.length;
    }

    public int samplesPerChannel() {
        return samples.length / channels;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }

    public long captureTimeNanos() {
        return captureTimeNanos;
    }

    /** How long the frame lasts: samples per channel / rate, in nanoseconds. */
    public long durationNanos() {
        return samplesPerChannel() * 1_000_000_000L / sampleRate;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AudioFrame that
                && sampleRate == that.sampleRate
                && channels == that.channels
                && captureTimeNanos == that.captureTimeNanos
                && voiceActivity == that.voiceActivity
                && Arrays.equals(samples, that.samples);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(samples) + sampleRate) + channels;
    }

    @Override
    public String toString() {
        return "AudioFrame[" + sampleRate + " Hz, " + channels + " ch, " + samplesPerChannel()
                + " samples/ch, t=" + captureTimeNanos + " ns"
                + (voiceActivity == VoiceActivity.UNKNOWN ? "" : ", voice " + voiceActivity) + "]";
    }

    private static void check(short[] samples, int sampleRate, int channels) {
        if (samples == null) {
            throw new IllegalArgumentException("samples must not be null");
        }
        checkFormat(sampleRate, channels);
        if (samples.length % channels != 0) {
            throw new IllegalArgumentException("sample count " + samples.length
                    + " is not a multiple of the channel count " + channels + " (samples are interleaved)");
        }
    }

    private static void checkFormat(int sampleRate, int channels) {
        if (sampleRate < 1 || sampleRate > MAX_SAMPLE_RATE) {
            throw new IllegalArgumentException("sampleRate must be 1.." + MAX_SAMPLE_RATE + " Hz, got " + sampleRate);
        }
        if (channels < 1 || channels > MAX_CHANNELS) {
            throw new IllegalArgumentException("channels must be 1.." + MAX_CHANNELS + ", got " + channels);
        }
    }
}
