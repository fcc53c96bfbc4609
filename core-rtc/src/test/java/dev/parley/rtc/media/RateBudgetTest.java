package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateBudgetTest {
    private static final long FRAME_NANOS = 33_333_333;

    /** Encodes 30 fps of frames of {@code bytes} for {@code seconds}; returns the bits per second sent. */
    private static double run(RateBudget budget, int bytes, double seconds) {
        long now = 0;
        long sent = 0;
        int frames = (int) (seconds * 30);
        for (int i = 0; i < frames; i++, now += FRAME_NANOS) {
            if (budget.allows(now)) {
                budget.spend(bytes, now);
                sent += bytes;
            }
        }
        return sent * 8 / seconds;
    }

    @Test
    void anEncoderWithinTheTarget_losesNoFrame() {
        RateBudget budget = new RateBudget(1_000_000, Duration.ofMillis(400));
        run(budget, 4_000, 10); // 960 kbit/s
        assertEquals(0, budget.refused());
    }

    @Test
    void anEncoderAtTwiceTheTarget_isHeldToIt() {
        RateBudget budget = new RateBudget(500_000, Duration.ofMillis(400));
        double sent = run(budget, 4_000, 20); // would be 960 kbit/s
        assertTrue(sent <= 500_000 * 1.05, "sent " + sent);
        assertTrue(sent >= 500_000 * 0.85, "the target is used, not starved: " + sent);
        assertTrue(budget.refused() > 200, "about every other frame is skipped: " + budget.refused());
    }

    @Test
    void aKeyFrameIsPaidForByTheFramesAfterIt() {
        RateBudget budget = new RateBudget(500_000, Duration.ofMillis(400));
        budget.spend(40_000, 0); // 320 kbit: 640 ms of the target
        assertFalse(budget.allows(FRAME_NANOS), "the next frame waits");
        assertTrue(budget.allows(300_000_000L), "after the debt drains below 400 ms, frames flow again");
    }

    @Test
    void aLowerTargetTakesEffectAtOnce() {
        RateBudget budget = new RateBudget(2_000_000, Duration.ofMillis(400));
        run(budget, 6_000, 2); // 1.44 Mbit/s: fine at 2 Mbit/s
        assertEquals(0, budget.refused());
        budget.setRate(500_000);
        double sent = run(budget, 6_000, 10);
        assertTrue(sent <= 500_000 * 1.1, "sent " + sent);
    }
}
