package dev.parley.rtc.interceptor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.net.VirtualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PeriodicTaskTest {
    private final VirtualClock clock = new VirtualClock();
    private int runs;
    private final PeriodicTask task = new PeriodicTask(clock.newSerialExecutor("pc"), 20, () -> runs++);

    @Test
    void runsEveryPeriodFromStartUntilStopped_andStartingTwiceDoesNotDoubleIt() {
        task.start();
        task.start();
        clock.advance(Duration.ofMillis(100));
        assertEquals(5, runs);
        task.stop();
        clock.advance(Duration.ofMillis(100));
        assertEquals(5, runs);
        assertFalse(task.isRunning());
        assertEquals(0, clock.pendingEvents());
        task.start();
        clock.advance(Duration.ofMillis(40));
        assertEquals(7, runs);
    }

    @Test
    void afterCloseItNeverStartsAgain() {
        task.start();
        assertTrue(task.isRunning());
        task.close();
        task.start();
        clock.advance(Duration.ofSeconds(1));
        assertEquals(0, runs);
    }

    @Test
    void theTaskMayStopItself() {
        PeriodicTask[] self = new PeriodicTask[1];
        self[0] = new PeriodicTask(clock.newSerialExecutor("pc2"), 10, () -> {
            runs++;
            if (runs == 3) {
                self[0].stop();
            }
        });
        self[0].start();
        clock.advance(Duration.ofSeconds(1));
        assertEquals(3, runs);
    }
}
