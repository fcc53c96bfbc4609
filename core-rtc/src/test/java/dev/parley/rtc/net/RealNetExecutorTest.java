package dev.parley.rtc.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real-clock {@link SerialExecutor} made by {@link RealNet#newSerialExecutor}. */
class RealNetExecutorTest {

    private final RealNet net = new RealNet();

    @AfterEach
    void closeNet() {
        net.close();
    }

    @Test
    void runsTasksInSubmissionOrderOnItsOwnNamedThread() throws Exception {
        SerialExecutor executor = net.newSerialExecutor("order");
        List<Integer> seen = new ArrayList<>(); // touched on the executor only
        List<Boolean> inExecutor = new ArrayList<>();
        AtomicReference<String> threadName = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        for (int i = 0; i < 500; i++) {
            int n = i;
            executor.execute(() -> {
                seen.add(n);
                inExecutor.add(executor.inExecutor());
            });
        }
        executor.execute(() -> {
            threadName.set(Thread.currentThread().getName());
            done.countDown();
        });
        assertTrue(done.await(5, TimeUnit.SECONDS));
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            expected.add(i);
        }
        assertEquals(expected, seen);
        assertFalse(inExecutor.contains(false));
        assertFalse(executor.inExecutor(), "the test thread is not the executor");
        assertEquals("parley-order", threadName.get());
    }

    @Test
    void scheduledTasksRunByDeadlineAfterImmediateOnes() throws Exception {
        SerialExecutor executor = net.newSerialExecutor("schedule");
        List<String> seen = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        long start = executor.nanoTime();
        executor.schedule(() -> {
            seen.add("c");
            done.countDown();
        }, 90, TimeUnit.MILLISECONDS);
        executor.schedule(() -> seen.add("a"), 30, TimeUnit.MILLISECONDS);
        executor.schedule(() -> seen.add("b"), 60, TimeUnit.MILLISECONDS);
        executor.execute(() -> seen.add("now"));
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("now", "a", "b", "c"), seen);
        assertTrue(executor.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(90), "c ran no earlier than asked");
    }

    @Test
    void cancelledTaskNeverRuns() throws Exception {
        SerialExecutor executor = net.newSerialExecutor("cancel");
        AtomicBoolean cancelledRan = new AtomicBoolean();
        CountDownLatch later = new CountDownLatch(1);
        AtomicReference<SerialExecutor.Cancellable> handle = new AtomicReference<>();
        // Scheduled and cancelled inside one task on the executor: the executor is busy with that
        // task, so however slow this machine is, the cancelled task cannot run before cancel().
        executor.execute(() -> {
            handle.set(executor.schedule(() -> cancelledRan.set(true), 1, TimeUnit.MILLISECONDS));
            executor.schedule(later::countDown, 60, TimeUnit.MILLISECONDS);
            busyFor(5);
            handle.get().cancel();
        });
        assertTrue(later.await(5, TimeUnit.SECONDS));
        assertFalse(cancelledRan.get());
        handle.get().cancel(); // again: harmless
    }

    @Test
    void aTaskThatThrowsDoesNotStopLaterTasks() throws Exception {
        ThreadSerialExecutor executor = (ThreadSerialExecutor) net.newSerialExecutor("throws");
        AtomicReference<Thread> first = new AtomicReference<>();
        AtomicReference<Thread> second = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        executor.execute(() -> {
            first.set(Thread.currentThread());
            throw new IllegalStateException("deliberate failure in a test task");
        });
        executor.schedule(() -> {
            throw new IllegalStateException("deliberate failure in a scheduled test task");
        }, 1, TimeUnit.MILLISECONDS);
        executor.schedule(() -> {
            second.set(Thread.currentThread());
            done.countDown();
        }, 20, TimeUnit.MILLISECONDS);
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertSame(first.get(), second.get(), "the same thread went on");
        assertEquals(2, executor.taskFailures());
    }

    @Test
    void tasksAfterCloseAreDroppedSilently() throws Exception {
        ThreadSerialExecutor executor = (ThreadSerialExecutor) net.newSerialExecutor("closed");
        AtomicBoolean ran = new AtomicBoolean();
        executor.close();
        executor.execute(() -> ran.set(true));
        executor.schedule(() -> ran.set(true), 0, TimeUnit.MILLISECONDS).cancel();
        executor.schedule(() -> ran.set(true), 1, TimeUnit.MILLISECONDS);
        assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS), "its thread ended");
        assertFalse(ran.get());
        executor.close(); // again: harmless
    }

    @Test
    void tasksQueuedWhenClosedDoNotRun() throws Exception {
        ThreadSerialExecutor executor = (ThreadSerialExecutor) net.newSerialExecutor("queued");
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean queuedRan = new AtomicBoolean();
        AtomicBoolean scheduledRan = new AtomicBoolean();
        executor.execute(() -> {
            running.countDown();
            awaitQuietly(release);
        });
        executor.execute(() -> queuedRan.set(true));
        executor.schedule(() -> scheduledRan.set(true), 1, TimeUnit.MILLISECONDS);
        assertTrue(running.await(5, TimeUnit.SECONDS));
        executor.close();
        release.countDown();
        assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
        assertFalse(queuedRan.get());
        assertFalse(scheduledRan.get());
    }

    @Test
    void anExecutorMayCloseItselfFromItsOwnTask() throws Exception {
        ThreadSerialExecutor executor = (ThreadSerialExecutor) net.newSerialExecutor("self-close");
        AtomicBoolean after = new AtomicBoolean();
        executor.execute(executor::close);
        executor.execute(() -> after.set(true));
        assertTrue(executor.awaitTermination(5, TimeUnit.SECONDS));
        assertFalse(after.get());
        assertEquals(0, executor.taskFailures());
    }

    @Test
    void closedNetMakesNoMoreExecutors() {
        net.close();
        assertThrows(IllegalStateException.class, () -> net.newSerialExecutor("late"));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keeps the calling thread busy past a timer's deadline (no sleep: the point is to hold the executor). */
    private static void busyFor(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
