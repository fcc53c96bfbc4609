package dev.parley.media.bench;

import dev.parley.media.processing.AudioProcessing;
import dev.parley.media.processing.AudioProcessingConfig;
import dev.parley.media.processing.SimulatedRoom;
import dev.parley.media.processing.SyntheticSpeech;
import dev.parley.rtc.bench.BenchReport;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Issue #10's audio processing benchmark: the CPU the whole chain (echo cancellation with delay
 * estimation, residual echo and noise suppression, voice activity, gain control) spends per 10 ms
 * frame at 48 kHz, on a call-like signal: far-end speech through a 250 ms room with a 120 ms bulk
 * delay that moves to 60 ms halfway, near-end speech joining for double talk, and noise. The
 * target is 5 % of one core: 500 µs per 10 ms frame. Measured on the calling thread's CPU clock
 * over the whole window (render hand-over included), after a warm-up pass for the JIT; the
 * per-frame CPU spread shows the spikes (a realignment of the echo filter costs a few FFTs per
 * partition). Also reports the latency the chain adds to the capture path.
 */
public final class AudioProcessingBenchmark {
    private static final int FRAME = AudioProcessing.FRAME_SAMPLES;
    private static final int RATE = AudioProcessing.SAMPLE_RATE;
    private static final int SECONDS = 30;

    private static String lastRun = "";

    private AudioProcessingBenchmark() {}

    public static void main(String[] args) {
        int samples = SECONDS * RATE;
        float[] far = SyntheticSpeech.generate(1, samples, -20);
        float[] echo = SimulatedRoom.echo(far, SimulatedRoom.impulseResponse(2, 250, 3), 120 * RATE / 1000,
                samples / 2, 60 * RATE / 1000);
        float[] near = SyntheticSpeech.generate(3, samples, -24);
        Arrays.fill(near, 0, samples / 3, 0); // single talk first, then double talk
        Random random = new Random(4);
        short[][] farFrames = new short[samples / FRAME][FRAME];
        short[][] micFrames = new short[samples / FRAME][FRAME];
        for (int f = 0; f < farFrames.length; f++) {
            for (int i = 0; i < FRAME; i++) {
                int n = f * FRAME + i;
                farFrames[f][i] = toShort(far[n]);
                micFrames[f][i] = toShort(echo[n] + near[n] + (float) (random.nextGaussian() * 0.0005));
            }
        }

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        run(farFrames, micFrames, new double[farFrames.length], threads); // warm-up: the JIT compiles the hot loops
        double[] frameMicros = new double[farFrames.length];
        long cpuBefore = threads.getCurrentThreadCpuTime();
        AudioProcessing processing = run(farFrames, micFrames, frameMicros, threads);
        long cpu = threads.getCurrentThreadCpuTime() - cpuBefore;
        double cpuPerFrame = cpu / 1e3 / farFrames.length;

        double[] sorted = frameMicros.clone();
        Arrays.sort(sorted);
        String spread = String.format(Locale.ROOT, "CPU per frame: median %.0f, p90 %.0f, p99 %.0f, max %.0f µs",
                BenchReport.percentile(sorted, 50), BenchReport.percentile(sorted, 90),
                BenchReport.percentile(sorted, 99), sorted[sorted.length - 1]) + "; " + lastRun;
        String call = String.format(Locale.ROOT, "%d s of 48 kHz mono in 10 ms frames, every stage on; far speech"
                + " through a 250 ms room, bulk delay 120 ms then 60 ms, near speech from %d s, noise; final stats %s;"
                + " load %s", SECONDS, SECONDS / 3, processing.stats(), BenchReport.loadAverage());
        new BenchReport("audio-processing", "µs CPU per 10 ms frame", "lower", cpuPerFrame, null, 500,
                farFrames.length, "thread CPU time over the window, analyzeRender and processCapture; " + spread
                        + "; " + String.format(Locale.ROOT, "%.1f %% of one core; ", cpuPerFrame / 100) + call)
                .publish();
        new BenchReport("audio-processing-latency", "ms", "lower", processing.addedLatencyMillis(), null, 10, 1,
                "delay the chain adds to the capture path: the spectral stages' overlap-add taper (the echo"
                        + " canceller adds none: overlap-save with its block equal to the frame); target ours: under"
                        + " one frame").publish();
    }

    private static AudioProcessing run(short[][] farFrames, short[][] micFrames, double[] frameMicros,
            ThreadMXBean threads) {
        AudioProcessing processing = new AudioProcessing(AudioProcessingConfig.DEFAULT);
        short[] frame = new short[FRAME];
        double delay = Double.NaN;
        int delayChanges = 0;
        int expensive = 0;
        int expensiveAtChange = 0;
        for (int f = 0; f < farFrames.length; f++) {
            System.arraycopy(micFrames[f], 0, frame, 0, FRAME);
            long start = threads.getCurrentThreadCpuTime();
            processing.analyzeRender(farFrames[f], 0);
            processing.processCapture(frame, 0);
            frameMicros[f] = (threads.getCurrentThreadCpuTime() - start) / 1e3;
            double now = processing.stats().delayMillis();
            boolean changed = Double.compare(now, delay) != 0;
            delay = now;
            delayChanges += changed ? 1 : 0;
            if (frameMicros[f] > 500) {
                expensive++;
                expensiveAtChange += changed ? 1 : 0;
            }
        }
        lastRun = String.format(Locale.ROOT, "%d frames over 500 µs, %d of them when the delay estimate changed"
                + " (%d changes)", expensive, expensiveAtChange, delayChanges);
        return processing;
    }

    private static short toShort(float v) {
        return (short) Math.max(-32768, Math.min(32767, Math.round(v * 32768)));
    }
}
