package dev.parley.app.settings;

import java.util.Locale;
import java.util.Arrays;
import dev.parley.app.signaling.protocol.Check;
import dev.parley.ui.port.CallDirection;
import dev.parley.ui.port.CallHistoryEntry;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call history in {@code call-history.json} in the data directory: the last
 * {@value #MAX_CALLS} calls, oldest first in the file, newest first from {@link #list()}.
 *
 * <pre>
 * { "version": 1, "calls": [ { "peer": "Bob", "direction": "incoming" | "outgoing" | "missed",
 *                              "start": "2026-11-27T03:40:00Z", "durationMs": 61000 }, … ] }
 * </pre>
 *
 * The file is read once, on first use; each {@link #append} rewrites it atomically. Methods are
 * synchronised, so the call controller and the UI may use one store from several threads; two
 * processes must not share a data directory (the second one's appends would replace the first's).
 * An entry that cannot be read is skipped with a log line, the others kept.
 */
public final class CallHistoryStore {
    private static final Logger LOG = LoggerFactory.getLogger(CallHistoryStore.class);
    public static final String FILE_NAME = "call-history.json";
    public static final int MAX_CALLS = 500;
    static final int VERSION = 1;

    private final VersionedFile file;
    /** Oldest first, at most MAX_CALLS; null until first read. */
    private List<CallHistoryEntry> calls;

    public CallHistoryStore(Path file, Clock clock) {
        this.file = new VersionedFile(new JsonFile(Objects.requireNonNull(file, "file"), clock), VERSION);
    }

    /** The store in {@code directories.data()}. */
    public static CallHistoryStore in(AppDirectories directories, Clock clock) {
        return new CallHistoryStore(directories.data().resolve(FILE_NAME), clock);
    }

    public Path path() {
        return file.path();
    }

    /** The calls, newest first (by start time), at most {@value #MAX_CALLS}. */
    public synchronized List<CallHistoryEntry> list() {
        List<CallHistoryEntry> out = new ArrayList<>(calls());
        out.sort(Comparator.comparing(CallHistoryEntry::start).reversed());
        return List.copyOf(out);
    }

    /**
     * Adds a call and saves; beyond {@value #MAX_CALLS} the earliest-started calls are dropped.
     *
     * @throws IOException if the file could not be written; the call stays in {@link #list()}
     *     and is written with the next append
     */
    public synchronized void append(CallHistoryEntry call) throws IOException {
        Objects.requireNonNull(call, "call");
        List<CallHistoryEntry> all = calls();
        all.add(call);
        if (all.size() > MAX_CALLS) {
            all.sort(Comparator.comparing(CallHistoryEntry::start));
            all.subList(0, all.size() - MAX_CALLS).clear();
        }
        JsonArray array = new JsonArray();
        for (CallHistoryEntry c : all) {
            array.add(write(c));
        }
        JsonObject root = new JsonObject();
        root.add("calls", array);
        file.write(root);
    }

    private List<CallHistoryEntry> calls() {
        if (calls == null) {
            calls = read();
        }
        return calls;
    }

    private List<CallHistoryEntry> read() {
        List<CallHistoryEntry> out = new ArrayList<>();
        JsonObject root = file.read().orElse(null);
        if (root == null) {
            return out;
        }
        String where = file.path().getFileName().toString();
        JsonArray array = new LenientFields(root, where).get("calls", new JsonArray(), e -> {
            if (!e.isJsonArray()) {
                throw new IllegalArgumentException("not an array");
            }
            return e.getAsJsonArray();
        });
        int skipped = 0;
        for (int i = 0; i < array.size(); i++) {
            try {
                out.add(read(array.get(i)));
            } catch (RuntimeException e) {
                skipped++;
                LOG.warn("{}: skipping calls[{}] ({})", where, i, e.getMessage());
            }
        }
        if (out.size() > MAX_CALLS) {
            out.sort(Comparator.comparing(CallHistoryEntry::start));
            out.subList(0, out.size() - MAX_CALLS).clear();
        }
        if (skipped > 0) {
            LOG.warn("{}: kept {} calls, skipped {} unreadable ones", where, out.size(), skipped);
        }
        return out;
    }

    private static JsonObject write(CallHistoryEntry c) {
        JsonObject o = new JsonObject();
        o.addProperty("peer", c.peer());
        o.addProperty("direction", c.direction().name().toLowerCase(Locale.ROOT));
        o.addProperty("start", c.start().toString());
        o.addProperty("durationMs", c.duration().toMillis());
        return o;
    }

    /** One entry, strictly: a call with any bad field is skipped as a whole (a half-known call would mislead). */
    private static CallHistoryEntry read(JsonElement e) {
        JsonObject o = LenientFields.object(e);
        String peer = LenientFields.string(required(o, "peer"));
        String directionName = LenientFields.string(required(o, "direction"));
        Check.name("peer", peer);
        CallDirection direction = Arrays.stream(CallDirection.values())
                .filter(d -> d.name().toLowerCase(Locale.ROOT).equals(directionName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown direction \"" + directionName + "\""));
        Instant start = Instant.parse(LenientFields.string(required(o, "start")));
        double ms = LenientFields.number(required(o, "durationMs"));
        if (ms != Math.rint(ms) || ms < 0 || ms > Long.MAX_VALUE / 2) {
            throw new IllegalArgumentException("durationMs must be a whole number of milliseconds ≥ 0, not " + ms);
        }
        return new CallHistoryEntry(peer, direction, start, Duration.ofMillis((long) ms));
    }

    private static JsonElement required(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("no " + name);
        }
        return e;
    }
}
