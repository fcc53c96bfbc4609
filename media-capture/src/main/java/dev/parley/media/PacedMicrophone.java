package dev.parley.media;

import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.AudioTrackSource;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.media.PacedAudioSource;
import java.util.function.LongFunction;

/**
 * A microphone with no hardware behind it: a frame producer (a tone, a WAV file) played in real
 * time into a track by core-rtc's {@link PacedAudioSource}. Used by {@link SyntheticAudioProvider}.
 * Its frames are processed only when the constraints ask for a stage ({@link CaptureProcessing}).
 */
final class PacedMicrophone implements DeviceCapture {
    private final MediaDeviceInfo device;
    private volatile MediaTrackSettings settings;
    private final CaptureProcessing processing;
    private final AudioTrackSource source = new AudioTrackSource();
    private final MediaStreamTrack track;
    private final PacedAudioSource pacer;
    private final long startedNanos = System.nanoTime();
    private volatile long lastFrameNanos;

    PacedMicrophone(MediaDeviceInfo device, int sampleRate, int channels, MediaTrackConstraints constraints,
            EchoReference echo, LongFunction<AudioFrame> frames) {
        this.device = device;
        this.processing = new CaptureProcessing(echo, CaptureProcessing.configFor(constraints, false), false);
        this.settings = MediaTrackSettings.audio(device, sampleRate, channels, processing.config());
        this.track = source.createTrack(device.label());
        LongFunction<AudioFrame> counted = captureTime -> {
            AudioFrame frame = processing.process(frames.apply(captureTime), 0);
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

    /**
     * The format is fixed (48 kHz, as opened): only constraints it already meets are accepted.
     * The processing stages switch from the next frame on (the new constraints replace the old).
     */
    @Override
    public synchronized void applyConstraints(MediaTrackConstraints constraints) {
        MediaTrackSettings now = settings;
        ConstrainNumber.resolve(constraints.sampleRate(), "sampleRate", now.sampleRate(),
                now.sampleRate(), now.sampleRate());
        ConstrainNumber.resolve(constraints.channelCount(), "channelCount", now.channelCount(),
                now.channelCount(), now.channelCount());
        var config = CaptureProcessing.configFor(constraints, false);
        processing.setConfig(config);
        settings = MediaTrackSettings.audio(device, now.sampleRate(), now.channelCount(), config);
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
        processing.close();
        source.close();
    }
}
