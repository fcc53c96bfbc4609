package dev.parley.media;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real X servers for screen-capture tests: Xvfb at 1280x720, 24-bit, on a display number the
 * server picks itself ({@code -displayfd}), so parallel builds and a desktop's own display never
 * collide. One starts before the test class ({@link #display()}); a test may start more
 * ({@link #startAnother()}, for one it kills; a benchmark starts its own the same way). Every server this extension started, and every X
 * client started on one, is stopped after the class, by its process.
 *
 * <p>Windows of a known colour at a known place come from Debian's X tools: {@code xsetroot}
 * paints the root, {@code xlogo} with foreground and background in one colour is a plain
 * rectangle (no window manager runs, so its geometry is exactly as asked), {@code xwininfo}
 * finds its id. Without them the tests fail with what to install: CI installs them
 * ({@code .ci/run}).
 */
public final class Xvfb implements BeforeAllCallback, AfterAllCallback {
    public static final int WIDTH = 1280;
    public static final int HEIGHT = 720;
    private static final Duration START = Duration.ofSeconds(20);
    private static final long COMMAND_SECONDS = 20;
    /** Program → the Debian package that has it. */
    private static final String[][] TOOLS = {{"Xvfb", "xvfb"}, {"xsetroot", "x11-xserver-utils"}, {"xlogo", "x11-apps"},
        {"xwininfo", "x11-utils"}};

    private final List<Display> started = new CopyOnWriteArrayList<>();
    private Display first;

    /** One running X server and the clients a test started on it. */
    public static final class Display {
        private final String name;
        private final Process server;
        private final Path log;
        private final Map<String, Process> windows = new ConcurrentHashMap<>();

        private Display(String name, Process server, Path log) {
            this.name = name;
            this.server = server;
            this.log = log;
        }

        /** The X display name, ":N". */
        public String name() {
            return name;
        }

        /** The server's process (for benchmarks that count its CPU). */
        public ProcessHandle server() {
            return server.toHandle();
        }

        /** Paints the root window (the "desktop") one colour, "#rrggbb". */
        public void paintRoot(String colour) throws IOException, InterruptedException {
            run("xsetroot", "-solid", colour);
        }

        /**
         * Opens a plain window of one colour at {@code x},{@code y} (no border) titled {@code title}
         * and returns its X window id once it is on screen; it stays until {@link #closeWindow} or the class ends.
         */
        public String openWindow(String title, String colour, int x, int y, int width, int height)
                throws IOException, InterruptedException {
            Process window = new ProcessBuilder("xlogo", "-display", name, "-geometry",
                    width + "x" + height + "+" + x + "+" + y, "-bg", colour, "-fg", colour, "-bw", "0", "-title", title)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            windows.put(title, window);
            String[] id = new String[1];
            Await.until(Duration.ofSeconds(10), () -> "window " + title + " mapped on " + name, () -> {
                id[0] = viewableWindowId(title);
                return id[0] != null || !window.isAlive();
            });
            if (id[0] == null) {
                fail("xlogo for " + title + " exited with " + window.exitValue());
            }
            return id[0];
        }

        /** Closes the window titled {@code title} by ending its client, as a user closing an application. */
        void closeWindow(String title) throws InterruptedException {
            Process window = windows.remove(title);
            if (window != null) {
                window.destroy();
                window.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS);
            }
        }

        /** Kills the X server outright (SIGKILL), as a display that vanishes. */
        void kill() throws InterruptedException {
            server.destroyForcibly();
            if (!server.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                fail("Xvfb " + name + " did not die");
            }
        }

        boolean alive() {
            return server.isAlive();
        }

        private String viewableWindowId(String title) {
            Result info;
            try {
                info = command(false, "xwininfo", "-display", name, "-name", title);
            } catch (IOException e) {
                return fail("xwininfo did not run", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail("interrupted");
            }
            if (info.exitCode() != 0 || !info.output().contains("Map State: IsViewable")) {
                return null;
            }
            for (String line : info.output().split("\n")) {
                int at = line.indexOf("Window id: ");
                if (at >= 0) {
                    return line.substring(at + "Window id: ".length()).trim().split(" ")[0];
                }
            }
            return null;
        }

        private void run(String... command) throws IOException, InterruptedException {
            List<String> withDisplay = new ArrayList<>(List.of(command));
            withDisplay.addAll(1, List.of("-display", name));
            command(true, withDisplay.toArray(String[]::new));
        }

        private void stop() throws InterruptedException {
            windows.values().forEach(Process::destroy);
            if (server.isAlive()) {
                server.destroy();
                if (!server.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            }
            try {
                Files.deleteIfExists(log); // a server that failed to start has shown its log in the failure
            } catch (IOException e) {
                // a leftover temporary file is harmless
            }
        }

        @Override
        public String toString() {
            return "Xvfb " + name + " (log " + log + ")";
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        first = startAnother();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stopAll();
    }

    /** Stops every server this object started, and their clients. */
    public void stopAll() throws InterruptedException {
        for (Display display : started) {
            display.stop();
        }
        started.clear();
    }

    /** The server started for the test class. */
    Display display() {
        return first;
    }

    /** Starts one more server, stopped with the others after the class. */
    public Display startAnother() throws IOException, InterruptedException {
        requireInstalled();
        Path log = Files.createTempFile("parley-xvfb", ".log");
        // -displayfd 1: the server picks a free display number and writes it to our pipe once it accepts clients.
        // -noreset: without it the server resets, root colour included, whenever its last client leaves.
        Process server = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", WIDTH + "x" + HEIGHT + "x24",
                "-nolisten", "tcp", "-noreset").redirectError(log.toFile()).start();
        // The pipe stays open (not closed after the line): a server writing to a closed pipe could die of it.
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.US_ASCII));
        CompletableFuture<String> number = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = number.get(START.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            line = null;
        }
        if (line == null || !line.trim().matches("\\d+")) {
            server.destroyForcibly();
            return fail("Xvfb did not start within " + START.toSeconds() + " s; its log: " + log + "\n"
                    + Files.readString(log));
        }
        Display display = new Display(":" + line.trim(), server, log);
        started.add(display);
        return display;
    }

    private static void requireInstalled() {
        List<String> missing = new ArrayList<>();
        for (String[] tool : TOOLS) {
            if (!onPath(tool[0])) {
                missing.add(tool[1]);
            }
        }
        if (!missing.isEmpty()) {
            fail("these tests capture a real X server's screen; install " + String.join(" ", missing)
                    + " (Debian: apt-get install -y --no-install-recommends xvfb x11-xserver-utils x11-apps x11-utils;"
                    + " .ci/run installs them)");
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private record Result(int exitCode, String output) {}

    private static Result command(boolean mustSucceed, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return fail(String.join(" ", command) + " did not finish within " + COMMAND_SECONDS + " s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (mustSucceed && process.exitValue() != 0) {
            fail(String.join(" ", command) + " failed (" + process.exitValue() + "): " + output);
        }
        return new Result(process.exitValue(), output);
    }
}
