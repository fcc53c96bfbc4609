package dev.parley.app.signaling.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesUpToTheMaximumWithHalfOfEachDelayRandom() {
        Backoff lowest = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30), () -> 0.0);
        Backoff highest = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30), () -> 0.999_999);
        assertEquals(Duration.ofMillis(125), lowest.delay(0));
        assertEquals(Duration.ofMillis(250), lowest.delay(1));
        assertEquals(Duration.ofMillis(500), lowest.delay(2));
        assertEquals(250, highest.delay(0).toMillis(), 1);
        assertEquals(Duration.ofSeconds(15), lowest.delay(10), "capped: 250 ms × 2^10 > 30 s");
        assertEquals(30_000, highest.delay(1_000).toMillis(), 1, "no overflow after many attempts");
    }
}
