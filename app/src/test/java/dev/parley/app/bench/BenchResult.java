package dev.parley.app.bench;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One benchmark's result in DESIGN.md's shape, printed and written to
 * {@code app/target/bench/<name>.json}. No browser does this work, so there is no
 * {@code chromium}/{@code ratio}: {@code target} bounds {@code parley} itself.
 */
record BenchResult(String name, String unit, String better, double parley, double target, int samples, String notes) {

    void publish() throws IOException {
        String json = new GsonBuilder().disableHtmlEscaping().create().toJson(this);
        System.out.println("BENCH " + json);
        Path file = Path.of(System.getProperty("bench.dir", "target/bench"), name + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
    }

    /** The nearest-rank {@code p}-th percentile (0..100) of {@code values}, which it sorts. */
    static double percentile(double[] values, double p) {
        Arrays.sort(values);
        int rank = (int) Math.ceil(p / 100 * values.length);
        return values[Math.max(0, Math.min(values.length - 1, rank - 1))];
    }
}
