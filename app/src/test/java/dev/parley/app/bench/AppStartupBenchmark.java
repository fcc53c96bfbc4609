package dev.parley.app.bench;

import dev.parley.app.testing.LaunchedApp;
import dev.parley.app.testing.XDisplay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Cold start of the app ({@code ./mvnw -pl app -am verify -Pbench}): {@code bench.appRuns} (5) launches
 * of a fresh JVM, each until the app prints {@code PARLEY-MARK window} and {@code PARLEY-MARK preview}
 * (see {@link dev.parley.app.StartupMarks}), then killed. Medians, from JVM start:
 * {@code app-cold-start-window} (target 2000 ms) and {@code app-cold-start-preview} (target 3000 ms).
 * Runs on the session's display or an Xvfb of its own; without either, or while the app shows no
 * window yet, it says so and publishes nothing.
 */
public final class AppStartupBenchmark {
    private static final int RUNS = Integer.getInteger("bench.appRuns", 5);
    private static final Duration MARK_TIMEOUT = Duration.ofSeconds(Integer.getInteger("bench.appTimeoutSeconds", 60));

    private AppStartupBenchmark() {}

    public static void main(String[] args) throws Exception {
        Optional<XDisplay> maybeDisplay = XDisplay.obtain();
        if (maybeDisplay.isEmpty()) {
            return;
        }
        double[] windowMs = new double[RUNS];
        double[] previewMs = new double[RUNS];
        boolean previews = true;
        try (XDisplay display = maybeDisplay.get()) {
            for (int run = 0; run < RUNS; run++) {
                // a fresh settings folder each run: the first-run screen, whose camera preview is the mark
                Path settings = Files.createTempDirectory("parley-bench-settings");
                try (LaunchedApp app = LaunchedApp.startParleyAlone(display.name(), settings)) {
                    OptionalLong window = app.awaitMark("window", MARK_TIMEOUT);
                    if (window.isEmpty()) {
                        System.out.println("BENCH-SKIP app-cold-start-window, app-cold-start-preview: not available yet: "
                                + app.whyNot("window", MARK_TIMEOUT));
                        return;
                    }
                    windowMs[run] = window.getAsLong();
                    OptionalLong preview = previews ? app.awaitMark("preview", MARK_TIMEOUT) : OptionalLong.empty();
                    if (preview.isEmpty() && previews) {
                        System.out.println("BENCH-SKIP app-cold-start-preview: not available yet: "
                                + app.whyNot("preview", MARK_TIMEOUT));
                        previews = false;
                    }
                    previewMs[run] = preview.orElse(-1);
                    System.out.printf(Locale.ROOT, "run %d: window %d ms, preview %s%n", run + 1, window.getAsLong(),
                            preview.isPresent() ? preview.getAsLong() + " ms" : "-");
                }
            }
        }
        String setting = "median of " + RUNS + " cold starts (fresh JVM, java -cp, on X display), ms from JVM start";
        new BenchResult("app-cold-start-window", "ms", "lower", BenchResult.percentile(windowMs, 50), 2000, RUNS,
                setting + " to the first window shown").publish();
        if (previews) {
            new BenchResult("app-cold-start-preview", "ms", "lower", BenchResult.percentile(previewMs, 50), 3000, RUNS,
                    setting + " to the local preview's first frame").publish();
        }
    }
}
