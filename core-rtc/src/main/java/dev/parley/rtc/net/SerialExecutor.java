package dev.parley.rtc.net;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks one at a time, in submission order, and schedules tasks on its {@link Net}'s clock.
 * The owner of some state (an ICE agent, a peer connection) keeps all of it on one of these, as
 * libwebrtc does with its signaling and network threads, so that state needs no locks.
 *
 * <p>Tasks submitted after {@link #close()} are dropped silently: an owner that closed has
 * nothing left to do, and sockets may still be delivering their last datagrams.
 */
public interface SerialExecutor extends Executor, AutoCloseable {

    /** Runs {@code task} after {@code delay}; the returned handle cancels it if not yet run. */
    Cancellable schedule(Runnable task, long delay, TimeUnit unit);

    /** Nanoseconds on the clock this executor schedules with. */
    long nanoTime();

    /** True when called from a task of this executor. */
    boolean inExecutor();

    /** Whether {@link #close()} was called: a closed executor discards what it is given. */
    boolean isClosed();

    @Override
    void close();

    /** A scheduled task that can still be called off. */
    interface Cancellable {
        /** Stops the task from running; has no effect once it ran. */
        void cancel();
    }
}
