package dev.parley.media.bench;

import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.VideoFrame;
import dev.parley.rtc.bench.BenchReport;
import dev.parley.rtc.testutil.ProcessCpu;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the capture benchmarks measure on a live track, the same way for every source: after a
 * warm-up, for a fixed window, each frame's capture-to-track latency (from a capture instant the
 * benchmark reads off the frame to the moment a sink on the track has it), the frames delivered,
 * and the CPU the whole process tree spent per wall second (100% = one core) — optionally with
 * one child's share (an X server) reported apart.
 */
final class CaptureMeasurement {
    static final Duration WARMUP = Duration.ofSeconds(5);
    static final Duration WINDOW = Duration.ofSeconds(10);
    private static final int MAX_SAMPLES = 1_000;

    /** A frame's capture-to-track latency in ms, or empty when the frame does not tell (counted). */
    interface Latency {
        OptionalDouble of(VideoFrame frame, long arrivedNanos);
    }

    /**
     * @param sorted latencies in ms, ascending
     * @param untold frames whose latency could not be read
     * @param fps frames delivered per second over the window
     * @param cpuPercent CPU of the process and its children over wall time
     * @param partPercent the part of {@code cpuPercent} spent by the child asked about, if any
     */
    record Result(double[] sorted, int untold, double fps, double cpuPercent, Optional<Double> partPercent) {
        double median() {
            return BenchReport.median(sorted.clone());
        }

        String spread() {
            int n = sorted.length;
            return String.format(Locale.ROOT, "min %.2f, p90 %.2f, p99 %.2f, max %.2f ms", sorted[0],
                    BenchReport.percentile(sorted, 90), BenchReport.percentile(sorted, 99), sorted[n - 1]);
        }

        String window() {
            return String.format(Locale.ROOT, "%.1f fps delivered, %d frames without a readable capture time,"
                    + " %d s window after %d s warm-up; load %s", fps, untold, WINDOW.toSeconds(), WARMUP.toSeconds(),
                    BenchReport.loadAverage());
        }
    }

    private CaptureMeasurement() {}

    /**
     * Measures {@code track} (which stays live), with {@code part}'s CPU also reported on its own.
     *
     * @throws IllegalStateException if no frame told its latency
     */
    static Result measure(MediaStreamTrack track, Latency latency, Optional<ProcessHandle> part) throws Exception {
        double[] latencies = new double[MAX_SAMPLES];
        AtomicInteger samples = new AtomicInteger();
        AtomicInteger frames = new AtomicInteger();
        AtomicInteger untold = new AtomicInteger();
        AtomicBoolean measuring = new AtomicBoolean();
        try (AutoCloseable sink = track.addVideoSink(frame -> {
            long arrived = System.nanoTime();
            if (!measuring.get()) {
                return;
            }
            frames.incrementAndGet();
            latency.of(frame, arrived).ifPresentOrElse(ms -> {
                int i = samples.getAndIncrement();
                if (i < MAX_SAMPLES) {
                    latencies[i] = ms;
                }
            }, untold::incrementAndGet);
        })) {
            Thread.sleep(WARMUP.toMillis());
            Duration cpuBefore = ProcessCpu.ofTree(ProcessHandle.current());
            Duration partBefore = part.map(ProcessCpu::ofTree).orElse(Duration.ZERO);
            long wallBefore = System.nanoTime();
            measuring.set(true);
            Thread.sleep(WINDOW.toMillis());
            measuring.set(false);
            long wall = System.nanoTime() - wallBefore;
            Duration cpu = ProcessCpu.ofTree(ProcessHandle.current()).minus(cpuBefore);
            Optional<Double> partPercent = part.map(p -> 100.0 * ProcessCpu.ofTree(p).minus(partBefore).toNanos() / wall);
            int n = Math.min(samples.get(), MAX_SAMPLES);
            if (n == 0) {
                throw new IllegalStateException("no frame told its capture time (" + untold.get() + " did not)");
            }
            double[] sorted = Arrays.copyOf(latencies, n);
            Arrays.sort(sorted);
            return new Result(sorted, untold.get(), frames.get() / (wall / 1e9), 100.0 * cpu.toNanos() / wall,
                    partPercent);
        }
    }
}
