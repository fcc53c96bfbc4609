package dev.parley.app.settings;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link JsonFile} whose object carries {@code "version": N}, the schema it was written in.
 *
 * <ul>
 *   <li>no version, or not a positive integer: read as the current schema (a hand-edited file), logged;</li>
 *   <li>a newer version (a later Parley wrote it, then an older one ran): what this version knows
 *       is read, and the file is first copied aside as {@code <name>.v<N>-<time>}, since the next
 *       save writes the current schema and would drop what only the newer version understands.</li>
 * </ul>
 * Older versions are read as they are: version 1 is the first, so there is nothing to migrate yet.
 */
final class VersionedFile {
    private static final Logger LOG = LoggerFactory.getLogger(VersionedFile.class);
    static final String VERSION = "version";

    private final JsonFile file;
    private final int currentVersion;

    VersionedFile(JsonFile file, int currentVersion) {
        this.file = file;
        this.currentVersion = currentVersion;
    }

    Path path() {
        return file.path();
    }

    /** The file's object (see the class comment), or empty when there is none usable. */
    Optional<JsonObject> read() {
        Optional<JsonObject> read = file.read();
        if (read.isEmpty()) {
            return read;
        }
        JsonObject root = read.get();
        JsonElement version = root.get(VERSION);
        Optional<Integer> parsed = parseVersion(version);
        if (parsed.isEmpty()) {
            LOG.warn("{} has no valid \"version\" ({}); reading it as version {}", file.path(), version, currentVersion);
        } else if (parsed.get() > currentVersion) {
            try {
                Path copy = file.copyAside("v" + parsed.get());
                LOG.warn("{} was written by a newer Parley (version {}, this one writes {}); kept a copy as {}"
                        + " and reading what this version knows", file.path(), parsed.get(), currentVersion, copy);
            } catch (IOException e) {
                LOG.warn("{} was written by a newer Parley (version {}) and could not be copied aside ({});"
                        + " reading what this version knows", file.path(), parsed.get(), e.toString());
            }
        }
        return Optional.of(root);
    }

    /** Writes {@code content} with the current version first. */
    void write(JsonObject content) throws IOException {
        JsonObject out = new JsonObject();
        out.addProperty(VERSION, currentVersion);
        for (var member : content.entrySet()) {
            if (!member.getKey().equals(VERSION)) {
                out.add(member.getKey(), member.getValue());
            }
        }
        file.write(out);
    }

    private static Optional<Integer> parseVersion(JsonElement version) {
        if (version == null || !version.isJsonPrimitive() || !((JsonPrimitive) version).isNumber()) {
            return Optional.empty();
        }
        double v = version.getAsDouble();
        if (v < 1 || v != Math.rint(v) || v > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        return Optional.of((int) v);
    }
}
