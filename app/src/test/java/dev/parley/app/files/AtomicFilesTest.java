package dev.parley.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private long filesIn(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.count();
        }
    }

    @Test
    void writesIntoNewDirectories_andReplacesTheOldContent_leavingNoTemporaryFile() throws Exception {
        Path file = dir.resolve("a").resolve("b").resolve("x.json");
        AtomicFiles.writeString(file, "first, longer content");
        AtomicFiles.writeString(file, "second ✓");
        assertEquals("second ✓", Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(1, filesIn(file.getParent()), "only the file itself remains");
    }

    @Test
    void aFailedWrite_leavesTheOldFileAsItWas() throws Exception {
        Path file = dir.resolve("x.json");
        AtomicFiles.writeString(file, "old");
        // A directory where the file should go cannot be replaced by a move: the write fails.
        Path blocked = dir.resolve("blocked");
        Files.createDirectories(blocked.resolve("child"));
        assertThrows(IOException.class, () -> AtomicFiles.writeString(blocked, "new"));
        assertEquals("old", Files.readString(file));
        assertEquals(2, filesIn(dir), "x.json and the directory; no temporary file left");
    }
}
