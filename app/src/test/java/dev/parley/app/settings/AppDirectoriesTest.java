package dev.parley.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.app.settings.AppDirectories.Os;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDirectoriesTest {
    private static final Path HOME = Path.of("/home/ada");

    @Test
    void linux_withoutXdgVariables_usesTheXdgDefaults() {
        AppDirectories d = AppDirectories.of(Os.LINUX, Map.of(), HOME);
        assertEquals(Path.of("/home/ada/.config/parley"), d.config());
        assertEquals(Path.of("/home/ada/.local/share/parley"), d.data());
        assertEquals(Path.of("/home/ada/.local/state/parley/logs"), d.logs());
    }

    @Test
    void linux_followsXdgVariables_butIgnoresRelativeOrEmptyOnes() {
        AppDirectories d = AppDirectories.of(Os.LINUX,
                Map.of("XDG_CONFIG_HOME", "/cfg", "XDG_DATA_HOME", "/data", "XDG_STATE_HOME", "/state"), HOME);
        assertEquals(new AppDirectories(Path.of("/cfg/parley"), Path.of("/data/parley"), Path.of("/state/parley/logs")), d);

        AppDirectories ignored = AppDirectories.of(Os.LINUX,
                Map.of("XDG_CONFIG_HOME", "relative/cfg", "XDG_DATA_HOME", "", "XDG_STATE_HOME", "  "), HOME);
        assertEquals(AppDirectories.of(Os.LINUX, Map.of(), HOME), ignored, "the XDG spec: relative paths are invalid");
    }

    @Test
    void windows_usesAppDataForSettings_andLocalAppDataForDataAndLogs() {
        String roaming = "C:\\Users\\ada\\AppData\\Roaming";
        String local = "C:\\Users\\ada\\AppData\\Local";
        AppDirectories d = AppDirectories.of(Os.WINDOWS, Map.of("APPDATA", roaming, "LOCALAPPDATA", local), HOME);
        assertEquals(Path.of(roaming).resolve("Parley"), d.config());
        assertEquals(Path.of(local).resolve("Parley"), d.data());
        assertEquals(Path.of(local).resolve("Parley").resolve("Logs"), d.logs());

        AppDirectories fallback = AppDirectories.of(Os.WINDOWS, Map.of(), HOME);
        assertEquals(HOME.resolve("AppData").resolve("Roaming").resolve("Parley"), fallback.config());
        assertEquals(HOME.resolve("AppData").resolve("Local").resolve("Parley"), fallback.data());
    }

    @Test
    void mac_usesApplicationSupport_andLibraryLogs() {
        AppDirectories d = AppDirectories.of(Os.MAC, Map.of("XDG_CONFIG_HOME", "/cfg"), HOME);
        assertEquals(Path.of("/home/ada/Library/Application Support/Parley"), d.config());
        assertEquals(d.config(), d.data());
        assertEquals(Path.of("/home/ada/Library/Logs/Parley"), d.logs());
    }

    @Test
    void osNames_mapToTheirConventions() {
        assertEquals(Os.WINDOWS, Os.fromName("Windows 11"));
        assertEquals(Os.MAC, Os.fromName("Mac OS X"));
        assertEquals(Os.LINUX, Os.fromName("Linux"));
        assertEquals(Os.LINUX, Os.fromName("FreeBSD"), "other Unixes follow XDG");
    }
}
