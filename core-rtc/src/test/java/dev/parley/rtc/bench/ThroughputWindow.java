package dev.parley.rtc.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One throughput measurement: after a warm-up, the bytes the receiver counted over a window,
 * timed on the receiver's own clock, and the CPU time each named process spent meanwhile.
 */
final class ThroughputWindow {
    static final Duration WARMUP = Duration.ofSeconds(3);
    static final Duration WINDOW = Duration.ofSeconds(5);

    private ThroughputWindow() {}

    /** The receiver's count: {@code {bytes so far, its clock in ns}}. */
    interface Receiver {
        long[] sample() throws Exception;
    }

    /** A process's CPU time so far. */
    interface CpuClock {
        Duration now() throws Exception;
    }

    /**
     * @param cpuMsPerMb CPU milliseconds per MB received, by process
     * @param cpuShare   the share of one core each process used during the window
     */
    record Result(double mbPerSecond, long bytes, double seconds, Map<String, Double> cpuMsPerMb,
                  Map<String, Double> cpuShare) {}

    static Result measure(Receiver receiver, Map<String, CpuClock> cpu) throws Exception {
        Thread.sleep(WARMUP.toMillis());
        Map<String, Duration> cpuBefore = read(cpu);
        long[] before = receiver.sample();
        Thread.sleep(WINDOW.toMillis());
        long[] after = receiver.sample();
        Map<String, Duration> cpuAfter = read(cpu);
        long bytes = after[0] - before[0];
        double seconds = (after[1] - before[1]) / 1e9;
        double mb = bytes / 1e6;
        Map<String, Double> perMb = new LinkedHashMap<>();
        Map<String, Double> share = new LinkedHashMap<>();
        for (String name : cpu.keySet()) {
            double ms = cpuAfter.get(name).minus(cpuBefore.get(name)).toNanos() / 1e6;
            perMb.put(name, mb > 0 ? ms / mb : Double.NaN);
            share.put(name, ms / 1000 / seconds);
        }
        return new Result(mb / seconds, bytes, seconds, perMb, share);
    }

    /** Field by field, the median of several windows of one path (MB/s and each CPU figure on its own). */
    static Result median(List<Result> results) {
        Result first = results.get(0);
        Map<String, Double> perMb = new LinkedHashMap<>();
        Map<String, Double> share = new LinkedHashMap<>();
        for (String name : first.cpuMsPerMb().keySet()) {
            perMb.put(name, BenchReport.median(results.stream().mapToDouble(r -> r.cpuMsPerMb().get(name)).toArray()));
            share.put(name, BenchReport.median(results.stream().mapToDouble(r -> r.cpuShare().get(name)).toArray()));
        }
        return new Result(BenchReport.median(results.stream().mapToDouble(Result::mbPerSecond).toArray()),
                results.stream().mapToLong(Result::bytes).sum(), results.stream().mapToDouble(Result::seconds).sum(),
                perMb, share);
    }

    /** The MB/s of each window, for the notes: "(29.4, 30.1, 28.8)". */
    static String each(List<Result> results) {
        StringBuilder s = new StringBuilder("(");
        for (Result r : results) {
            s.append(s.length() > 1 ? ", " : "").append(String.format(java.util.Locale.ROOT, "%.1f", r.mbPerSecond()));
        }
        return s.append(')').toString();
    }

    private static Map<String, Duration> read(Map<String, CpuClock> cpu) throws Exception {
        Map<String, Duration> now = new LinkedHashMap<>();
        for (Map.Entry<String, CpuClock> e : cpu.entrySet()) {
            now.put(e.getKey(), e.getValue().now());
        }
        return now;
    }

    /** This JVM's CPU time, all threads (the engine's, the JIT's, the GC's). */
    static Duration jvmCpu() {
        return Duration.ofNanos(((com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime());
    }
}
