package dev.parley.rtc.net;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link SerialExecutor} on the real clock: one named daemon thread, tasks in submission order.
 *
 * <p>A task that throws is counted and reported on stderr, and the thread goes on with the next
 * task. After {@link #close()} nothing more runs: neither tasks submitted later nor those still
 * queued (the owner that closed has nothing left to do), {@link Completion}s aside; submitting
 * never throws.
 */
final class ThreadSerialExecutor implements SerialExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(ThreadSerialExecutor.class);


    private static final Cancellable ALREADY_CLOSED = () -> {};

    /**
     * A task that completes a future: it still runs if it was queued before {@link #close()},
     * because a future that never completes hangs whoever waits on it. It must be idempotent.
     */
    interface Completion extends Runnable {}

    private final String name;
    private final ScheduledThreadPoolExecutor pool;
    private final Runnable onClose;
    private final AtomicLong taskFailures = new AtomicLong();
    private volatile Thread thread;
    private volatile boolean closed;

    /**
     * @param threadName name of the executor's thread
     * @param onClose run once, on the closing thread, when this executor is closed
     */
    ThreadSerialExecutor(String threadName, Runnable onClose) {
        this.name = Objects.requireNonNull(threadName, "threadName");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
        pool = new ScheduledThreadPoolExecutor(1, this::newThread, new ThreadPoolExecutor.DiscardPolicy());
        pool.setRemoveOnCancelPolicy(true);
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        if (!closed) {
            pool.execute(guarded(task));
        }
    }

    @Override
    public Cancellable schedule(Runnable task, long delay, TimeUnit unit) {
        Objects.requireNonNull(task, "task");
        if (closed) {
            return ALREADY_CLOSED;
        }
        ScheduledFuture<?> future = pool.schedule(guarded(task), delay, unit);
        return () -> future.cancel(false);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public boolean inExecutor() {
        return Thread.currentThread() == thread;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pool.shutdown();
        onClose.run();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** Waits for the thread to finish after {@link #close()}; false if it did not in time. */
    boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return pool.awaitTermination(timeout, unit);
    }

    /** Tasks that threw since the start. */
    long taskFailures() {
        return taskFailures.get();
    }

    String name() {
        return name;
    }

    private Runnable guarded(Runnable task) {
        boolean mustRun = task instanceof Completion;
        return () -> {
            if (closed && !mustRun) {
                return;
            }
            try {
                task.run();
            } catch (Throwable t) {
                taskFailures.incrementAndGet();
                LOG.error("task on executor '{}' threw", name, t);
                t.printStackTrace();
            }
        };
    }

    private Thread newThread(Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        thread = t;
        return t;
    }
}
