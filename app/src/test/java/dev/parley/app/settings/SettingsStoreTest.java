package dev.parley.app.settings;

import dev.parley.ui.Theme;
import dev.parley.ui.port.ServerChoice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T03:40:05Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private SettingsStore store() {
        return new SettingsStore(dir.resolve("settings.json"), CLOCK);
    }

    private static Settings everythingSet() {
        return Settings.defaults().withDisplayName("Ada Lovelace")
                .withServer(ServerChoice.remote(URI.create("wss://signal.example:8443/signal")))
                .withDevices(Optional.of("/dev/video0"), Optional.of("alsa:hw:1,0"), Optional.of("Speakers (Realtek)"))
                .withTheme(Theme.DARK)
                .withWindow(Optional.of(new WindowBounds(-1280, 40.5, 960, 640)))
                .withTrustedServer(Optional.of(new TrustedServer(URI.create("wss://signal.example:8443/signal"), PIN)));
    }

    private static final String PIN = "AB:".repeat(31) + "CD";

    @Test
    void roundTrip_everyField() throws Exception {
        store().save(everythingSet());
        assertEquals(everythingSet(), store().load());
        JsonObject written = JsonParser.parseString(Files.readString(dir.resolve("settings.json"))).getAsJsonObject();
        assertEquals(1, written.get("version").getAsInt());
    }

    @Test
    void roundTrip_defaults() throws Exception {
        store().save(Settings.defaults());
        assertEquals(Settings.defaults(), store().load());
    }

    @Test
    void missingFile_givesDefaults_aFirstRun() {
        Settings s = store().load();
        assertEquals(Settings.defaults(), s);
        assertFalse(s.hasDisplayName());
        assertTrue(s.server().isEmbedded());
    }

    @Test
    void inAppDirectories_livesInTheConfigDirectory() throws Exception {
        AppDirectories dirs = AppDirectories.of(AppDirectories.Os.LINUX, Map.of("XDG_CONFIG_HOME", dir.toString()), dir);
        SettingsStore store = SettingsStore.in(dirs, CLOCK);
        store.save(everythingSet());
        assertTrue(Files.exists(dir.resolve("parley").resolve("settings.json")));
    }

    @Test
    void corruptFile_givesDefaults_andIsKeptAside() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"version\": 1, \"displayName\": \"Ada\"");
        assertEquals(Settings.defaults(), store().load());
        assertEquals("{\"version\": 1, \"displayName\": \"Ada\"",
                Files.readString(dir.resolve("settings.json.bad-20261127T034005Z")));
        store().save(everythingSet());
        assertEquals(everythingSet(), store().load(), "and the next save starts a good file");
    }

    @Test
    void missingFields_takeTheirDefaults_theOthersAreKept() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"version\": 1, \"displayName\": \"Ada\", \"theme\": \"dark\"}");
        assertEquals(Settings.defaults().withDisplayName("Ada").withTheme(Theme.DARK), store().load());
    }

    @Test
    void badValues_takeTheirDefaults_oneByOne() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"version\": 1,"
                + " \"displayName\": \"  Ada  \"," // blanks around: trimmed
                + " \"server\": {\"kind\": \"url\", \"url\": \"http://not-a-websocket\"},"
                + " \"devices\": {\"camera\": 42, \"microphone\": \"mic-1\", \"speaker\": \"\"},"
                + " \"theme\": \"purple\","
                + " \"window\": {\"x\": 0, \"y\": 0, \"width\": 10, \"height\": 600},"
                + " \"somethingNew\": true}");
        Settings s = store().load();
        assertEquals("Ada", s.displayName());
        assertTrue(s.server().isEmbedded(), "a non-WebSocket URL is refused");
        assertEquals(Optional.empty(), s.cameraId(), "a number is not a device id");
        assertEquals(Optional.of("mic-1"), s.microphoneId());
        assertEquals(Optional.empty(), s.speakerId(), "an empty id is not a device");
        assertEquals(Theme.LIGHT, s.theme());
        assertEquals(Optional.empty(), s.window(), "a 10 px wide window is not restored");
    }

    @Test
    void wrongTypesEverywhere_stillLoad() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"version\": \"one\", \"displayName\": [\"Ada\"],"
                + " \"server\": \"embedded\", \"devices\": 3, \"theme\": null, \"window\": {\"x\": \"left\"}}");
        assertEquals(Settings.defaults(), store().load());
    }

    @Test
    void aFutureVersion_isReadAsFarAsKnown_andTheFileIsCopiedAsideBeforeItIsRewritten() throws Exception {
        String future = "{\"version\": 7, \"displayName\": \"Ada\", \"theme\": \"dark\", \"avatar\": \"ada.png\"}";
        Files.writeString(dir.resolve("settings.json"), future);
        Settings s = store().load();
        assertEquals(Settings.defaults().withDisplayName("Ada").withTheme(Theme.DARK), s);
        assertEquals(future, Files.readString(dir.resolve("settings.json.v7-20261127T034005Z")));

        store().save(s.withTheme(Theme.LIGHT));
        JsonObject written = JsonParser.parseString(Files.readString(dir.resolve("settings.json"))).getAsJsonObject();
        assertEquals(1, written.get("version").getAsInt(), "this version writes its own schema");
        assertEquals(future, Files.readString(dir.resolve("settings.json.v7-20261127T034005Z")), "the copy stays");
    }

    @Test
    void invalidSettings_cannotBeMade() {
        assertThrows(IllegalArgumentException.class, () -> Settings.defaults().withDisplayName(" Ada"));
        assertThrows(IllegalArgumentException.class, () -> Settings.defaults().withDisplayName("x".repeat(65)));
        assertThrows(IllegalArgumentException.class, () -> ServerChoice.remote(URI.create("https://example.org")));
        assertThrows(IllegalArgumentException.class, () -> new WindowBounds(0, 0, Double.NaN, 600));
        assertThrows(IllegalArgumentException.class,
                () -> Settings.defaults().withDevices(Optional.of("a\nb"), Optional.empty(), Optional.empty()));
    }

    @Test
    void aTrustedCertificate_countsOnlyForItsOwnServer() {
        Settings s = everythingSet();
        assertEquals(Optional.of(PIN), s.trustedFingerprint(URI.create("wss://signal.example:8443/signal")));
        assertEquals(Optional.empty(), s.trustedFingerprint(URI.create("wss://other.example:8443/signal")));
        assertEquals(PIN, new TrustedServer(URI.create("wss://a.example/"), PIN.toLowerCase()).sha256(), "kept upper-case");
        assertThrows(IllegalArgumentException.class, () -> new TrustedServer(URI.create("ws://a.example/"), PIN));
        assertThrows(IllegalArgumentException.class, () -> new TrustedServer(URI.create("wss://a.example/"), "AB:CD"));
    }

    @Test
    void aDamagedTrustedCertificate_isDropped_theRestLoads() throws Exception {
        Files.writeString(dir.resolve("settings.json"), "{\"version\": 1, \"displayName\": \"Ada\","
                + " \"trustedServer\": {\"url\": \"wss://a.example/\", \"sha256\": \"not a fingerprint\"}}");
        assertEquals(Settings.defaults().withDisplayName("Ada"), store().load());
    }
}
