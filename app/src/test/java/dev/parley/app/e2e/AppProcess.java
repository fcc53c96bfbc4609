package dev.parley.app.e2e;

import java.io.BufferedReader;
import dev.parley.app.testing.LaunchedApp;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One {@link ScriptedApp} in its own process, started by a command prefix (such as
 * {@code ip netns exec ns}) on an X display, driven by its commands. Failures name the app and
 * quote its last output lines. {@link #close()} ends it.
 */
final class AppProcess implements AutoCloseable {
    private static final int KEPT_LINES = 40;
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_PERIOD = Duration.ofMillis(250);

    private final String name;
    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final Deque<String> lastLines = new ArrayDeque<>();

    private AppProcess(String name, Process process) {
        this.name = name;
        this.process = process;
        this.commands = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        reader("replies", process.getInputStream(), line -> {
            if (line.startsWith(ScriptedApp.REPLY)) {
                replies.add(line.substring(ScriptedApp.REPLY.length()));
            } else {
                keep(line);
            }
        });
        reader("output", process.getErrorStream(), this::keep);
    }

    /**
     * Starts {@code appArgs} in {@code prefix} (e.g. a namespace's {@code ip netns exec}) on
     * {@code display}, with {@code tmpDir} as its temporary folder: webcam-capture locks a camera
     * by a file there named after it, and each app is to be a computer of its own.
     */
    static AppProcess start(String name, Function<List<String>, List<String>> prefix, String display, Path tmpDir,
            List<String> appArgs) throws IOException {
        List<String> java = new ArrayList<>();
        java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        java.addAll(LaunchedApp.appJvmOptions());
        java.addAll(List.of("-Djava.io.tmpdir=" + tmpDir,
                // the app's log on stderr, not in its log folder: failures quote its last lines
                "-Dorg.slf4j.simpleLogger.logFile=System.err", "-cp", System.getProperty("java.class.path"), ScriptedApp.class.getName()));
        java.addAll(appArgs);
        ProcessBuilder builder = new ProcessBuilder(prefix.apply(java));
        builder.environment().put("DISPLAY", display);
        return new AppProcess(name, builder.start());
    }

    /** Sends one command; its reply ("OK …" or "ERR …"). */
    synchronized String send(String command) throws IOException, InterruptedException {
        if (!process.isAlive()) {
            throw new AssertionError(name + " has exited (code " + process.exitValue() + ") before '" + command + "'"
                    + output());
        }
        commands.write(command + "\n");
        commands.flush();
        String reply = replies.poll(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (reply == null) {
            throw new AssertionError(name + " did not answer '" + command + "' within " + REPLY_TIMEOUT.toSeconds() + " s"
                    + output());
        }
        return reply;
    }

    /** Sends {@code command}, which must succeed; its result (after "OK "). */
    String ok(String command) throws IOException, InterruptedException {
        String reply = send(command);
        if (!reply.startsWith("OK")) {
            throw new AssertionError(name + ": '" + command + "' failed: " + reply + output());
        }
        return reply.length() > 2 ? reply.substring(3) : "";
    }

    /**
     * Sends {@code command} until it succeeds with a result {@code wanted} accepts; that result.
     * Fails with the last reply and {@code what} when {@code within} passes first.
     */
    String await(String what, String command, Predicate<String> wanted, Duration within)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        String reply;
        do {
            reply = send(command);
            if (reply.startsWith("OK") && wanted.test(reply.length() > 2 ? reply.substring(3) : "")) {
                return reply.length() > 2 ? reply.substring(3) : "";
            }
            Thread.sleep(POLL_PERIOD.toMillis());
        } while (System.nanoTime() < deadline);
        throw new AssertionError(name + ": " + what + " not seen within " + within.toSeconds() + " s; '" + command
                + "' last answered: " + reply + output());
    }

    /** The app's last output lines, for a failure's message. */
    String output() {
        synchronized (lastLines) {
            return "\n--- " + name + "'s last output ---\n" + String.join("\n", lastLines);
        }
    }

    private void keep(String line) {
        synchronized (lastLines) {
            lastLines.addLast(line);
            if (lastLines.size() > KEPT_LINES) {
                lastLines.removeFirst();
            }
        }
    }

    private void reader(String what, java.io.InputStream stream, java.util.function.Consumer<String> onLine) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    onLine.accept(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, name + "-" + what);
        reader.setDaemon(true);
        reader.start();
    }

    /** Ends stdin (the app exits), then kills it if it has not within a few seconds. */
    @Override
    public void close() throws InterruptedException {
        try {
            commands.close();
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                System.out.println("WARNING: " + name + " (pid " + process.pid() + ") did not die after SIGKILL");
            }
        }
    }
}
