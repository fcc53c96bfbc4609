package dev.parley.app.testing;

import dev.parley.app.StartupMarks;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Parley app in a child JVM ({@code java -cp <this class path> dev.parley.app.Main}) with
 * {@code -Dparley.startupMarks=true}, on a given X display: its {@code PARLEY-MARK} lines become
 * awaitable marks, the rest of its output is kept (the last lines) for messages. {@link #close()}
 * ends it (and anything it started), politely first.
 */
public final class LaunchedApp implements AutoCloseable {
    private static final int KEPT_LINES = 20;

    private final Process process;
    private final Map<String, CompletableFuture<Long>> marks = new ConcurrentHashMap<>();
    private final Deque<String> lastLines = new ArrayDeque<>();
    private final CompletableFuture<Void> outputEnded;

    private LaunchedApp(Process process) {
        this.process = process;
        this.outputEnded = CompletableFuture.runAsync(this::readOutput);
    }

    /** Parley itself with {@code appArgs}. */
    public static LaunchedApp startParley(String display, String... appArgs) throws IOException {
        return start(display, "dev.parley.app.Main", appArgs);
    }

    /**
     * Parley on its own: synthetic devices, settings in {@code settingsDir} (a fresh one shows the
     * first-run screen), its embedded server on loopback on a free port — nothing of the user's, and
     * nothing reachable from outside — plus {@code appArgs}.
     */
    public static LaunchedApp startParleyAlone(String display, Path settingsDir, String... appArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("--synthetic-devices", "--settings-dir", settingsDir.toString(),
                "--host", "127.0.0.1", "--port", "0"));
        args.addAll(List.of(appArgs));
        return startParley(display, args.toArray(String[]::new));
    }

    /** As {@link #startParley} with another main class (tests use a stand-in app). */
    public static LaunchedApp start(String display, String mainClass, String... appArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(appJvmOptions());
        command.addAll(List.of("-D" + StartupMarks.PROPERTY + "=true", "-cp", System.getProperty("java.class.path"),
                mainClass));
        command.addAll(List.of(appArgs));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DISPLAY", display);
        return new LaunchedApp(builder.start());
    }

    /**
     * The JVM options the packaged app's launcher uses ({@code parley.jvm.options} in app/pom.xml,
     * handed to tests and benchmarks as {@code -Dparley.jvmOptions}), so an app started here runs
     * as a user's would; none where the build did not pass them (an IDE run).
     */
    public static List<String> appJvmOptions() {
        String options = System.getProperty("parley.jvmOptions", "").trim();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /**
     * The milliseconds from JVM start the app printed for mark {@code name}, or empty if it exited
     * first (its output ended) or {@code timeout} passed.
     */
    public OptionalLong awaitMark(String name, Duration timeout) throws InterruptedException {
        CompletableFuture<Long> mark = mark(name);
        try {
            CompletableFuture.anyOf(mark, outputEnded).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // fall through: the mark is either done or not
        }
        return mark.isDone() ? OptionalLong.of(mark.join()) : OptionalLong.empty();
    }

    /** Why a mark did not come, for the "not available" message. */
    public String whyNot(String mark, Duration timeout) throws InterruptedException {
        if (outputEnded.isDone()) {
            process.waitFor(5, TimeUnit.SECONDS); // its output ends a moment before it is reaped
        }
        String how = process.isAlive() ? "no PARLEY-MARK " + mark + " within " + timeout.toSeconds() + " s"
                : "the app exited (code " + process.exitValue() + ") without PARLEY-MARK " + mark;
        synchronized (lastLines) {
            return how + (lastLines.isEmpty() ? "" : "; its last output: " + String.join(" | ", lastLines));
        }
    }

    private CompletableFuture<Long> mark(String name) {
        return marks.computeIfAbsent(name, n -> new CompletableFuture<>());
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith(StartupMarks.PREFIX)) {
                    String[] parts = line.substring(StartupMarks.PREFIX.length()).trim().split(" ");
                    if (parts.length == 2 && parts[1].matches("\\d+")) {
                        mark(parts[0]).complete(Long.parseLong(parts[1]));
                        continue;
                    }
                }
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > KEPT_LINES) {
                        lastLines.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the pipe closed as the process was killed: its output ended
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                System.out.println("WARNING: app process " + process.pid() + " did not die after SIGKILL");
            }
        }
    }

    /** A process's resident set in KiB (Linux {@code /proc}), or empty once it is gone. */
    public static OptionalLong vmRssKib(long pid) throws IOException {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
            return OptionalLong.empty(); // a zombie has no VmRSS line
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        }
    }
}
