package dev.parley.app.settings;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.parley.app.files.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON object kept in one file: read leniently, written atomically. A file that is not a
 * JSON object (cut short by a crash of another program, edited by hand, not UTF-8) is moved
 * aside as {@code <name>.bad-<UTC time>} — kept for the user to look at, never silently
 * overwritten — and the caller falls back to its defaults.
 *
 * <p>Not synchronised: its stores serialise their own calls.
 */
public final class JsonFile {
    private static final Logger LOG = LoggerFactory.getLogger(JsonFile.class);
    private static final DateTimeFormatter ASIDE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path file;
    private final Clock clock;
    private final Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** @param clock stamps the names of files moved aside */
    public JsonFile(Path file, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Path path() {
        return file;
    }

    /**
     * The file's object; empty if there is no file, if it could not be read (logged), or if it
     * was not a JSON object (moved aside, logged).
     */
    public Optional<JsonObject> read() {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (CharacterCodingException e) {
            moveAside("it is not UTF-8 text");
            return Optional.empty();
        } catch (IOException e) {
            // Left in place: it may be fine and only unreadable now (permissions, a locked file).
            LOG.warn("Could not read {} ({}); using defaults", file, e.toString());
            return Optional.empty();
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            moveAside("it is not valid JSON: " + e.getMessage());
            return Optional.empty();
        }
        if (!root.isJsonObject()) {
            moveAside("it holds " + (root.isJsonNull() ? "nothing" : "a JSON " + kind(root)) + ", not a JSON object");
            return Optional.empty();
        }
        return Optional.of(root.getAsJsonObject());
    }

    /** Replaces the file with {@code object}, pretty-printed, all at once ({@link AtomicFiles}). */
    public void write(JsonObject object) throws IOException {
        AtomicFiles.writeString(file, gson.toJson(object) + "\n");
    }

    /**
     * Copies the file next to itself as {@code <name>.<tag>-<UTC time>} and returns the copy; the
     * original stays. For a file this version will rewrite but should not lose (a newer schema).
     */
    public Path copyAside(String tag) throws IOException {
        Path copy = asideName(tag);
        Files.copy(file, copy);
        return copy;
    }

    private void moveAside(String why) {
        try {
            Path aside = asideName("bad");
            Files.move(file, aside);
            LOG.warn("{} could not be used because {}; moved it to {} and using defaults", file, why, aside);
        } catch (IOException e) {
            LOG.warn("{} could not be used because {}, nor moved aside ({}); using defaults", file, why, e.toString());
        }
    }

    /** {@code <name>.<tag>-<time>}, with a counter if that name exists (two in the same second). */
    private Path asideName(String tag) {
        String base = file.getFileName() + "." + tag + "-" + ASIDE_TIME.format(clock.instant());
        Path candidate = file.resolveSibling(base);
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = file.resolveSibling(base + "-" + i);
        }
        return candidate;
    }

    private static String kind(JsonElement e) {
        return e.isJsonArray() ? "array" : "value";
    }
}
