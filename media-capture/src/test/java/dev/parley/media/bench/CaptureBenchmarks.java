package dev.parley.media.bench;

import dev.parley.rtc.bench.BenchmarkRunner;
import dev.parley.rtc.bench.BenchmarkRunner.Benchmark;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs media-capture's benchmarks ({@code ./mvnw -Pbench verify}): capture-to-track latency and
 * CPU of 1280x720@30 from the synthetic camera, the file camera and the screen, and the audio
 * processing chain's CPU per frame and added latency. Each prints and
 * writes its JSON; {@code -Dbench.only=File,Screen} runs those whose class name contains a word.
 */
public final class CaptureBenchmarks {
    private CaptureBenchmarks() {}

    public static void main(String[] args) throws Exception {
        Map<String, Benchmark> all = new LinkedHashMap<>();
        all.put("SyntheticCameraBenchmark", SyntheticCameraBenchmark::main);
        all.put("FileCameraBenchmark", FileCameraBenchmark::main);
        all.put("ScreenCaptureBenchmark", ScreenCaptureBenchmark::main);
        all.put("AudioProcessingBenchmark", AudioProcessingBenchmark::main);
        BenchmarkRunner.runSelected(all, args);
    }
}
