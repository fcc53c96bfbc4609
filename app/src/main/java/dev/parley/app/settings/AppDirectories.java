package dev.parley.app.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where Parley keeps its files, as each platform expects:
 *
 * <pre>
 *             config (settings)                  data (call history)           logs
 *  Linux      $XDG_CONFIG_HOME/parley            $XDG_DATA_HOME/parley         $XDG_STATE_HOME/parley/logs
 *             (~/.config/parley)                 (~/.local/share/parley)       (~/.local/state/parley/logs)
 *  Windows    %APPDATA%\Parley                   %LOCALAPPDATA%\Parley         %LOCALAPPDATA%\Parley\Logs
 *  macOS      ~/Library/Application Support/Parley  (both)                     ~/Library/Logs/Parley
 * </pre>
 *
 * Nothing is created here; writers create the directory they write to. The environment, the
 * home directory and the OS are parameters, so tests can build any platform's answer.
 */
public record AppDirectories(Path config, Path data, Path logs) {
    /** The operating systems with their own conventions; anything else is treated like Linux (XDG). */
    public enum Os {
        LINUX,
        WINDOWS,
        MAC;

        /** From {@code os.name}: "Windows 11", "Mac OS X", "Linux", "FreeBSD"… */
        public static Os fromName(String osName) {
            String name = osName.toLowerCase(Locale.ROOT);
            if (name.startsWith("windows")) {
                return WINDOWS;
            }
            if (name.startsWith("mac") || name.startsWith("darwin")) {
                return MAC;
            }
            return LINUX;
        }
    }

    public AppDirectories {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(logs, "logs");
    }

    /** The directories of this machine's user, from the running JVM's OS, environment and home. */
    public static AppDirectories forCurrentUser() {
        return of(Os.fromName(System.getProperty("os.name", "")), System.getenv(),
                Path.of(System.getProperty("user.home")));
    }

    /** The directories for {@code os}, given its environment variables and the user's home directory. */
    public static AppDirectories of(Os os, Map<String, String> env, Path home) {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(home, "home");
        switch (os) {
            case WINDOWS: {
                Path roaming = windowsDir(env, "APPDATA", home.resolve("AppData").resolve("Roaming"));
                Path local = windowsDir(env, "LOCALAPPDATA", home.resolve("AppData").resolve("Local"));
                return new AppDirectories(roaming.resolve("Parley"), local.resolve("Parley"),
                        local.resolve("Parley").resolve("Logs"));
            }
            case MAC: {
                Path library = home.resolve("Library");
                Path support = library.resolve("Application Support").resolve("Parley");
                return new AppDirectories(support, support, library.resolve("Logs").resolve("Parley"));
            }
            default:
                return new AppDirectories(
                        xdgDir(env, "XDG_CONFIG_HOME", home.resolve(".config")).resolve("parley"),
                        xdgDir(env, "XDG_DATA_HOME", home.resolve(".local").resolve("share")).resolve("parley"),
                        xdgDir(env, "XDG_STATE_HOME", home.resolve(".local").resolve("state"))
                                .resolve("parley").resolve("logs"));
        }
    }

    /** XDG Base Directory: an unset, empty or relative value is ignored and the default used. */
    private static Path xdgDir(Map<String, String> env, String variable, Path fallback) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Path path = Path.of(value);
        return path.isAbsolute() ? path : fallback;
    }

    /**
     * Windows' known folders, as the environment names them. Not checked for being absolute:
     * a Windows path is not absolute to the file system a test runs this on.
     */
    private static Path windowsDir(Map<String, String> env, String variable, Path fallback) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }
}
