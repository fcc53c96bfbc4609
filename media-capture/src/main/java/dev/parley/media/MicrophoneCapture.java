package dev.parley.media;

import dev.parley.media.SoundSystem.CaptureLine;
import dev.parley.rtc.AudioTrackSource;
import dev.parley.rtc.MediaStreamTrack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open microphone feeding an audio track: a thread of its own reads 10 ms of PCM at a time
 * from the line (blocking), converts it to 48 kHz 10 ms frames ({@link TenMillisecondFrames}) and
 * pushes them. A read that fails or comes back short while capturing — the device was unplugged
 * or its driver gave up — ends the track; a read that never returns is caught by
 * {@link MediaDevices}' stall watch, which calls {@link #fail}.
 */
final class MicrophoneCapture implements DeviceCapture {
    private static final Logger log = LoggerFactory.getLogger(MicrophoneCapture.class);

    private final CaptureLine line;
    private final MediaDeviceInfo device;
    private final MediaTrackSettings settings;
    private final AudioTrackSource source = new AudioTrackSource();
    private final MediaStreamTrack track;
    private final Thread thread;
    private final long startedNanos = System.nanoTime();
    private volatile boolean running = true;
    private volatile long lastFrameNanos;
    private boolean lineClosed; // guarded by this

    /** Starts capturing from an open {@code line}; takes it over (closes it when done). */
    MicrophoneCapture(CaptureLine line, MediaDeviceInfo device, MediaTrackConstraints constraints) {
        this.line = line;
        this.device = device;
        this.settings = MediaTrackSettings.audio(device, TenMillisecondFrames.RATE, line.channels(), constraints);
        this.track = source.createTrack(device.label());
        this.thread = new Thread(this::run, "parley-microphone-" + device.label());
        thread.setDaemon(true);
        thread.start();
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

    /** The line's format is fixed while open: constraints it already meets are accepted, others refused. */
    @Override
    public void applyConstraints(MediaTrackConstraints constraints) {
        ConstrainNumber.resolve(constraints.sampleRate(), "sampleRate", settings.sampleRate(), settings.sampleRate(),
                settings.sampleRate());
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
        if (running) {
            log.warn("{} failed: {}; its tracks end", device.label(), reason);
        }
        stop();
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Ends the tracks now, and closes the line on a thread of its own: closing wakes a blocked
     * read, but a driver that is stuck may block the close as well, and the caller must not wait.
     */
    private void stop() {
        running = false;
        source.close();
        Thread closer = new Thread(this::closeLine, "parley-microphone-close");
        closer.setDaemon(true);
        closer.start();
    }

    private synchronized void closeLine() {
        if (lineClosed) {
            return;
        }
        lineClosed = true;
        try {
            line.close();
        } catch (RuntimeException e) {
            log.debug("closing {} failed", device.label(), e);
        }
    }

    private void run() {
        int channels = line.channels();
        int rate = line.sampleRate();
        int samplesPerRead = Math.max(1, rate / 100) * channels;
        byte[] bytes = new byte[samplesPerRead * 2];
        short[] samples = new short[samplesPerRead];
        TenMillisecondFrames frames = new TenMillisecondFrames(rate, channels);
        try {
            while (running) {
                int read = line.read(bytes, 0, bytes.length);
                if (!running) {
                    return;
                }
                if (read < bytes.length) {
                    fail("the line stopped delivering (read " + read + " of " + bytes.length + " bytes)");
                    return;
                }
                long captured = System.nanoTime() - 10_000_000L; // the block's first sample is 10 ms old
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] << 8));
                }
                frames.add(samples, rate, captured, frame -> {
                    source.push(frame);
                    lastFrameNanos = System.nanoTime();
                });
            }
        } catch (RuntimeException e) {
            fail("the driver failed: " + e);
        } finally {
            closeLine();
        }
    }
}
