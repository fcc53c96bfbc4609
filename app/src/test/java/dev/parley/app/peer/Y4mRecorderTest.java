package dev.parley.app.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.VideoFrame;
import dev.parley.rtc.media.TestPattern;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The video recording: frames come back as written, a new size starts a new file, overload drops and counts. */
class Y4mRecorderTest {
    @TempDir
    Path dir;

    @Test
    void framesComeBackStampedAndANewSizeStartsTheNextFile() throws Exception {
        TestPattern big = new TestPattern(640, 360);
        TestPattern small = new TestPattern(322, 182);   // odd chroma sizes: ceil(322/2) = 161
        try (Y4mRecorder recorder = new Y4mRecorder(dir, "call-video")) {
            for (int n = 0; n < 5; n++) {
                recorder.onFrame(big.frame(n, n));
            }
            for (int n = 0; n < 3; n++) {
                recorder.onFrame(small.frame(100 + n, n));
            }
            recorder.onFrame(big.frame(7, 7));
            recorder.close();
            assertEquals(9, recorder.framesWritten());
            assertEquals(0, recorder.framesDropped());
        }
        List<VideoFrame> first = Y4mReader.frames(dir.resolve("call-video.y4m"));
        assertEquals(5, first.size());
        for (int n = 0; n < 5; n++) {
            assertEquals(n, big.read(first.get(n)).orElseThrow().frameNumber());
        }
        List<VideoFrame> second = Y4mReader.frames(dir.resolve("call-video-2.y4m"));
        assertEquals(3, second.size());
        assertEquals(322, second.get(0).width());
        assertEquals(102, small.read(second.get(2)).orElseThrow().frameNumber());
        List<VideoFrame> third = Y4mReader.frames(dir.resolve("call-video-3.y4m"));
        assertEquals(7, big.read(third.get(0)).orElseThrow().frameNumber());
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() throws Exception {
        TestPattern pattern = new TestPattern(1280, 720);
        VideoFrame frame = pattern.frame(0, 0);
        try (Y4mRecorder recorder = new Y4mRecorder(dir, "burst")) {
            int offered = 50 * Y4mRecorder.QUEUE_FRAMES;
            long start = System.nanoTime();
            for (int n = 0; n < offered; n++) {
                recorder.onFrame(frame);
            }
            long offeringMs = (System.nanoTime() - start) / 1_000_000;
            recorder.close();
            // 1,600 frames of 1.4 MB each cannot all reach the disk while they are offered in a burst.
            assertTrue(recorder.framesDropped() > 0, "dropped " + recorder.framesDropped());
            assertEquals(offered, recorder.framesWritten() + recorder.framesDropped());
            assertTrue(offeringMs < 2_000, "offering never waits for the disk: " + offeringMs + " ms");
        }
        assertEquals(Files.size(dir.resolve("burst.y4m")),
                "YUV4MPEG2 W1280 H720 F30:1 Ip A1:1 C420jpeg\n".length()
                        + (long) Y4mReader.frames(dir.resolve("burst.y4m")).size() * (6 + 1280 * 720 * 3 / 2));
        assertFalse(Files.exists(dir.resolve("burst-2.y4m")));
    }
}
