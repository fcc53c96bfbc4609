package dev.parley.rtc.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** RFC 3711 §3.3.2 replay list and §3.3.1 index estimation, in isolation. */
class ReplayWindowTest {
    @Test
    void acceptsEachIndexOnceWithinTheWindow() {
        ReplayWindow w = new ReplayWindow();
        assertTrue(w.check(5000));
        w.accept(5000);
        assertFalse(w.check(5000));
        assertTrue(w.check(4999));
        w.accept(4999);
        assertFalse(w.check(4999));
        assertTrue(w.check(5000 - ReplayWindow.SIZE + 1));
        assertFalse(w.check(5000 - ReplayWindow.SIZE), "exactly SIZE behind is outside");
        // A jump forward frees slots for new indices that share ring positions with old ones.
        w.accept(5000 + ReplayWindow.SIZE - 1);
        assertTrue(w.check(5001));
        assertFalse(w.check(5000));
        w.accept(5000 + 10 * ReplayWindow.SIZE);
        assertFalse(w.check(5000 + ReplayWindow.SIZE - 1));
        assertTrue(w.check(5000 + 10 * ReplayWindow.SIZE - 1));
        assertEquals(5000 + 10 * ReplayWindow.SIZE, w.highest());
    }

    @Test
    void rolloverEstimateFollowsAppendixA() {
        RolloverState r = new RolloverState();
        assertEquals(65530, r.estimate(65530), "first packet: ROC 0, any SEQ");
        r.update(65530);
        assertEquals(65536 + 3, r.estimate(3), "wrap forward guesses ROC + 1");
        assertEquals(65000, r.estimate(65000));
        r.update(65536 + 3);
        assertEquals(65533, r.estimate(65533), "late packet from before the wrap keeps ROC - 1");
        r.update(65533); // must not move ROC back
        assertEquals(65536 + 10, r.estimate(10));
        RolloverState start = new RolloverState();
        start.update(10);
        assertEquals(-1, start.estimate(65000), "before index 0 there is nothing");
    }
}
