package dev.parley.app.testing;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The X display the app benchmarks open their windows on: the session's own ({@code DISPLAY}) when
 * there is one, else an Xvfb this object starts ({@code -displayfd}: the server picks a free number)
 * and stops on {@link #close()}. media-capture's test {@code Xvfb} does the same for JUnit; it is not
 * on this module's class path, and a benchmark wants "skip" rather than a failed assertion.
 */
public final class XDisplay implements AutoCloseable {
    private static final long START_SECONDS = 20;

    private final String name;
    private final Process server;

    private XDisplay(String name, Process server) {
        this.name = name;
        this.server = server;
    }

    /** A display to use, or empty with the reason printed when there is none and no Xvfb to start. */
    public static Optional<XDisplay> obtain() throws IOException, InterruptedException {
        String own = System.getenv("DISPLAY");
        if (own != null && !own.isBlank()) {
            return Optional.of(new XDisplay(own, null));
        }
        if (!onPath("Xvfb")) {
            System.out.println("BENCH-SKIP: DISPLAY is unset and Xvfb is not installed (apt-get install -y xvfb)");
            return Optional.empty();
        }
        // 1920x1080: a common laptop screen; the app lays out as it would there.
        Process server = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1920x1080x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
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
            line = number.get(START_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            line = null;
        }
        if (line == null || !line.trim().matches("\\d+")) {
            stop(server);
            System.out.println("BENCH-SKIP: Xvfb did not start within " + START_SECONDS + " s");
            return Optional.empty();
        }
        return Optional.of(new XDisplay(":" + line.trim(), server));
    }

    /** The X display name for the app's {@code DISPLAY}. */
    public String name() {
        return name;
    }

    @Override
    public void close() throws InterruptedException {
        if (server != null) {
            stop(server);
        }
    }

    private static void stop(Process server) throws InterruptedException {
        server.destroy();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
