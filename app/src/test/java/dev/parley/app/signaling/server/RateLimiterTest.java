package dev.parley.app.signaling.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(10, 5, now::get);

    @Test
    void aBurstPassesThenTheRateHolds() {
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.tryAcquire(), "burst message " + i);
        }
        assertFalse(limiter.tryAcquire());
        now.addAndGet(100_000_000L);   // 100 ms at 10/s: one token
        assertTrue(limiter.tryAcquire());
        assertFalse(limiter.tryAcquire());
        assertEquals(2, limiter.dropped());
    }

    @Test
    void aLongPauseRefillsOnlyUpToTheBurst() {
        for (int i = 0; i < 5; i++) {
            limiter.tryAcquire();
        }
        now.addAndGet(60_000_000_000L);
        int passed = 0;
        while (limiter.tryAcquire()) {
            passed++;
        }
        assertEquals(5, passed);
    }
}
