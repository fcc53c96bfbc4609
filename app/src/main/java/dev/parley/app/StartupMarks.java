package dev.parley.app;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Startup milestones for the cold-start benchmarks: with {@code -Dparley.startupMarks=true} the app
 * prints {@code PARLEY-MARK window <ms>} when its first window is shown and {@code PARLEY-MARK preview
 * <ms>} when the local camera preview first paints and {@code PARLEY-MARK remote <ms>} when a call's
 * remote video first reaches the call screen, ms counted from JVM start; each once. Without the
 * property it prints nothing, so the calls cost nothing in normal use.
 *
 * <p>The static methods are the app's entry points (a milestone is a once-per-process fact, so
 * their state is the process's); an instance, with its output and clock given, is what tests use.
 */
public final class StartupMarks {
    public static final String PROPERTY = "parley.startupMarks";
    public static final String PREFIX = "PARLEY-MARK ";

    private static final class ProcessMarks {
        static final StartupMarks INSTANCE = new StartupMarks(Boolean.getBoolean(PROPERTY), System.out,
                () -> System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime());
    }

    private final boolean enabled;
    private final PrintStream out;
    private final LongSupplier millisSinceStart;
    private final AtomicBoolean window = new AtomicBoolean();
    private final AtomicBoolean preview = new AtomicBoolean();
    private final AtomicBoolean remote = new AtomicBoolean();

    public StartupMarks(boolean enabled, PrintStream out, LongSupplier millisSinceStart) {
        this.enabled = enabled;
        this.out = out;
        this.millisSinceStart = millisSinceStart;
    }

    /** The app's first window is on screen. */
    public static void windowShown() {
        ProcessMarks.INSTANCE.window();
    }

    /** The local camera preview painted its first frame. */
    public static void previewShown() {
        ProcessMarks.INSTANCE.preview();
    }

    /** The first call's remote video reached the call screen (the test call's far end, in a test call). */
    public static void remoteShown() {
        ProcessMarks.INSTANCE.remote();
    }

    public void remote() {
        mark(remote, "remote");
    }

    public void window() {
        mark(window, "window");
    }

    public void preview() {
        mark(preview, "preview");
    }

    private void mark(AtomicBoolean done, String name) {
        if (enabled && done.compareAndSet(false, true)) {
            // One println: the benchmark reads whole lines, and println on a PrintStream is atomic.
            out.println(PREFIX + name + " " + millisSinceStart.getAsLong());
            out.flush();
        }
    }
}
