package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class VideoPlayoutTest {
    private static final long FRAME_TICKS = 3000; // 30 fps at 90 kHz
    private static final long FRAME_NANOS = 33_333_333;

    @Test
    void onACleanLinkPicturesAreShownAsSoonAsTheyAreReady() {
        VideoPlayout playout = new VideoPlayout();
        for (int i = 0; i < 300; i++) {
            long ready = 40_000_000L + i * 1_000_000_000L / 30;
            assertEquals(ready, playout.renderTime(i * FRAME_TICKS, ready), 1, "frame " + i);
        }
        assertTrue(playout.targetDelayNanos() < 1_000, "no delay to speak of: " + playout.targetDelayNanos());
    }

    @Test
    void whenOneFrameInFiveWaitsARoundTrip_theTargetCoversIt_andTheRenderPaceIsSteady() {
        VideoPlayout playout = new VideoPlayout();
        Random random = new Random(5);
        long previous = Long.MIN_VALUE;
        long longestGap = 0;
        for (int i = 0; i < 900; i++) {
            long late = random.nextInt(5) == 0 ? 60_000_000L : 0; // repaired by a retransmission
            long ready = 40_000_000L + i * FRAME_NANOS + late;
            long render = playout.renderTime(i * FRAME_TICKS, ready);
            assertTrue(render >= ready, "never shown before it is decoded");
            if (previous != Long.MIN_VALUE) {
                assertTrue(render >= previous, "in order");
                if (i > 300) {
                    longestGap = Math.max(longestGap, render - previous);
                }
            }
            previous = render;
        }
        assertEquals(60_000_000L, playout.targetDelayNanos(), 1_000);
        assertTrue(longestGap <= FRAME_NANOS + 1_000_000, "after settling, one frame interval apart: " + longestGap);
    }

    @Test
    void theTargetIsCapped_andTimestampsWrap() {
        VideoPlayout playout = new VideoPlayout();
        long start = 0xFFFF_FFFFL - 10 * FRAME_TICKS;
        for (int i = 0; i < 100; i++) {
            long late = i % 2 == 0 ? 2_000_000_000L : 0;
            long timestamp = (start + i * FRAME_TICKS) & 0xFFFF_FFFFL;
            playout.renderTime(timestamp, i * FRAME_NANOS + late);
        }
        assertEquals(VideoPlayout.MAX_DELAY_MILLIS * 1_000_000L, playout.targetDelayNanos());
    }
}
