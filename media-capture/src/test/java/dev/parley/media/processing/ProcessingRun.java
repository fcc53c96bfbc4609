package dev.parley.media.processing;

/**
 * Feeds whole signals through {@link AudioProcessing} frame by frame as the device code would (a
 * far frame handed over, then the capture frame processed), and keeps what came out, shifted back
 * by the processing's reported latency so that output sample {@code n} lines up with input {@code n}.
 */
final class ProcessingRun {
    static final int FRAME = AudioProcessing.FRAME_SAMPLES;
    static final int RATE = AudioProcessing.SAMPLE_RATE;

    final float[] output;
    final boolean[] voice;
    final double[] level;
    final AudioProcessingStats[] stats;

    private ProcessingRun(float[] output, boolean[] voice, double[] level, AudioProcessingStats[] stats) {
        this.stats = stats;
        this.output = output;
        this.voice = voice;
        this.level = level;
    }

    /** Runs {@code mic} (and {@code far}, when not null) through {@code processing}; full-scale units. */
    static ProcessingRun of(AudioProcessing processing, float[] far, float[] mic) {
        return of(processing, far, mic, null);
    }

    /**
     * As {@link #of(AudioProcessing, float[], float[])}, but when {@code jitter} is given each far
     * frame is, at random, handed over one capture frame late (then with the next one), as when the
     * playout thread runs just after the capture thread.
     */
    static ProcessingRun of(AudioProcessing processing, float[] far, float[] mic, java.util.Random jitter) {
        int frames = mic.length / FRAME;
        short[] farFrame = new short[FRAME];
        short[] micFrame = new short[FRAME];
        float[] raw = new float[frames * FRAME];
        boolean[] voice = new boolean[frames];
        double[] level = new double[frames];
        AudioProcessingStats[] stats = new AudioProcessingStats[frames];
        int rendered = 0;
        for (int f = 0; f < frames; f++) {
            int upTo = jitter != null && jitter.nextInt(3) == 0 ? f - 1 : f; // this frame's far frame late
            while (far != null && rendered <= upTo) {
                toShorts(far, rendered * FRAME, farFrame);
                processing.analyzeRender(farFrame, 0);
                rendered++;
            }
            toShorts(mic, f * FRAME, micFrame);
            CaptureResult result = processing.processCapture(micFrame, 0);
            voice[f] = result.voiceActive();
            level[f] = result.levelDbfs();
            stats[f] = processing.stats();
            for (int i = 0; i < FRAME; i++) {
                raw[f * FRAME + i] = micFrame[i] / 32768f;
            }
        }
        int latency = (int) Math.round(processing.addedLatencyMillis() * RATE / 1000);
        float[] output = new float[raw.length];
        System.arraycopy(raw, latency, output, 0, raw.length - latency);
        return new ProcessingRun(output, voice, level, stats);
    }

    static void toShorts(float[] signal, int from, short[] frame) {
        for (int i = 0; i < frame.length; i++) {
            float v = from + i < signal.length ? signal[from + i] * 32768f : 0;
            frame[i] = (short) Math.max(-32768, Math.min(32767, Math.round(v)));
        }
    }

    /** Sum of squares of {@code signal} over seconds {@code [from, to)}. */
    static double energy(float[] signal, double from, double to) {
        double sum = 0;
        for (int n = (int) (from * RATE); n < Math.min(signal.length, (int) (to * RATE)); n++) {
            sum += (double) signal[n] * signal[n];
        }
        return sum;
    }

    static double db(double ratio) {
        return 10 * Math.log10(ratio);
    }

    static float[] sum(float[]... signals) {
        float[] out = new float[signals[0].length];
        for (float[] s : signals) {
            for (int i = 0; i < out.length; i++) {
                out[i] += s[i];
            }
        }
        return out;
    }

    static float[] whiteNoise(long seed, int samples, double levelDbfs) {
        java.util.Random random = new java.util.Random(seed);
        float scale = (float) Math.pow(10, levelDbfs / 20);
        float[] out = new float[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (float) (scale * random.nextGaussian());
        }
        return out;
    }
}
