package dev.parley.rtc.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One benchmark's result as DESIGN.md describes it: printed, and written to
 * {@code <module>/target/bench/<name>.json} as one object. {@code chromium} and {@code ratio} are
 * left out where no browser does the same work; {@code target} then bounds {@code parley} itself.
 */
public record BenchReport(String name, String unit, String better, double parley, Double chromium, double target,
        int samples, String notes) {
    private static final List<BenchReport> PUBLISHED = new ArrayList<>();

    /** The median of {@code values} (which it sorts). */
    public static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /** The {@code p}-th percentile (0..100) of sorted {@code values}, nearest rank. */
    public static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** The machine's load averages (1, 5, 15 min) from /proc/loadavg, for the notes. */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Every report {@link #publish}ed in this JVM, in order, as a table. */
    public static String table() {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%-34s %10s %10s %7s %8s  %s%n",
                "benchmark", "parley", "chromium", "ratio", "target", "unit (better)"));
        synchronized (PUBLISHED) {
            for (BenchReport r : PUBLISHED) {
                t.append(String.format(Locale.ROOT, "%-34s %10.3f %10s %7s %8.3f  %s (%s)%n", r.name, r.parley,
                        r.chromium == null ? "-" : String.format(Locale.ROOT, "%.3f", r.chromium),
                        r.chromium == null ? "-" : String.format(Locale.ROOT, "%.2f", r.parley / r.chromium),
                        r.target, r.unit, r.better));
            }
        }
        return t.toString();
    }

    public String toJson() {
        StringBuilder json = new StringBuilder("{");
        json.append("\"name\": ").append(quote(name));
        json.append(", \"unit\": ").append(quote(unit));
        json.append(", \"better\": ").append(quote(better));
        json.append(", \"parley\": ").append(number(parley));
        if (chromium != null) {
            json.append(", \"chromium\": ").append(number(chromium));
            json.append(", \"ratio\": ").append(number(parley / chromium));
        }
        json.append(", \"target\": ").append(number(target));
        json.append(", \"samples\": ").append(samples);
        json.append(", \"notes\": ").append(quote(notes));
        return json.append("}").toString();
    }

    /** Prints the result and writes {@code <bench.dir>/<name>.json} (the bench profile sets {@code bench.dir}). */
    public void publish() {
        System.out.println("BENCH " + toJson());
        synchronized (PUBLISHED) {
            PUBLISHED.add(this);
        }
        Path file = Path.of(System.getProperty("bench.dir", "target/bench"), name + ".json");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, toJson() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file.toAbsolutePath(), e);
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                q.append('\\').append(c);
            } else if (c < 0x20) {
                q.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                q.append(c);
            }
        }
        return q.append('"').toString();
    }
}
