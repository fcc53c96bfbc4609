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
    void whenOneFrameInFiveWaitsARoundTripAndOneInFiftyTwo_theTargetCoversBoth_andThePaceIsSteady() {
        VideoPlayout playout = new VideoPlayout();
        Random random = new Random(5);
        long previous = Long.MIN_VALUE;
        int stutters = 0;
        int doubleRepairs = 0;
        for (int i = 0; i < 900; i++) {
            int draw = random.nextInt(100);
            long late = draw < 2 ? 160_000_000L : draw < 20 ? 60_000_000L : 0; // one or two retransmissions
            long ready = 40_000_000L + i * FRAME_NANOS + late;
            long render = playout.renderTime(i * FRAME_TICKS, ready);
            assertTrue(render >= ready, "never shown before it is decoded");
            if (previous != Long.MIN_VALUE) {
                assertTrue(render >= previous, "in order");
                if (i > 300) {
                    doubleRepairs += draw < 2 ? 1 : 0;
                    stutters += render - previous > 3 * FRAME_NANOS ? 1 : 0; // 100 ms without a new picture
                }
            }
            previous = render;
        }
        // Shown as ready, each twice-repaired frame would be a stutter; the target absorbs most.
        assertTrue(doubleRepairs >= 8, "the stream had twice-repaired frames: " + doubleRepairs);
        assertTrue(stutters <= doubleRepairs / 2, stutters + " stutters for " + doubleRepairs + " twice-repaired frames");
        assertTrue(playout.targetDelayNanos() >= 60_000_000L, "a round trip at least: " + playout.targetDelayNanos());
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

    @Test
    void anExtraDelay_holdsPicturesBack_andTakingItAwayHurriesThemWithoutGoingBackwards() {
        VideoPlayout playout = new VideoPlayout();
        long previous = Long.MIN_VALUE;
        long heldUntil = 0;
        for (int i = 0; i < 90; i++) {
            if (i == 30) {
                playout.setExtraDelay(80_000_000L);
            } else if (i == 60) {
                playout.setExtraDelay(0);
            }
            long ready = 40_000_000L + i * FRAME_NANOS;
            long render = playout.renderTime(i * FRAME_TICKS, ready);
            long expected = i >= 30 && i < 60 ? ready + 80_000_000L : ready;
            // after the release, pictures ready before the last held one's time wait for it: never backwards
            expected = i >= 60 ? Math.max(expected, heldUntil) : expected;
            assertTrue(render >= previous, "in order at frame " + i);
            assertEquals(expected, render, 1, "frame " + i);
            if (i == 59) {
                heldUntil = render;
            }
            previous = render;
        }
    }
}
