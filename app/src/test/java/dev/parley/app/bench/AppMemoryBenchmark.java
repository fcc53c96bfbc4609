package dev.parley.app.bench;

import dev.parley.app.testing.LaunchedApp;
import dev.parley.app.testing.XDisplay;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The app's memory in a call ({@code ./mvnw -pl app -am verify -Pbench}): it starts the app's test call
 * ({@code --test-call --camera-size 1280x720}, a call to itself through the whole engine), waits for
 * {@code PARLEY-MARK preview}, then samples the process's resident set ({@code VmRSS} in
 * {@code /proc/<pid>/status}) twice a second for {@code bench.rssSeconds} (20) seconds. Publishes
 * {@code app-call-rss}: the largest sample, in MB (target 400). Linux only; where the app has no test
 * call yet, or exits early, it says "not available yet" and publishes nothing.
 */
public final class AppMemoryBenchmark {
    private static final Duration PREVIEW_TIMEOUT = Duration.ofSeconds(Integer.getInteger("bench.appTimeoutSeconds", 60));
    private static final int SECONDS = Integer.getInteger("bench.rssSeconds", 20);
    private static final long SAMPLE_MILLIS = 500;

    private AppMemoryBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            System.out.println("BENCH-SKIP app-call-rss: needs Linux's /proc to read the process's VmRSS");
            return;
        }
        Optional<XDisplay> maybeDisplay = XDisplay.obtain();
        if (maybeDisplay.isEmpty()) {
            return;
        }
        try (XDisplay display = maybeDisplay.get();
                LaunchedApp app = LaunchedApp.startParleyAlone(display.name(),
                        Files.createTempDirectory("parley-bench-settings"), "--name", "Bench", "--test-call", "--camera-size", "1280x720")) {
            OptionalLong preview = app.awaitMark("preview", PREVIEW_TIMEOUT);
            if (preview.isEmpty()) {
                System.out.println("BENCH-SKIP app-call-rss: not available yet: " + app.whyNot("preview", PREVIEW_TIMEOUT));
                return;
            }
            int count = (int) (SECONDS * 1000 / SAMPLE_MILLIS);
            double[] rssMb = new double[count];
            long next = System.nanoTime();
            for (int i = 0; i < count; i++) {
                OptionalLong kib = LaunchedApp.vmRssKib(app.pid());
                if (kib.isEmpty() || !app.alive()) {
                    System.out.println("BENCH-SKIP app-call-rss: not available: the app exited during the call, "
                            + "after " + i + " samples; " + app.whyNot("rss", Duration.ZERO));
                    return;
                }
                rssMb[i] = kib.getAsLong() / 1024.0;
                next += TimeUnit.MILLISECONDS.toNanos(SAMPLE_MILLIS);
                TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
            }
            double median = BenchResult.percentile(rssMb.clone(), 50);
            double max = Arrays.stream(rssMb).max().orElseThrow();
            new BenchResult("app-call-rss", "MB", "lower", max, 400, count, String.format(Locale.ROOT,
                    "largest VmRSS of the app process in a 1280x720 test call, sampled every %d ms for %d s after "
                            + "the preview showed (median %.0f MB); MB = 2^20 bytes", SAMPLE_MILLIS, SECONDS, median))
                    .publish();
        }
    }
}
