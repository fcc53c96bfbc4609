package dev.parley.app.settings;

import java.util.Locale;
import dev.parley.ui.Theme;
import dev.parley.ui.port.ServerChoice;
import com.google.gson.JsonObject;
import java.net.URI;
import java.util.Optional;

/**
 * {@link Settings} to and from the settings file's object (schema version 1):
 * <pre>
 * { "version": 1, "displayName": "Ada",
 *   "server": { "kind": "embedded" }            or { "kind": "url", "url": "wss://…" },
 *   "devices": { "camera": "…", "microphone": "…", "speaker": "…" },   (each may be absent: the default)
 *   "theme": "light" | "dark",
 *   "window": { "x": 10, "y": 20, "width": 900, "height": 600 },      (absent: not remembered)
 *   "trustedServer": { "url": "wss://…", "sha256": "AB:01:…" } }     (absent: none; older files lack it)
 * </pre>
 * Reading is lenient ({@link LenientFields}): each missing or refused field takes its default.
 */
final class SettingsJson {
    static final int VERSION = 1;

    private SettingsJson() {}

    static JsonObject write(Settings s) {
        JsonObject out = new JsonObject();
        out.addProperty("displayName", s.displayName());
        JsonObject server = new JsonObject();
        server.addProperty("kind", s.server().isEmbedded() ? "embedded" : "url");
        s.server().url().ifPresent(u -> server.addProperty("url", u.toString()));
        out.add("server", server);
        JsonObject devices = new JsonObject();
        s.cameraId().ifPresent(id -> devices.addProperty("camera", id));
        s.microphoneId().ifPresent(id -> devices.addProperty("microphone", id));
        s.speakerId().ifPresent(id -> devices.addProperty("speaker", id));
        out.add("devices", devices);
        out.addProperty("theme", s.theme().name().toLowerCase(Locale.ROOT));
        s.window().ifPresent(w -> {
            JsonObject window = new JsonObject();
            window.addProperty("x", w.x());
            window.addProperty("y", w.y());
            window.addProperty("width", w.width());
            window.addProperty("height", w.height());
            out.add("window", window);
        });
        s.trustedServer().ifPresent(t -> {
            JsonObject trusted = new JsonObject();
            trusted.addProperty("url", t.server().toString());
            trusted.addProperty("sha256", t.sha256());
            out.add("trustedServer", trusted);
        });
        return out;
    }

    static Settings read(JsonObject root, String fileName) {
        Settings d = Settings.defaults();
        LenientFields f = new LenientFields(root, fileName);
        String name = f.get("displayName", d.displayName(),
                e -> d.withDisplayName(LenientFields.string(e).strip()).displayName());
        ServerChoice server = f.get("server", d.server(), e -> server(LenientFields.object(e)));
        JsonObject devicesObject = f.get("devices", new JsonObject(), LenientFields::object);
        LenientFields devices = new LenientFields(devicesObject, fileName + " devices");
        Optional<String> camera = devices.get("camera", d.cameraId(), e -> deviceId(d, LenientFields.string(e)));
        Optional<String> microphone = devices.get("microphone", d.microphoneId(), e -> deviceId(d, LenientFields.string(e)));
        Optional<String> speaker = devices.get("speaker", d.speakerId(), e -> deviceId(d, LenientFields.string(e)));
        Theme theme = f.get("theme", d.theme(), e -> theme(LenientFields.string(e)));
        Optional<WindowBounds> window = f.get("window", d.window(), e -> Optional.of(window(LenientFields.object(e))));
        Optional<TrustedServer> trusted = f.get("trustedServer", d.trustedServer(),
                e -> Optional.of(trustedServer(LenientFields.object(e))));
        return new Settings(name, server, camera, microphone, speaker, theme, window, trusted);
    }

    private static ServerChoice server(JsonObject o) {
        if (o.get("kind") == null) {
            throw new IllegalArgumentException("no kind");
        }
        String kind = LenientFields.string(o.get("kind"));
        switch (kind) {
            case "embedded":
                return ServerChoice.embedded();
            case "url":
                if (o.get("url") == null) {
                    throw new IllegalArgumentException("kind \"url\" without a url");
                }
                return ServerChoice.remote(URI.create(LenientFields.string(o.get("url"))));
            default:
                throw new IllegalArgumentException("kind must be \"embedded\" or \"url\", not \"" + kind + "\"");
        }
    }

    private static TrustedServer trustedServer(JsonObject o) {
        if (o.get("url") == null || o.get("sha256") == null) {
            throw new IllegalArgumentException("needs a url and a sha256");
        }
        return new TrustedServer(URI.create(LenientFields.string(o.get("url"))), LenientFields.string(o.get("sha256")));
    }

    private static Theme theme(String name) {
        for (Theme t : Theme.values()) {
            if (t.name().toLowerCase(Locale.ROOT).equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("\"light\" or \"dark\"");
    }

    /** Checked by the record's own rule. */
    private static Optional<String> deviceId(Settings defaults, String id) {
        return defaults.withDevices(Optional.of(id), Optional.empty(), Optional.empty()).cameraId();
    }

    private static WindowBounds window(JsonObject o) {
        return new WindowBounds(coordinate(o, "x"), coordinate(o, "y"), coordinate(o, "width"), coordinate(o, "height"));
    }

    private static double coordinate(JsonObject o, String name) {
        if (o.get(name) == null) {
            throw new IllegalArgumentException("no " + name);
        }
        return LenientFields.number(o.get(name));
    }
}
