package dev.parley.app.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file's content all at once: a reader (another process, or the app after a crash)
 * sees the old file or the new one, never half of one. The content goes to a temporary file in
 * the same directory, is flushed to the disk, then renamed over the target.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /**
     * Writes {@code content} as UTF-8 to {@code file}, creating its directory if needed.
     *
     * @throws IOException if it could not be written; the old file, if any, is then unchanged
     */
    public static void writeString(Path file, String content) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        // A unique name: two writers of the same file never share a temporary file.
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                // Without it, a crash soon after the rename can leave an empty file on some file systems.
                out.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                // Some network and FUSE file systems: still a whole-file replace, just not atomic.
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
