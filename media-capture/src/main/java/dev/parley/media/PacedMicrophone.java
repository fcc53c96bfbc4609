package dev.parley.media;

import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.AudioTrackSource;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.media.PacedAudioSource;
import java.util.function.LongFunction;

/**
 * A microphone with no hardware behind it: a frame producer (a tone, a WAV file) played in real
 * time into a track by core-rtc's {@link PacedAudioSource}. Used by {@link SyntheticAudioProvider}.
 */
final class PacedMicrophone implements DeviceCapture {
    private final MediaDeviceInfo device;
    private final MediaTrackSettings settings;
    private final AudioTrackSource source = new AudioTrackSource();
    private final MediaStreamTrack track;
    private final PacedAudioSource pacer;
    private final long startedNanos = System.nanoTime();
    private volatile long lastFrameNanos;

    PacedMicrophone(MediaDeviceInfo device, MediaTrackSettings settings, LongFunction<AudioFrame> frames) {
        this.device = device;
        this.settings = settings;
        this.track = source.createTrack(device.label());
        LongFunction<AudioFrame> counted = captureTime -> {
            AudioFrame frame = frames.apply(captureTime);
            lastFrameNanos = System.nanoTime();
            return frame;
        };
        this.pacer = new PacedAudioSource(counted, source, "parley-mic-" + device.label()).start();
    }

    @Override
    public MediaDeviceInfo device() {
        return device;
    }

    @Override
    public MediaStreamTrack track() {
        return track;
    }

    @Override
    public MediaTrackSettings settings() {
        return settings;
    }

    /** The format is fixed (48 kHz, as opened): only constraints it already meets are accepted. */
    @Override
    public void applyConstraints(MediaTrackConstraints constraints) {
        ConstrainNumber.resolve(constraints.sampleRate(), "sampleRate", settings.sampleRate(),
                settings.sampleRate(), settings.sampleRate());
        ConstrainNumber.resolve(constraints.channelCount(), "channelCount", settings.channelCount(),
                settings.channelCount(), settings.channelCount());
    }

    @Override
    public int liveTrackCount() {
        return source.liveTrackCount();
    }

    @Override
    public long lastFrameNanos() {
        return lastFrameNanos;
    }

    @Override
    public long startedNanos() {
        return startedNanos;
    }

    @Override
    public void fail(String reason) {
        close();
    }

    @Override
    public void close() {
        pacer.close();
        source.close();
    }
}
