package dev.parley.rtc.interceptor;

import dev.parley.rtc.net.SerialExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A task an interceptor runs every period while it has streams to serve (feedback timers): started
 * when the first stream is bound, stopped when the last goes or the interceptor closes, so an idle
 * peer connection schedules nothing. On the executor only, like the interceptor that owns it.
 */
public final class PeriodicTask {
    private final SerialExecutor executor;
    private final long periodMillis;
    private final Runnable task;
    private SerialExecutor.Cancellable next;
    private boolean closed;

    public PeriodicTask(SerialExecutor executor, long periodMillis, Runnable task) {
        if (periodMillis <= 0) {
            throw new IllegalArgumentException("period must be positive, got " + periodMillis);
        }
        this.executor = executor;
        this.periodMillis = periodMillis;
        this.task = task;
    }

    /** Runs the task one period from now and every period after, unless already running or closed. */
    public void start() {
        if (next == null && !closed) {
            schedule();
        }
    }

    /** Stops until the next {@link #start()}. */
    public void stop() {
        if (next != null) {
            next.cancel();
            next = null;
        }
    }

    /** Stops for good. */
    public void close() {
        closed = true;
        stop();
    }

    public boolean isRunning() {
        return next != null;
    }

    private void schedule() {
        next = executor.schedule(this::run, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void run() {
        if (closed || next == null) {
            return;
        }
        task.run();
        if (next != null) { // the task may have stopped it
            schedule();
        }
    }
}
