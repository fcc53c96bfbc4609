package dev.parley.media;

import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.codec.AudioResampler;
import java.util.function.Consumer;

/**
 * Turns PCM arriving in any block size at a device's rate into 10 ms {@link AudioFrame}s at
 * 48 kHz: resampled with core-rtc's {@link AudioResampler} when the device runs at another rate,
 * then cut into frames of exactly 480 samples per channel (a resampler's output per block varies
 * when the rates do not divide evenly). Not thread-safe: one capture thread.
 */
final class TenMillisecondFrames {
    static final int RATE = 48_000;
    static final int SAMPLES_PER_FRAME = RATE / 100;
    private static final long FRAME_NANOS = 10_000_000L;

    private final int channels;
    private final AudioResampler resampler;
    private final short[] pending;
    private int pendingSamples;
    /** Capture time of the first pending sample. */
    private long pendingStartNanos;

    TenMillisecondFrames(int deviceRate, int channels) {
        this.channels = channels;
        this.resampler = deviceRate == RATE ? null : new AudioResampler(deviceRate, RATE, channels);
        this.pending = new short[SAMPLES_PER_FRAME * channels];
    }

    /**
     * Adds {@code interleaved} samples captured from {@code captureTimeNanos} on; each completed
     * frame goes to {@code out}, stamped with the capture time of its first sample.
     */
    void add(short[] interleaved, int deviceRate, long captureTimeNanos, Consumer<AudioFrame> out) {
        short[] samples = interleaved;
        if (resampler != null) {
            samples = resampler.resample(new AudioFrame(interleaved, deviceRate, channels, captureTimeNanos)).samples();
        }
        int used = 0;
        if (pendingSamples == 0) {
            pendingStartNanos = captureTimeNanos;
        }
        while (used < samples.length) {
            int take = Math.min(samples.length - used, pending.length - pendingSamples);
            System.arraycopy(samples, used, pending, pendingSamples, take);
            pendingSamples += take;
            used += take;
            if (pendingSamples == pending.length) {
                out.accept(new AudioFrame(pending, RATE, channels, pendingStartNanos));
                pendingSamples = 0;
                pendingStartNanos += FRAME_NANOS;
            }
        }
    }
}
