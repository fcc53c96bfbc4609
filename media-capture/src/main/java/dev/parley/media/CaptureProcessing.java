package dev.parley.media;

import dev.parley.media.processing.AudioProcessing;
import dev.parley.media.processing.AudioProcessingConfig;
import dev.parley.media.processing.AudioProcessingStats;
import dev.parley.media.processing.CaptureResult;
import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.AudioFrame.VoiceActivity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A microphone track's audio processing: each 10 ms 48 kHz frame goes through an
 * {@link AudioProcessing} fed with the speakers' audio ({@link EchoReference}) before it reaches
 * the track, and comes out with its voice activity. Which stages run follows the track's
 * {@code echoCancellation}, {@code noiseSuppression} and {@code autoGainControl} constraints
 * ({@link #configFor}) and changes live ({@link #setConfig}).
 *
 * <p>Channels: the processing is mono, as the echo canceller's reference is. A multi-channel
 * microphone is mixed down, processed once and the result written to every channel (the track
 * keeps its channel count). Processing each channel would cost one echo canceller per channel for
 * a voice call that the encoder mixes to mono anyway; browsers do the same by default.
 *
 * <p>A microphone that is a real device processes always (with every stage off the processing
 * leaves the samples alone but still detects voice); a synthetic one ({@code onByDefault} false)
 * only when a stage is asked for, so a test tone arrives as it was made. Only while it processes is
 * it subscribed to the echo reference.
 *
 * <p>{@link #process} runs on the capture thread; {@link #setConfig} and {@link #close} may come
 * from any thread.
 */
final class CaptureProcessing implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CaptureProcessing.class);
    private static final int RATE = AudioProcessing.SAMPLE_RATE;
    private static final int FRAME = AudioProcessing.FRAME_SAMPLES;

    private final EchoReference echo;
    private final boolean realDevice;
    private final short[] mono = new short[FRAME];
    private short[] interleaved = new short[0];
    private volatile AudioProcessingConfig config;
    private AudioProcessing processing; // guarded by this
    private AutoCloseable subscription; // guarded by this
    private boolean closed; // guarded by this
    private boolean warnedShape; // capture thread
    // the delay on the last processed frame, kept as numbers so that measuring allocates nothing
    private volatile long lastRenderDelayNanos = -1;
    private volatile long lastCaptureDelayNanos = -1;

    /**
     * @param realDevice a microphone (processes always) rather than a synthetic source (processes
     *     only when a stage is on)
     */
    CaptureProcessing(EchoReference echo, AudioProcessingConfig config, boolean realDevice) {
        this.echo = echo;
        this.config = config;
        this.realDevice = realDevice;
    }

    /**
     * The stages the constraints ask for: each of the three on unless set to false for a real
     * microphone (the web's default), off unless set to true for a synthetic one.
     */
    static AudioProcessingConfig configFor(MediaTrackConstraints asked, boolean onByDefault) {
        return new AudioProcessingConfig(flag(asked.echoCancellation(), onByDefault),
                flag(asked.noiseSuppression(), onByDefault), flag(asked.autoGainControl(), onByDefault));
    }

    private static boolean flag(Boolean asked, boolean onByDefault) {
        return asked == null ? onByDefault : asked;
    }

    AudioProcessingConfig config() {
        return config;
    }

    /** Switches stages from the next frame on (applyConstraints). */
    void setConfig(AudioProcessingConfig next) {
        this.config = next;
    }

    /** The delay measured on the last processed frame; null before one (or while not processing). */
    EchoPathDelay lastDelay() {
        long render = lastRenderDelayNanos;
        long capture = lastCaptureDelayNanos;
        return render < 0 || capture < 0 ? null : new EchoPathDelay(render / 1e6, capture / 1e6);
    }

    /** The processing's current figures; null before the first processed frame. */
    synchronized AudioProcessingStats stats() {
        return processing == null ? null : processing.stats();
    }

    /**
     * Processes one frame captured {@code captureDelayNanos} before now (how long it waited in the
     * line); returns what the track gets: the processed frame with its voice activity, or
     * {@code frame} itself when nothing runs. A frame that is not 10 ms at 48 kHz passes untouched.
     */
    synchronized AudioFrame process(AudioFrame frame, long captureDelayNanos) {
        AudioProcessingConfig now = config;
        if (closed || (!realDevice && !now.anyEnabled())) {
            stopProcessing();
            return frame;
        }
        if (frame.sampleRate() != RATE || frame.samplesPerChannel() != FRAME) {
            if (!warnedShape) {
                warnedShape = true;
                log.warn("audio processing takes 10 ms frames at 48 kHz; passing {} through", frame);
            }
            return frame;
        }
        AudioProcessing running = start(now);
        long renderDelayNanos = echo.renderDelayNanos();
        if (renderDelayNanos >= 0) {
            lastRenderDelayNanos = renderDelayNanos;
            // Reported beside the canceller's own estimate (MediaDevices.echoPathDelay): the
            // processing finds the echo's delay from the signals, buffers in the sound server included.
            lastCaptureDelayNanos = captureDelayNanos;
        }
        int channels = frame.channels();
        for (int i = 0; i < FRAME; i++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += frame.sample(i * channels + c);
            }
            mono[i] = (short) (sum / channels);
        }
        CaptureResult result = running.processCapture(mono, 0);
        VoiceActivity voice = result.voiceActive() ? VoiceActivity.ACTIVE : VoiceActivity.INACTIVE;
        if (channels == 1) {
            return new AudioFrame(mono, RATE, 1, frame.captureTimeNanos(), voice);
        }
        if (interleaved.length != FRAME * channels) {
            interleaved = new short[FRAME * channels];
        }
        for (int i = 0; i < FRAME; i++) {
            for (int c = 0; c < channels; c++) {
                interleaved[i * channels + c] = mono[i];
            }
        }
        return new AudioFrame(interleaved, RATE, channels, frame.captureTimeNanos(), voice);
    }

    private AudioProcessing start(AudioProcessingConfig now) {
        if (processing == null) {
            processing = new AudioProcessing(now);
        } else if (!processing.config().equals(now)) {
            processing.setConfig(now);
        }
        if (subscription == null) {
            subscription = echo.subscribe(processing::analyzeRender);
        }
        return processing;
    }

    /** Leaves the echo reference while nothing runs; the processing's state is kept for later. */
    private void stopProcessing() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                log.debug("leaving the echo reference failed", e);
            }
            subscription = null;
            lastRenderDelayNanos = -1;
        }
    }

    /** Leaves the echo reference for good. */
    @Override
    public synchronized void close() {
        closed = true;
        stopProcessing();
    }
}
