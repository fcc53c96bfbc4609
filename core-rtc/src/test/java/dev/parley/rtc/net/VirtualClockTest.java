package dev.parley.rtc.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VirtualClockTest {
    private final VirtualClock clock = new VirtualClock();
    private final SerialExecutor executor = clock.newSerialExecutor("test");
    private final List<String> log = new ArrayList<>();

    @Test
    void startsAtZeroAndMovesOnlyWhenDriven() {
        assertEquals(0, clock.nanoTime());
        executor.schedule(() -> log.add("a"), 5, TimeUnit.MILLISECONDS);
        assertEquals(0, clock.runPending());
        assertEquals(List.of(), log);
        assertEquals(0, clock.nanoTime());
    }

    @Test
    void runsByTimeThenByInsertionOrder() {
        executor.schedule(() -> log.add("b@20"), 20, TimeUnit.MILLISECONDS);
        executor.schedule(() -> log.add("a@10"), 10, TimeUnit.MILLISECONDS);
        executor.schedule(() -> log.add("c@20"), 20, TimeUnit.MILLISECONDS);
        executor.execute(() -> log.add("now1"));
        executor.execute(() -> log.add("now2"));

        clock.advance(Duration.ofMillis(20));

        assertEquals(List.of("now1", "now2", "a@10", "b@20", "c@20"), log);
    }

    @Test
    void advanceRunsTasksDueUpToTheNewTimeAndStopsThere() {
        List<Long> times = new ArrayList<>();
        executor.schedule(() -> times.add(clock.nanoTime()), 10, TimeUnit.MILLISECONDS);
        executor.schedule(() -> times.add(clock.nanoTime()), 30, TimeUnit.MILLISECONDS);

        clock.advance(Duration.ofMillis(29));
        assertEquals(List.of(10_000_000L), times, "each task runs at its own due time");
        assertEquals(29_000_000L, clock.nanoTime());

        clock.advance(Duration.ofMillis(1));
        assertEquals(List.of(10_000_000L, 30_000_000L), times);
    }

    @Test
    void tasksScheduledDuringAdvanceRunInTheSameAdvanceWhenDue() {
        executor.schedule(() -> {
            log.add("first");
            executor.schedule(() -> log.add("second"), 5, TimeUnit.MILLISECONDS);
        }, 5, TimeUnit.MILLISECONDS);

        clock.advance(Duration.ofMillis(10));

        assertEquals(List.of("first", "second"), log);
    }

    @Test
    void runUntilStopsAtTheEventThatMakesTheConditionTrue() {
        executor.schedule(() -> log.add("x"), 7, TimeUnit.MILLISECONDS);
        executor.schedule(() -> log.add("y"), 9, TimeUnit.MILLISECONDS);

        assertTrue(clock.runUntil(() -> !log.isEmpty(), Duration.ofSeconds(1)));

        assertEquals(7_000_000L, clock.nanoTime());
        assertEquals(List.of("x"), log, "the later event has not run");
    }

    @Test
    void runUntilGivesUpAtTheDeadlineWithoutRunningLaterEvents() {
        executor.schedule(() -> log.add("late"), 2, TimeUnit.SECONDS);

        assertFalse(clock.runUntil(() -> !log.isEmpty(), Duration.ofSeconds(1)));

        assertEquals(1_000_000_000L, clock.nanoTime());
        assertEquals(List.of(), log);
    }

    @Test
    void runUntilReturnsAtOnceWhenTheConditionAlreadyHolds() {
        executor.schedule(() -> log.add("x"), 1, TimeUnit.MILLISECONDS);
        assertTrue(clock.runUntil(() -> true, Duration.ofSeconds(1)));
        assertEquals(0, clock.nanoTime());
        assertEquals(List.of(), log);
    }

    @Test
    void runPendingRunsOnlyWhatIsDueNow() {
        executor.execute(() -> {
            log.add("now");
            executor.execute(() -> log.add("queued by now"));
        });
        executor.schedule(() -> log.add("later"), 1, TimeUnit.NANOSECONDS);

        assertEquals(2, clock.runPending());

        assertEquals(List.of("now", "queued by now"), log);
    }

    @Test
    void aTaskReschedulingItselfAtZeroDelayIsStoppedWithAClearMessage() {
        VirtualClock small = new VirtualClock(1000);
        SerialExecutor loop = small.newSerialExecutor("loop");
        Runnable[] self = new Runnable[1];
        self[0] = () -> loop.execute(self[0]);
        loop.execute(self[0]);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> small.advance(Duration.ofSeconds(1)));

        assertTrue(e.getMessage().contains("reschedules itself"), e.getMessage());
    }

    @Test
    void inExecutorIsTrueOnlyInsideThatExecutorsTasks() {
        SerialExecutor other = clock.newSerialExecutor("other");
        List<Boolean> seen = new ArrayList<>();
        executor.execute(() -> {
            seen.add(executor.inExecutor());
            seen.add(other.inExecutor());
        });

        clock.runPending();

        assertEquals(List.of(true, false), seen);
        assertFalse(executor.inExecutor());
    }

    @Test
    void closeDropsPendingAndLaterTasks() {
        executor.schedule(() -> log.add("pending"), 1, TimeUnit.MILLISECONDS);
        executor.close();
        executor.execute(() -> log.add("after close"));

        clock.advance(Duration.ofSeconds(1));

        assertEquals(List.of(), log);
    }

    @Test
    void cancelledTaskDoesNotRun() {
        SerialExecutor.Cancellable handle = executor.schedule(() -> log.add("cancelled"), 1, TimeUnit.MILLISECONDS);
        executor.schedule(() -> log.add("kept"), 2, TimeUnit.MILLISECONDS);
        handle.cancel();

        clock.advance(Duration.ofMillis(5));

        assertEquals(List.of("kept"), log);
    }

    @Test
    void executorTimeIsTheClocksTime() {
        clock.advance(Duration.ofMillis(3));
        assertEquals(3_000_000L, executor.nanoTime());
    }

    @Test
    void drivingTheClockFromInsideATaskIsRefused() {
        List<Throwable> errors = new ArrayList<>();
        executor.execute(() -> {
            try {
                clock.advance(Duration.ofMillis(1));
            } catch (IllegalStateException e) {
                errors.add(e);
            }
        });
        clock.runPending();
        assertEquals(1, errors.size());
    }

    @Test
    void useFromASecondThreadIsRefused() throws Exception {
        executor.execute(() -> log.add("owner thread"));
        java.util.concurrent.atomic.AtomicReference<Throwable> error = new java.util.concurrent.atomic.AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                executor.execute(() -> log.add("other thread"));
            } catch (Throwable t) {
                error.set(t);
            }
        });
        other.start();
        other.join();

        assertTrue(error.get() instanceof IllegalStateException, String.valueOf(error.get()));
        clock.runPending();
        assertEquals(List.of("owner thread"), log);
    }

    @Test
    void negativeDurationsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> clock.runUntil(() -> false, Duration.ofMillis(-1)));
    }
}
