package dev.parley.app.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The benchmarks' child-process handling, against {@link StandInApp} instead of the real app. */
class LaunchedAppTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void readsTheMarksAndKillsTheAppOnClose() throws Exception {
        LaunchedApp app = LaunchedApp.start(":0", StandInApp.class.getName(), "marks");
        try (app) {
            OptionalLong window = app.awaitMark("window", DEADLINE);
            OptionalLong preview = app.awaitMark("preview", DEADLINE);

            assertTrue(window.isPresent() && window.getAsLong() > 0, "window mark " + window);
            assertTrue(preview.isPresent() && preview.getAsLong() >= window.getAsLong(), "preview mark " + preview);
            assertTrue(app.alive());
        }
        assertFalse(app.alive(), "close() ends the process");
    }

    @Test
    void saysWhyWhenTheAppExitsWithoutTheMark() throws Exception {
        long started = System.nanoTime();
        try (LaunchedApp app = LaunchedApp.start(":0", StandInApp.class.getName(), "none", "exit")) {
            OptionalLong window = app.awaitMark("window", DEADLINE);

            assertTrue(window.isEmpty());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(DEADLINE) < 0, "returns at exit, not at the deadline");
            String why = app.whyNot("window", DEADLINE);
            assertTrue(why.contains("exited (code 3)") && why.contains("stand-in starting"), why);
        }
    }

    @Test
    void readsTheResidentSetOfALiveAppAndNothingOnceItIsGone() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "VmRSS comes from Linux's /proc");
        LaunchedApp app = LaunchedApp.start(":0", StandInApp.class.getName(), "marks");
        long pid;
        try (app) {
            assertTrue(app.awaitMark("window", DEADLINE).isPresent());
            pid = app.pid();
            OptionalLong kib = LaunchedApp.vmRssKib(pid);

            // A running JVM holds at least a few MB resident, and less than this machine's memory.
            assertTrue(kib.isPresent() && kib.getAsLong() > 4 * 1024 && kib.getAsLong() < 64L * 1024 * 1024, "VmRSS " + kib);
        }
        assertTrue(LaunchedApp.vmRssKib(pid).isEmpty(), "no VmRSS after the app was killed");
    }
}
