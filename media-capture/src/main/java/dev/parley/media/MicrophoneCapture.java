package dev.parley.media;

import dev.parley.media.SoundSystem.CaptureLine;
import dev.parley.media.processing.AudioProcessingStats;
import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.AudioTrackSource;
import dev.parley.rtc.MediaStreamTrack;
import org.slf4j.Logger;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * One open microphone feeding an audio track: a thread of its own reads 10 ms of PCM at a time
 * from the line (blocking), converts it to 48 kHz 10 ms frames ({@link TenMillisecondFrames}) and
 * pushes them. A read that fails or comes back short while capturing — the device was unplugged
 * or its driver gave up — ends the track; a read that never returns is caught by
 * {@link MediaDevices}' stall watch, which calls {@link #fail}.
 *
 * <p>Each frame goes through the track's audio processing ({@link CaptureProcessing}) on the way,
 * with how long it waited in the line (the capture half of the playout-to-capture delay).
 */
final class MicrophoneCapture implements DeviceCapture {
    private static final Logger log = LoggerFactory.getLogger(MicrophoneCapture.class);

    private final CaptureLine line;
    private final MediaDeviceInfo device;
    private volatile MediaTrackSettings settings;
    private final CaptureProcessing processing;
    private final Consumer<AudioFrame> push = this::push;
    /** How long the frame being cut waited in the line (capture thread only). */
    private long lineDelayNanos;
    private final AudioTrackSource source = new AudioTrackSource();
    private final MediaStreamTrack track;
    private final Thread thread;
    private final long startedNanos = System.nanoTime();
    private volatile boolean running = true;
    private volatile long lastFrameNanos;
    private boolean lineClosed; // guarded by this

    /**
     * Starts capturing from an open {@code line}; takes it over (closes it when done). The
     * processing hears the speakers through {@code echo}.
     */
    MicrophoneCapture(CaptureLine line, MediaDeviceInfo device, MediaTrackConstraints constraints, EchoReference echo) {
        this.line = line;
        this.device = device;
        this.processing = new CaptureProcessing(echo, CaptureProcessing.configFor(constraints, true), true);
        this.settings = MediaTrackSettings.audio(device, TenMillisecondFrames.RATE, line.channels(), processing.config());
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

    /**
     * The line's format is fixed while open: constraints it already meets are accepted, others
     * refused. The processing stages switch from the next frame on; as on the web, the new
     * constraints replace the old ones, so a stage not mentioned is back to its default (on).
     */
    @Override
    public synchronized void applyConstraints(MediaTrackConstraints constraints) {
        MediaTrackSettings now = settings;
        ConstrainNumber.resolve(constraints.sampleRate(), "sampleRate", now.sampleRate(), now.sampleRate(),
                now.sampleRate());
        ConstrainNumber.resolve(constraints.channelCount(), "channelCount", now.channelCount(),
                now.channelCount(), now.channelCount());
        var config = CaptureProcessing.configFor(constraints, true);
        processing.setConfig(config);
        settings = MediaTrackSettings.audio(device, now.sampleRate(), now.channelCount(), config);
    }

    @Override
    public Optional<EchoPathDelay> echoPathDelay() {
        return Optional.ofNullable(processing.lastDelay());
    }

    @Override
    public Optional<AudioProcessingStats> audioProcessingStats() {
        return Optional.ofNullable(processing.stats());
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
        processing.close();
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
        long bytesPerSecond = 2L * rate * channels;
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
                // what the line still holds came after this block: the block waited that long, plus its own 10 ms
                lineDelayNanos = (bytes.length + (long) Math.max(0, line.available())) * 1_000_000_000L / bytesPerSecond;
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] << 8));
                }
                frames.add(samples, rate, captured, push);
            }
        } catch (RuntimeException e) {
            fail("the driver failed: " + e);
        } finally {
            closeLine();
        }
    }

    /** On the capture thread: one 10 ms frame, processed, to the track. */
    private void push(AudioFrame frame) {
        source.push(processing.process(frame, lineDelayNanos));
        lastFrameNanos = System.nanoTime();
    }
}
