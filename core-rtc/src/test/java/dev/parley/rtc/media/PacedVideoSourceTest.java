package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.VideoFrame;
import dev.parley.rtc.VideoTrackSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PacedVideoSourceTest {

    @Test
    void pushesTheTestPatternAtItsFrameRate_stampedWithTheirDeadlines() throws Exception {
        VideoTrackSource source = new VideoTrackSource();
        List<VideoFrame> frames = new CopyOnWriteArrayList<>();
        CountDownLatch thirtyOne = new CountDownLatch(31);
        source.createTrack("camera").addVideoSink(frame -> {
            frames.add(frame);
            thirtyOne.countDown();
        });
        TestPattern pattern = new TestPattern(320, 180);
        try (PacedVideoSource paced = new PacedVideoSource(pattern, 30, source).start()) {
            assertTrue(thirtyOne.await(10, TimeUnit.SECONDS), "31 frames within 10 s");
            long first = frames.get(0).captureTimeNanos();
            for (int i = 0; i <= 30; i++) {
                VideoFrame frame = frames.get(i);
                assertEquals(first + Math.round(i * 1e9 / 30) , frame.captureTimeNanos(), 30, "frame " + i);
                TestPattern.Stamp stamp = pattern.read(frame).orElseThrow();
                assertEquals(i, stamp.frameNumber(), "in order, none skipped");
                assertEquals(frame.captureTimeNanos(), stamp.captureTimeNanos(), "the band carries the capture time");
            }
            paced.close(); // joins the pacing thread: it counts a frame after its sinks returned
            assertTrue(paced.framesPushed() >= 31);
        }
    }

    @Test
    void rejectsRatesNoCameraHas() {
        VideoTrackSource source = new VideoTrackSource();
        TestPattern pattern = new TestPattern(320, 180);
        assertThrows(IllegalArgumentException.class, () -> new PacedVideoSource(pattern, 0, source));
        assertThrows(IllegalArgumentException.class, () -> new PacedVideoSource(pattern, Double.NaN, source));
        assertThrows(IllegalArgumentException.class, () -> new PacedVideoSource(pattern, 1000, source));
    }
}
