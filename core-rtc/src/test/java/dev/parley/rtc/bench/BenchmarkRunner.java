package dev.parley.rtc.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs core-rtc's benchmarks ({@code ./mvnw -Pbench verify}); each prints and writes its JSON,
 * and a table of every result follows at the end. {@code -Dbench.only=DataChannel,CallSetup}
 * runs only the benchmarks whose class name contains one of the comma-separated words.
 */
public final class BenchmarkRunner {
    private BenchmarkRunner() {}

    /** A benchmark's main. */
    public interface Benchmark {
        void run(String[] args) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Benchmark> all = new LinkedHashMap<>();
        all.put("IceConnectBenchmark", IceConnectBenchmark::main);
        all.put("SrtpBenchmark", SrtpBenchmark::main);
        all.put("CodecBenchmark", CodecBenchmark::main);
        all.put("VideoGlassToGlassBenchmark", VideoGlassToGlassBenchmark::main);
        // These need root: they run Chromium (or a second JVM) in a test namespace.
        all.put("CallSetupBenchmark", CallSetupBenchmark::main);
        all.put("DataChannelConnectBenchmark", DataChannelConnectBenchmark::main);
        all.put("DataChannelThroughputBenchmark", DataChannelThroughputBenchmark::main);
        all.put("DataChannelDelayedLinkBenchmark", DataChannelDelayedLinkBenchmark::main);
        all.put("VideoFirstFrameBenchmark", VideoFirstFrameBenchmark::main);
        all.put("VideoRampBenchmark", VideoRampBenchmark::main);
        all.put("VideoCpuBenchmark", VideoCpuBenchmark::main);
        runSelected(all, args);
    }

    /**
     * Runs those of {@code all} (name → main, in order) that {@code -Dbench.only} selects (all
     * when it is not set), then prints the table; other modules' runners use it too. Selecting
     * none of them is not an error: {@code bench.only} is set for the whole reactor, and a filter
     * meant for another module's benchmarks (media-capture's) must let this one pass.
     */
    public static void runSelected(Map<String, Benchmark> all, String[] args) throws Exception {
        List<String> only = new ArrayList<>();
        for (String word : System.getProperty("bench.only", "").split(",")) {
            if (!word.isBlank()) {
                only.add(word.trim().toLowerCase(Locale.ROOT));
            }
        }
        int ran = 0;
        for (Map.Entry<String, Benchmark> b : all.entrySet()) {
            String name = b.getKey().toLowerCase(Locale.ROOT);
            if (only.isEmpty() || only.stream().anyMatch(name::contains)) {
                System.out.println("== " + b.getKey() + " (load average " + BenchReport.loadAverage() + ")");
                b.getValue().run(args);
                ran++;
            }
        }
        if (ran == 0) {
            System.out.println("bench.only=" + System.getProperty("bench.only") + " selects none of " + all.keySet());
            return;
        }
        System.out.println(BenchReport.table());
    }
}
