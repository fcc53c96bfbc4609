package dev.parley.rtc.media;

import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.AudioSink;
import java.util.OptionalDouble;

/**
 * The audio level counters of W3C "Identifiers for WebRTC's Statistics API": {@code audioLevel},
 * {@code totalAudioEnergy} and {@code totalSamplesDuration}, which {@code RTCAudioSourceStats}
 * reports for a local source and {@code RTCInboundRtpStreamStats} for a received track. Put one on
 * a track as a sink (or feed it frames) and read the counters for {@code getStats()}.
 *
 * <p>As the spec defines them (RTCInboundRtpStreamStats, members totalAudioEnergy and
 * totalSamplesDuration): "for each audio sample […] add the sample's value divided by the
 * highest-intensity encodable value, squared and then multiplied by the duration of the sample in
 * seconds"; with several channels "the audio energy of a sample refers to the highest energy of
 * any channel", and a sample means one instant across all channels. {@code totalSamplesDuration}
 * is the total duration of those samples. {@code audioLevel} is 0..1, linear, 1.0 being 0 dBov,
 * "averaged over some small interval, using the algorithm described under totalAudioEnergy": here
 * the interval is the last frame (10 ms), so it is that frame's root mean square,
 * {@code sqrt(energy / duration)}.
 *
 * <p>Thread-safe: a track's pushing thread adds, a stats reader reads.
 */
public final class AudioEnergy implements AudioSink {
    /** The highest-intensity encodable 16-bit value; -32768 is clamped to a level of 1. */
    private static final double FULL_SCALE = Short.MAX_VALUE;

    private double totalAudioEnergy;
    private double totalSamplesDuration;
    private double audioLevel = Double.NaN;

    /** Adds {@code frame}; the same as {@link #add}. */
    @Override
    public void onFrame(AudioFrame frame) {
        add(frame);
    }

    /** Counts the frame's samples into the totals and makes its level the current one. */
    public void add(AudioFrame frame) {
        int channels = frame.channels();
        int instants = frame.samplesPerChannel();
        if (instants == 0) {
            return;
        }
        double sumOfSquares = 0;
        for (int i = 0; i < instants; i++) {
            double loudest = 0;
            for (int c = 0; c < channels; c++) {
                double level = Math.min(1.0, Math.abs(frame.sample(i * channels + c)) / FULL_SCALE);
                loudest = Math.max(loudest, level * level);
            }
            sumOfSquares += loudest;
        }
        double sampleDuration = 1.0 / frame.sampleRate();
        double energy = sumOfSquares * sampleDuration;
        double duration = instants * sampleDuration;
        synchronized (this) {
            totalAudioEnergy += energy;
            totalSamplesDuration += duration;
            audioLevel = Math.sqrt(energy / duration);
        }
    }

    /** The last frame's level (0..1, linear); empty before the first frame, as the spec leaves it out. */
    public synchronized OptionalDouble audioLevel() {
        return Double.isNaN(audioLevel) ? OptionalDouble.empty() : OptionalDouble.of(audioLevel);
    }

    /** Sum over all samples of (value / full scale)² × sample duration, in seconds. */
    public synchronized double totalAudioEnergy() {
        return totalAudioEnergy;
    }

    /** Total duration of all samples counted, in seconds. */
    public synchronized double totalSamplesDuration() {
        return totalSamplesDuration;
    }
}
