package dev.parley.media.processing;

import java.util.Arrays;
import java.util.Objects;

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
 * <p>A capture frame goes: DC blocker; echo canceller (bulk delay from {@link DelayEstimator},
 * a foreground/background pair of {@link PartitionedBlockFilter}s, no added delay); short-time
 * spectrum ({@link OverlapAddStft}); {@link NoiseEstimator}; residual echo gain
 * ({@link ResidualEchoSuppressor}); {@link VoiceActivityDetector}; noise gain
 * ({@link NoiseSuppressor}); back to samples; {@link AutomaticGainControl} with its limiter;
 * saturating conversion to 16 bits. With every stage off the samples are left untouched (voice
 * activity is still reported).
 */
public final class AudioProcessing {
    /** The sample rate of both streams. */
    public static final int SAMPLE_RATE = 48_000;
    /** Samples in one 10 ms frame. */
    public static final int FRAME_SAMPLES = SAMPLE_RATE / 100;

    private static final int FFT_SIZE = 1024;
    private static final int TAPER = 192; // 4 ms: the spectral stages' added delay
    private static final int ECHO_PARTITIONS = 27; // 270 ms of echo path after the bulk delay
    private static final int LEAD = 576; // the filter starts 12 ms before the estimated onset
    private static final int REALIGN_THRESHOLD = 48; // 1 ms (a realignment costs ~1.3 ms of CPU once)
    private static final int HISTORY = 1 << 16; // 1.37 s of far signal
    private static final int RENDER_QUEUE_FRAMES = 50;
    private static final int SLACK = FRAME_SAMPLES; // far frames this far ahead of the far clock for a second: it moves up
    private static final int LEAD_CHECK_FRAMES = 100; // 1 s
    private static final int RENDER_STOPPED_FRAMES = 10; // no far frame for 100 ms: the speaker is not fed
    private static final int JITTER_MARGIN = FRAME_SAMPLES; // the far clock's distance behind the newest far sample
    private static final int ARRIVAL_RESERVE = 8 * FRAME_SAMPLES; // far frames come in ahead of the far clock (bursts)
    private static final int MAX_ALIGNMENT = HISTORY - ECHO_PARTITIONS * FRAME_SAMPLES - FFT_SIZE - ARRIVAL_RESERVE;

    private volatile AudioProcessingConfig config;
    private final RenderQueue renderQueue = new RenderQueue(RENDER_QUEUE_FRAMES, FRAME_SAMPLES);

    // Capture-thread state from here on.
    private final FarEndHistory far = new FarEndHistory(HISTORY);
    private final DcBlocker farDc = new DcBlocker();
    private final DcBlocker micDc = new DcBlocker();
    private final DelayEstimator delayEstimator = new DelayEstimator(FRAME_SAMPLES);
    private final EchoCanceller echoCanceller = new EchoCanceller(FRAME_SAMPLES, ECHO_PARTITIONS, FFT_SIZE, far);
    private final RealFft fft = new RealFft(FFT_SIZE);
    private final OverlapAddStft errorStft = new OverlapAddStft(FRAME_SAMPLES, TAPER, fft);
    private final OverlapAddStft echoStft = new OverlapAddStft(FRAME_SAMPLES, TAPER, fft);
    private final OverlapAddStft micStft = new OverlapAddStft(FRAME_SAMPLES, TAPER, fft);
    private final NoiseEstimator noiseEstimator = new NoiseEstimator(fft.bins());
    private final ResidualEchoSuppressor residualEcho = new ResidualEchoSuppressor(fft.bins());
    private final NoiseSuppressor noiseSuppressor = new NoiseSuppressor(fft.bins());
    private final VoiceActivityDetector vad = new VoiceActivityDetector(FFT_SIZE, SAMPLE_RATE);
    private final AutomaticGainControl agc = new AutomaticGainControl();

    private final short[] renderFrame = new short[FRAME_SAMPLES];
    private final float[] renderFloat = new float[FRAME_SAMPLES];
    private final float[] farFrame = new float[FRAME_SAMPLES];
    private final float[] mic = new float[FRAME_SAMPLES];
    private final float[] error = new float[FRAME_SAMPLES];
    private final float[] echo = new float[FRAME_SAMPLES];
    private final float[] out = new float[FRAME_SAMPLES];
    private final float[] re;
    private final float[] im;
    private final float[] echoRe;
    private final float[] echoIm;
    private final float[] errorPower;
    private final float[] echoPower;
    private final float[] micPower;
    private final float[] cleanedPower;
    private final float[] gain;
    private final float[] vadFloor;

    private AudioProcessingConfig applied = AudioProcessingConfig.NONE;
    private boolean wasProcessing;
    private boolean started;
    private long farNow;
    private int framesWithoutRender = RENDER_STOPPED_FRAMES; // none yet: the speaker is not fed
    private long lowestLag = Long.MAX_VALUE;
    private int lagFrames;

    private volatile double statDelayMillis = Double.NaN;
    private volatile double statErleDb;
    private volatile double statLeak = 1;
    private volatile double statGainDb;
    private volatile long statResets;
    private volatile long realignments;
    private volatile long farSilenceFills;
    private volatile long farClockRebases;

    public AudioProcessing(AudioProcessingConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        int bins = fft.bins();
        re = new float[bins];
        im = new float[bins];
        echoRe = new float[bins];
        echoIm = new float[bins];
        errorPower = new float[bins];
        echoPower = new float[bins];
        micPower = new float[bins];
        cleanedPower = new float[bins];
        gain = new float[bins];
        vadFloor = new float[bins];
    }

    /** Switches stages on or off from the next capture frame on (applyConstraints). */
    public void setConfig(AudioProcessingConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public AudioProcessingConfig config() {
        return config;
    }

    /**
     * One 10 ms frame as it goes to the speaker ({@link #FRAME_SAMPLES} mono samples from
     * {@code offset}); safe to call from a thread other than the capture thread's. It is copied
     * into a bounded queue and never waits on the capture side.
     */
    public void analyzeRender(short[] far, int offset) {
        checkFrame(far, offset);
        renderQueue.offer(far, offset);
    }

    /**
     * Processes one 10 ms captured frame in place ({@link #FRAME_SAMPLES} mono samples from
     * {@code offset}); one capture thread at a time.
     */
    public CaptureResult processCapture(short[] near, int offset) {
        checkFrame(near, offset);
        AudioProcessingConfig cfg = config;
        applyTransitions(cfg);
        takeRenderFrames();
        for (int i = 0; i < FRAME_SAMPLES; i++) {
            mic[i] = near[offset + i] / 32768f;
        }
        micDc.process(mic, FRAME_SAMPLES);
        if (cfg.echoCancellation()) {
            cancelEcho();
        } else {
            System.arraycopy(mic, 0, error, 0, FRAME_SAMPLES);
        }
        errorStft.analyze(error, re, im);
        powerOf(re, im, errorPower);
        if (cfg.echoCancellation()) {
            residualEchoGains();
        } else {
            Arrays.fill(gain, 1);
        }
        for (int k = 0; k < gain.length; k++) {
            cleanedPower[k] = errorPower[k] * gain[k] * gain[k];
        }
        noiseEstimator.update(cleanedPower, cfg.echoCancellation() ? residualEcho.echoEstimate() : null);
        boolean voice = voiceActivity(cfg);
        updateStats(cfg);
        if (!cfg.anyEnabled()) {
            wasProcessing = false;
            return new CaptureResult(voice, levelDbfs(near, offset));
        }
        if (cfg.noiseSuppression()) {
            float[] noiseGain = noiseSuppressor.gains(cleanedPower, noiseEstimator.noise());
            for (int k = 0; k < gain.length; k++) {
                gain[k] *= noiseGain[k];
            }
        }
        for (int k = 0; k < gain.length; k++) {
            re[k] *= gain[k];
            im[k] *= gain[k];
        }
        errorStft.synthesize(re, im, out);
        if (cfg.autoGainControl()) {
            agc.process(out, FRAME_SAMPLES, voice, meanSquare(out));
        }
        if (!writeBack(near, offset)) {
            resetAll(); // something upstream produced NaN or infinity: start clean rather than pass it on
        }
        wasProcessing = true;
        return new CaptureResult(voice, levelDbfs(near, offset));
    }

    /** The processing's own delay added to the capture path, in milliseconds. */
    public double addedLatencyMillis() {
        return config.anyEnabled() ? TAPER * 1000.0 / SAMPLE_RATE : 0;
    }

    /** The current delay, echo, gain and robustness figures (any thread; updated every capture frame). */
    public AudioProcessingStats stats() {
        return new AudioProcessingStats(statDelayMillis, statErleDb, statLeak, statGainDb, statResets,
                renderQueue.dropped(), realignments, farSilenceFills, farClockRebases);
    }

    private void applyTransitions(AudioProcessingConfig cfg) {
        if (cfg.echoCancellation() && !applied.echoCancellation()) {
            echoCanceller.clear();
            delayEstimator.reset();
            residualEcho.reset();
            echoStft.reset();
            micStft.reset();
        }
        if (cfg.noiseSuppression() && !applied.noiseSuppression()) {
            noiseSuppressor.reset();
        }
        if (cfg.autoGainControl() && !applied.autoGainControl()) {
            agc.reset();
        }
        if (cfg.anyEnabled() && !wasProcessing) {
            errorStft.reset(); // the synthesis overlap is from before the bypass
        }
        applied = cfg;
    }

    /**
     * Moves the far frames the playout thread queued into the history, and advances the far clock
     * by one frame. The far clock follows the capture frames, not the arrivals: speaker and
     * microphone run on one clock or nearly, so the echo sits a fixed number of far samples behind
     * the far clock however unevenly the two device threads hand their frames over.
     *
     * <p>Sound servers hand both streams over in bursts (PulseAudio: 40 ms), so the far clock is
     * kept on the lower edge of the far frames' arrivals: when a capture frame finds its far frame
     * not there yet, the far clock moves back onto the newest far sample ({@link #rebaseFarClock},
     * which only renames positions: the canceller reads the same samples); when the far frames have
     * stayed more than {@link #SLACK} ahead for a second, it moves forward. Kept there, the newest
     * far frame is always at hand, and the echo — which can not come back before its far frame was
     * handed over — never appears to precede the far clock. Silence is filled in only once the
     * speaker has handed over nothing for {@link #RENDER_STOPPED_FRAMES} frames: it plays nothing.
     */
    private void takeRenderFrames() {
        boolean arrived = false;
        while (renderQueue.poll(renderFrame)) {
            arrived = true;
            for (int i = 0; i < FRAME_SAMPLES; i++) {
                renderFloat[i] = renderFrame[i] / 32768f;
            }
            farDc.process(renderFloat, FRAME_SAMPLES);
            far.append(renderFloat, FRAME_SAMPLES);
        }
        if (!started) {
            started = true;
            farNow = far.written() - JITTER_MARGIN;
            return;
        }
        framesWithoutRender = arrived ? 0 : framesWithoutRender + 1;
        farNow += FRAME_SAMPLES;
        long lag = far.written() - JITTER_MARGIN - farNow;
        if (lag < -JITTER_MARGIN) { // the newest far frame is not here yet
            if (framesWithoutRender >= RENDER_STOPPED_FRAMES) {
                far.appendZeros(-lag); // the speaker is not being fed: it plays silence
                farSilenceFills++;
                lag = 0;
            } else {
                rebaseFarClock(lag + JITTER_MARGIN); // it comes later than assumed: the clock moves onto it
                lag = -JITTER_MARGIN;
            }
        }
        lowestLag = Math.min(lowestLag, lag);
        if (++lagFrames == LEAD_CHECK_FRAMES) {
            if (lowestLag > SLACK) {
                // the far frames stayed ahead all along (capture frames lost, clocks drifting, or the
                // far clock set in a burst): it moves up to them, leaving the echo more room to be causal
                rebaseFarClock(lowestLag);
            }
            lowestLag = Long.MAX_VALUE;
            lagFrames = 0;
        }
    }

    /**
     * Moves the far clock by {@code samples} over the same far signal. Nothing is heard
     * differently: the echo now sits as much further from the clock, so the canceller's alignment
     * and the delay estimate grow by as much and the canceller reads the very samples it read
     * before (taps untouched). Only an alignment out of the canceller's range shifts its taps.
     */
    private void rebaseFarClock(long samples) {
        int move = (int) Math.max(-HISTORY, Math.min(HISTORY, samples)); // beyond the history nothing is left to keep
        farNow += move;
        int relabeled = echoCanceller.alignment() + move;
        echoCanceller.relabel(relabeled);
        if (relabeled < 0 || relabeled > MAX_ALIGNMENT) {
            echoCanceller.align(Math.max(0, Math.min(MAX_ALIGNMENT, relabeled)), farNow);
            realignments++;
        }
        delayEstimator.rebase(move);
        farClockRebases++;
    }

    private void cancelEcho() {
        far.read(farNow - FRAME_SAMPLES, farFrame, 0, FRAME_SAMPLES);
        delayEstimator.process(farFrame, mic, FRAME_SAMPLES);
        int delay = delayEstimator.delaySamples();
        if (delay >= 0) {
            int target = Math.max(0, Math.min(MAX_ALIGNMENT, delay - LEAD));
            if (Math.abs(target - echoCanceller.alignment()) > REALIGN_THRESHOLD) {
                echoCanceller.align(target, farNow);
                realignments++;
            }
        }
        echoCanceller.process(mic, farNow, error, echo);
    }

    /** The residual echo suppressor's gains into {@link #gain}, from the error, echo estimate and microphone spectra. */
    private void residualEchoGains() {
        echoStft.analyze(echo, echoRe, echoIm);
        powerOf(echoRe, echoIm, echoPower);
        micStft.analyze(mic, echoRe, echoIm); // the echo estimate's spectrum is no longer needed
        powerOf(echoRe, echoIm, micPower);
        float[] residualGain = residualEcho.gains(micPower, errorPower, echoPower, echoCanceller.farPower(),
                noiseEstimator.noise());
        System.arraycopy(residualGain, 0, gain, 0, gain.length);
    }

    /** Voice activity of the frame after echo suppression, against the noise and what is left of the echo. */
    private boolean voiceActivity(AudioProcessingConfig cfg) {
        float[] floor = noiseEstimator.noise();
        if (cfg.echoCancellation()) {
            // What is left of the echo after its gain is no more voice than the noise is; counted
            // ten times over, as the estimate is rough and echo taken for voice would defeat DTX.
            float[] residual = residualEcho.echoEstimate();
            for (int k = 0; k < vadFloor.length; k++) {
                vadFloor[k] = floor[k] + 10 * gain[k] * gain[k] * residual[k];
            }
            floor = vadFloor;
        }
        return vad.update(cleanedPower, floor, levelDbfs(error));
    }

    /** Converts {@code out} to 16 bits with saturation; false (and silence written) if it held NaN or infinity. */
    private boolean writeBack(short[] near, int offset) {
        boolean finite = true;
        for (int i = 0; i < FRAME_SAMPLES; i++) {
            float v = out[i];
            if (!Float.isFinite(v)) {
                finite = false;
                break;
            }
            near[offset + i] = (short) Math.max(-32768, Math.min(32767, Math.round(v * 32768f)));
        }
        if (!finite) {
            Arrays.fill(near, offset, offset + FRAME_SAMPLES, (short) 0);
        }
        return finite;
    }

    private void resetAll() {
        echoCanceller.clear();
        delayEstimator.reset();
        residualEcho.reset();
        noiseEstimator.reset();
        noiseSuppressor.reset();
        agc.reset();
        errorStft.reset();
        echoStft.reset();
        micStft.reset();
        micDc.reset();
        farDc.reset();
        vad.reset();
    }

    private void updateStats(AudioProcessingConfig cfg) {
        int delay = delayEstimator.delaySamples();
        statDelayMillis = cfg.echoCancellation() && delay >= 0
                ? (delay + JITTER_MARGIN) * 1000.0 / SAMPLE_RATE : Double.NaN;
        statErleDb = cfg.echoCancellation() ? echoCanceller.erleDb() : 0;
        statLeak = cfg.echoCancellation() ? residualEcho.leak() : 1;
        statGainDb = cfg.autoGainControl() ? agc.gainDb() : 0;
        statResets = echoCanceller.resets();
    }

    private static void powerOf(float[] re, float[] im, float[] power) {
        for (int k = 0; k < power.length; k++) {
            power[k] = re[k] * re[k] + im[k] * im[k];
        }
    }

    private static double meanSquare(float[] samples) {
        double sum = 0;
        for (float s : samples) {
            sum += s * s;
        }
        return sum / samples.length;
    }

    private static double levelDbfs(float[] samples) {
        double ms = meanSquare(samples);
        return ms > 0 ? 10 * Math.log10(ms) : -127;
    }

    private static double levelDbfs(short[] samples, int offset) {
        double sum = 0;
        for (int i = 0; i < FRAME_SAMPLES; i++) {
            double s = samples[offset + i] / 32768.0;
            sum += s * s;
        }
        return sum > 0 ? Math.max(-127, 10 * Math.log10(sum / FRAME_SAMPLES)) : -127;
    }

    private static void checkFrame(short[] samples, int offset) {
        Objects.requireNonNull(samples, "samples");
        if (offset < 0 || samples.length - offset < FRAME_SAMPLES) {
            throw new IllegalArgumentException("a frame is " + FRAME_SAMPLES + " samples from offset " + offset
                    + "; the array holds " + samples.length);
        }
    }
}
