import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Checks that a jpackage app image's launcher starts the app: runs {@code <launcher> --help}, which
 * must exit 0 within a minute and print picocli's usage. Run by the package profile as a source
 * file ({@code java CheckLauncher.java <image dir>}), so it needs no compile step and no test
 * classes.
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
