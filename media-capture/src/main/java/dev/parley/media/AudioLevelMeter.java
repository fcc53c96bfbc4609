package dev.parley.media;

import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.AudioSink;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.media.AudioEnergy;

/**
 * The level of an audio track for a meter: RMS and peak of the last 10 ms frame in dBFS (0 is
 * full scale; silence is {@link Double#NEGATIVE_INFINITY}). The RMS is core-rtc's
 * {@link AudioEnergy} audio level (the W3C stats definition), the peak the largest sample.
 * With them, whether the last frame held speech ({@link #voiceActivity()}), as a microphone's
 * audio processing found and wrote on the frame. Put one on each track ({@link #attach}); read it
 * from any thread.
 */
public final class AudioLevelMeter implements AudioSink, AutoCloseable {
    private final AudioEnergy energy = new AudioEnergy();
    private volatile double peak = Double.NaN;
    private volatile AudioFrame.VoiceActivity voiceActivity = AudioFrame.VoiceActivity.UNKNOWN;
    private volatile AutoCloseable registration;

    /** A meter listening to {@code track} until it is closed. */
    public static AudioLevelMeter attach(MediaStreamTrack track) {
        AudioLevelMeter meter = new AudioLevelMeter();
        meter.registration = track.addAudioSink(meter);
        return meter;
    }

    @Override
    public void onFrame(AudioFrame frame) {
        energy.add(frame);
        int largest = 0;
        for (int i = 0; i < frame.sampleCount(); i++) {
            largest = Math.max(largest, Math.abs(frame.sample(i)));
        }
        peak = Math.min(1.0, largest / (double) Short.MAX_VALUE);
        voiceActivity = frame.voiceActivity();
    }

    /**
     * Whether the last frame held speech: ACTIVE or INACTIVE where the track's audio processing
     * detects voice, UNKNOWN where nothing looked (a remote track, an unprocessed synthetic
     * microphone) and before the first frame.
     */
    public AudioFrame.VoiceActivity voiceActivity() {
        return voiceActivity;
    }

    /** RMS of the last frame in dBFS; NaN before the first frame. */
    public double rmsDbfs() {
        return energy.audioLevel().stream().map(AudioLevelMeter::dbfs).findFirst().orElse(Double.NaN);
    }

    /** Peak of the last frame in dBFS; NaN before the first frame. */
    public double peakDbfs() {
        double now = peak;
        return Double.isNaN(now) ? Double.NaN : dbfs(now);
    }

    private static double dbfs(double linear) {
        return 20 * Math.log10(linear);
    }

    @Override
    public void close() throws Exception {
        AutoCloseable now = registration;
        if (now != null) {
            now.close();
        }
    }
}
