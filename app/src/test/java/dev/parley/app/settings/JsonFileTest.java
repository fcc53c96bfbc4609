package dev.parley.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFileTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T03:40:05Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void roundTrip_andMissingFileIsEmpty() throws Exception {
        JsonFile file = new JsonFile(dir.resolve("sub").resolve("x.json"), CLOCK);
        assertEquals(Optional.empty(), file.read());
        JsonObject o = new JsonObject();
        o.addProperty("name", "Ada <&> ✓");
        file.write(o);
        assertEquals(Optional.of(o), file.read());
        assertTrue(Files.readString(file.path()).contains("Ada <&> ✓"), "written as is, not HTML-escaped");
    }

    @Test
    void eachKindOfDamage_isMovedAsideWithATimestamp_andReadsAsEmpty() throws Exception {
        byte[][] damaged = {
            "{\"name\": \"Ada\"".getBytes(), // cut short
            "[1, 2]".getBytes(), // not an object
            "".getBytes(), // empty
            {(byte) 0xC3, (byte) 0x28}, // not UTF-8
        };
        for (byte[] content : damaged) {
            Path path = dir.resolve("x.json");
            Files.write(path, content);
            JsonFile file = new JsonFile(path, CLOCK);
            assertEquals(Optional.empty(), file.read());
            assertFalse(Files.exists(path), "moved away");
            Path aside = dir.resolve("x.json.bad-20261127T034005Z");
            assertTrue(Files.exists(aside), "kept as " + aside);
            org.junit.jupiter.api.Assertions.assertArrayEquals(content, Files.readAllBytes(aside), "kept unchanged");
            Files.delete(aside);
        }
    }

    @Test
    void twoBadFilesInOneSecond_bothKept() throws Exception {
        Path path = dir.resolve("x.json");
        JsonFile file = new JsonFile(path, CLOCK);
        Files.writeString(path, "{");
        file.read();
        Files.writeString(path, "}");
        file.read();
        assertEquals("{", Files.readString(dir.resolve("x.json.bad-20261127T034005Z")));
        assertEquals("}", Files.readString(dir.resolve("x.json.bad-20261127T034005Z-2")));
    }
}
