import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Checks that a jpackage app image's launcher starts the app: {@code <launcher> --help} must exit 0
 * within a minute printing picocli's usage, and the launcher with no command must show the app's
 * main window (its {@code PARLEY-MARK window} line, asked for through {@code JAVA_TOOL_OPTIONS}) on
 * the session's X display or an Xvfb started here — on the synthetic devices, with a settings
 * folder of its own and its server on loopback. Without a display or Xvfb that second check is
 * skipped with a message. Run by the package profile as a source file ({@code java
 * CheckLauncher.java <image dir>}), so it needs no compile step and no test classes.
 */
public final class CheckLauncher {
    private static final long TIMEOUT_SECONDS = 60;

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            fail("usage: java CheckLauncher.java <jpackage image directory>");
        }
        Path launcher = launcher(Path.of(args[0]));
        if (!Files.isExecutable(launcher)) {
            fail("no launcher at " + launcher);
        }
        Process process = new ProcessBuilder(launcher.toString(), "--help").redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(launcher + " --help did not exit within " + TIMEOUT_SECONDS + " s");
        }
        String printed = output.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (process.exitValue() != 0 || !printed.contains("Usage: parley")) {
            fail(launcher + " --help exited " + process.exitValue() + " printing:\n" + printed);
        }
        System.out.println("Launcher check passed: " + launcher + " --help exited 0 with picocli's usage.");
        checkMainWindow(launcher);
    }

    /** The launcher opens the main window on an X display (Linux; other systems have their own). */
    private static void checkMainWindow(Path launcher) throws Exception {
        if (!System.getProperty("os.name").toLowerCase().startsWith("linux")) {
            System.out.println("Main-window check skipped: only written for X displays (Linux).");
            return;
        }
        Process xvfb = null;
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            if (!onPath("Xvfb")) {
                System.out.println("Main-window check skipped: no DISPLAY and no Xvfb (apt-get install xvfb).");
                return;
            }
            xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Process server = xvfb;
            String number = CompletableFuture.supplyAsync(() -> firstLine(server.getInputStream()))
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            display = ":" + number.trim();
        }
        Path settings = Files.createTempDirectory("parley-launcher-check");
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "--synthetic-devices", "--settings-dir",
                settings.toString(), "--name", "Check", "--host", "127.0.0.1", "--port", "0").redirectErrorStream(true);
        builder.environment().put("DISPLAY", display);
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Dparley.startupMarks=true");
        Process app = builder.start();
        try {
            CompletableFuture<String> window = CompletableFuture.supplyAsync(() -> lineStartingWith(app.getInputStream(),
                    "PARLEY-MARK window"));
            String mark = window.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (mark == null) {
                fail(launcher + " ended without showing its main window");
            }
            System.out.println("Launcher check passed: " + launcher + " showed the main window "
                    + mark.substring("PARLEY-MARK window".length()).trim() + " ms after it started.");
        } catch (java.util.concurrent.TimeoutException e) {
            fail(launcher + " showed no main window within " + TIMEOUT_SECONDS + " s");
        } finally {
            app.descendants().forEach(ProcessHandle::destroyForcibly);
            app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            if (xvfb != null) {
                xvfb.destroy();
                xvfb.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static String firstLine(InputStream in) {
        return lineStartingWith(in, "");
    }

    /** The first line that starts with {@code prefix}, or null when the stream ends first. */
    private static String lineStartingWith(InputStream in, String prefix) {
        try {
            java.io.BufferedReader reader = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** Where jpackage puts the launcher of an image named Parley on each OS. */
    private static Path launcher(Path imageDir) {
        String os = System.getProperty("os.name").toLowerCase();
        if (os.startsWith("windows")) {
            return imageDir.resolve("Parley/Parley.exe");
        }
        if (os.startsWith("mac")) {
            return imageDir.resolve("Parley.app/Contents/MacOS/Parley");
        }
        return imageDir.resolve("Parley/bin/Parley");
    }

    private static String readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(output unreadable: " + e + ")";
        }
    }

    private static void fail(String message) {
        System.err.println("Launcher check FAILED: " + message);
        System.exit(1);
    }
}
