package dev.parley.app.settings;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * The user's {@link Settings} in {@code settings.json} in the config directory. Loading never
 * fails: no file, an unreadable one or one with bad fields gives defaults where needed (see
 * {@link JsonFile}, {@link VersionedFile}, {@link SettingsJson}). Saving replaces the file
 * atomically. Calls are serialised; one app instance owns one config directory.
 */
public final class SettingsStore {
    public static final String FILE_NAME = "settings.json";

    private final VersionedFile file;

    public SettingsStore(Path file, Clock clock) {
        this.file = new VersionedFile(new JsonFile(Objects.requireNonNull(file, "file"), clock), SettingsJson.VERSION);
    }

    /** The store in {@code directories.config()}. */
    public static SettingsStore in(AppDirectories directories, Clock clock) {
        return new SettingsStore(directories.config().resolve(FILE_NAME), clock);
    }

    public Path path() {
        return file.path();
    }

    /** The saved settings, or {@link Settings#defaults()} where nothing usable was saved. */
    public synchronized Settings load() {
        return file.read().map(root -> SettingsJson.read(root, file.path().getFileName().toString()))
                .orElseGet(Settings::defaults);
    }

    /** @throws IOException if the file could not be written; the previous one is then unchanged */
    public synchronized void save(Settings settings) throws IOException {
        file.write(SettingsJson.write(Objects.requireNonNull(settings, "settings")));
    }
}
