package dev.parley.rtc.bench;

/** Runs core-rtc's benchmarks ({@code ./mvnw -Pbench verify}); each prints and writes its JSON. */
public final class BenchmarkRunner {
    private BenchmarkRunner() {}

    public static void main(String[] args) throws Exception {
        IceConnectBenchmark.main(args);
        SrtpBenchmark.main(args);
        CallSetupBenchmark.main(args); // needs root: it runs Chromium in a test namespace
    }
}
