package dev.parley.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop app's log goes to the log folder and the previous big one is kept aside. */
class DesktopLogsTest {
    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty(DesktopLogs.SIMPLE_LOGGER_FILE);
    }

    private DesktopOptions withSettingsDir() {
        DesktopOptions d = DesktopOptions.defaults();
        return new DesktopOptions(d.testCall(), d.cameraSize(), d.syntheticDevices(), d.cameraFile(), Optional.of(dir),
                d.name(), d.server(), d.bindHost(), d.port());
    }

    @Test
    void theLogGoesToTheLogFolder_andTheConsoleSaysWhere() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        Path file = DesktopLogs.redirect(withSettingsDir(), new PrintStream(console, true, StandardCharsets.UTF_8));
        assertEquals(dir.resolve("logs").resolve(DesktopLogs.FILE_NAME), file);
        assertEquals(file.toString(), System.getProperty(DesktopLogs.SIMPLE_LOGGER_FILE));
        assertTrue(console.toString(StandardCharsets.UTF_8).contains(file.toString()));
    }

    @Test
    void aBigLogFromBeforeIsKeptAsTheSecond() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.write(logs.resolve(DesktopLogs.FILE_NAME), new byte[(int) DesktopLogs.ROTATE_BYTES + 1]);
        DesktopLogs.redirect(withSettingsDir(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertTrue(Files.isRegularFile(logs.resolve(DesktopLogs.FILE_NAME + ".1")));
        assertTrue(Files.notExists(logs.resolve(DesktopLogs.FILE_NAME)));
    }

    @Test
    void aLogFileChosenAtLaunchIsKept() {
        System.setProperty(DesktopLogs.SIMPLE_LOGGER_FILE, "System.out");
        assertEquals(Path.of("System.out"), DesktopLogs.redirect(withSettingsDir(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }
}
