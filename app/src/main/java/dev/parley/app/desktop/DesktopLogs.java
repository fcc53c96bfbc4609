package dev.parley.app.desktop;

import dev.parley.app.settings.AppDirectories;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Sends the desktop app's log to {@value #FILE_NAME} in the platform's log folder (or the one under
 * {@code --settings-dir}), keeping the previous run's once it passes {@value #ROTATE_BYTES} bytes as
 * {@code parley.log.1}. It sets slf4j-simple's {@code logFile} property, so it must run before the
 * first logger is made; it logs nothing itself for the same reason.
 */
public final class DesktopLogs {
    static final String FILE_NAME = "parley.log";
    static final long ROTATE_BYTES = 5L * 1024 * 1024;
    static final String SIMPLE_LOGGER_FILE = "org.slf4j.simpleLogger.logFile";

    private DesktopLogs() {}

    /**
     * The app as a user starts it: its log in the log folder, then {@link DesktopApp#run}. Here and
     * not in DesktopApp, whose logger would be made (and the log's destination fixed) as that class loads.
     */
    public static void launch(DesktopOptions options) throws InterruptedException {
        redirect(options, System.err);
        DesktopApp.run(options);
    }

    /** Points the log at the app's log folder, unless the launch already chose a log file; returns the file used. */
    static Path redirect(DesktopOptions options, PrintStream console) {
        String chosen = System.getProperty(SIMPLE_LOGGER_FILE);
        if (chosen != null) {
            return Path.of(chosen);
        }
        Path folder = options.settingsDir().map(dir -> dir.resolve("logs")).orElseGet(() -> AppDirectories.forCurrentUser().logs());
        Path file = folder.resolve(FILE_NAME);
        try {
            Files.createDirectories(folder);
            if (Files.isRegularFile(file) && Files.size(file) > ROTATE_BYTES) {
                Files.move(file, folder.resolve(FILE_NAME + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            console.println("Parley: cannot write logs to " + folder + " (" + e.getMessage() + "); logging to the console");
            return Path.of("System.err");
        }
        System.setProperty(SIMPLE_LOGGER_FILE, file.toString());
        console.println("Parley logs to " + file);
        return file;
    }
}
