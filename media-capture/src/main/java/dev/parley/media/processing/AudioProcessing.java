package dev.parley.media.processing;

/**
 * The audio processing between a microphone and the encoder: acoustic echo cancellation with the
 * speaker's signal as reference, noise suppression, automatic gain control, and voice activity
 * detection, on 10 ms frames of mono 16-bit PCM at 48 kHz.
 *
 * <p>Two threads use it: the speaker's playout thread hands every frame it plays to
 * {@link #analyzeRender} (the far end, the echo's source), and the microphone's capture thread
 * passes every captured frame through {@link #processCapture}. The delay between the two streams
 * (device buffers, the room) is unknown, differs by device and drifts: it is estimated and tracked
 * here, not configured.
 *
 * <p>Interim: the stages are being written (issue #10); until they land this passes samples through.
 */
public final class AudioProcessing {
    /** The sample rate of both streams. */
    public static final int SAMPLE_RATE = 48_000;
    /** Samples in one 10 ms frame. */
    public static final int FRAME_SAMPLES = SAMPLE_RATE / 100;

    private volatile AudioProcessingConfig config;

    public AudioProcessing(AudioProcessingConfig config) {
        this.config = config;
    }

    /** Switches stages on or off from the next capture frame on (applyConstraints). */
    public void setConfig(AudioProcessingConfig config) {
        this.config = config;
    }

    public AudioProcessingConfig config() {
        return config;
    }

    /**
     * One 10 ms frame as it goes to the speaker ({@link #FRAME_SAMPLES} mono samples from
     * {@code offset}); safe to call from a thread other than the capture thread's.
     */
    public void analyzeRender(short[] far, int offset) {
        checkFrame(far, offset);
    }

    /** Processes one 10 ms captured frame in place ({@link #FRAME_SAMPLES} mono samples from {@code offset}). */
    public CaptureResult processCapture(short[] near, int offset) {
        checkFrame(near, offset);
        return new CaptureResult(false, -127);
    }

    /** The processing's own delay added to the capture path, in milliseconds. */
    public double addedLatencyMillis() {
        return 0;
    }

    private static void checkFrame(short[] samples, int offset) {
        if (offset < 0 || samples.length - offset < FRAME_SAMPLES) {
            throw new IllegalArgumentException("a frame is " + FRAME_SAMPLES + " samples from offset " + offset
                    + "; the array holds " + samples.length);
        }
    }
}
