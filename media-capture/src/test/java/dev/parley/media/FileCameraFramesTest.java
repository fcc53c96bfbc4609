package dev.parley.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.VideoFrame;
import dev.parley.rtc.media.TestPattern;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file camera read by a pacer of its own: the picture due at each time asked for, stamped
 * with that time — also a picture shown twice, since a second frame with the first one's RTP
 * timestamp would be taken for part of the first by the receiver.
 */
class FileCameraFramesTest {
    private static final long MS = 1_000_000;
    @TempDir
    Path dir;

    @Test
    void eachPictureIsTheOneDueAndStampedWithTheTimeAskedFor() throws Exception {
        Path clip = Y4mPattern.write(dir.resolve("ten.y4m"), 320, 180, 10, 10); // 10 fps: a picture per 100 ms
        TestPattern pattern = new TestPattern(320, 180);
        try (FileCameraFrames frames = FileCameraFrames.open(clip, 320, 180)) {
            long start = System.nanoTime();
            VideoFrame first = frames.nextFrame(start + 10 * MS);
            VideoFrame again = frames.nextFrame(start + 60 * MS);
            VideoFrame second = frames.nextFrame(start + 160 * MS);
            assertEquals("File: ten.y4m", frames.label());
            assertEquals(0, pattern.read(first).orElseThrow().frameNumber());
            assertEquals(0, pattern.read(again).orElseThrow().frameNumber(), "50 ms later: the same picture");
            assertEquals(1, pattern.read(second).orElseThrow().frameNumber(), "the next 100 ms: the next picture");
            assertEquals(start + 10 * MS, first.captureTimeNanos());
            assertEquals(start + 60 * MS, again.captureTimeNanos(), "shown again with a time of its own");
            assertEquals(start + 160 * MS, second.captureTimeNanos());
            assertEquals(320, second.width());
            assertEquals(180, second.height());
        }
    }

    @Test
    void aMissingFileIsNotFoundAndNamed() {
        Path missing = dir.resolve("gone.y4m");
        MediaDeviceException e = assertThrows(MediaDeviceException.class, () -> FileCameraFrames.open(missing, 320, 180));
        assertEquals(MediaDeviceException.NOT_FOUND, e.name());
        assertTrue(e.getMessage().contains("gone.y4m"), e.getMessage());
    }
}
