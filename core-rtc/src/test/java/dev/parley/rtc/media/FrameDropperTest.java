package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrameDropperTest {
    private static final long FRAME_NANOS = 33_333_333;

    /** Encodes 30 fps of frames of {@code bytes} for {@code seconds}; returns the bits per second sent. */
    private static double run(FrameDropper dropper, int bytes, double seconds) {
        long now = 0;
        long sent = 0;
        int frames = (int) (seconds * 30);
        for (int i = 0; i < frames; i++, now += FRAME_NANOS) {
            if (!dropper.shouldDrop(now)) {
                dropper.onEncoded(bytes, now);
                sent += bytes;
            }
        }
        return sent * 8 / seconds;
    }

    @Test
    void anEncoderWithinTheTarget_losesNoFrame() {
        FrameDropper dropper = new FrameDropper(1_000_000);
        run(dropper, 4_000, 10); // 960 kbit/s
        assertEquals(0, dropper.dropped());
    }

    @Test
    void anEncoderAtTwiceTheTarget_isHeldToIt() {
        FrameDropper dropper = new FrameDropper(500_000);
        double sent = run(dropper, 4_000, 20); // would be 960 kbit/s
        assertTrue(sent <= 500_000 * 1.05, "sent " + sent);
        assertTrue(sent >= 500_000 * 0.85, "the target is used, not starved: " + sent);
        assertTrue(dropper.dropped() > 200, "about every other frame is skipped: " + dropper.dropped());
    }

    @Test
    void aKeyFrameIsPaidForByTheFramesAfterIt() {
        FrameDropper dropper = new FrameDropper(500_000);
        dropper.onEncoded(40_000, 0); // 320 kbit: 640 ms of the target
        assertTrue(dropper.shouldDrop(FRAME_NANOS), "the next frame waits");
        assertFalse(dropper.shouldDrop(300_000_000L), "after the debt drains below 400 ms, frames flow again");
    }

    @Test
    void aLowerTargetTakesEffectAtOnce() {
        FrameDropper dropper = new FrameDropper(2_000_000);
        run(dropper, 6_000, 2); // 1.44 Mbit/s: fine at 2 Mbit/s
        assertEquals(0, dropper.dropped());
        dropper.setTarget(500_000);
        double sent = run(dropper, 6_000, 10);
        assertTrue(sent <= 500_000 * 1.1, "sent " + sent);
    }
}
