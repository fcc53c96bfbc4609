package dev.parley.rtc.net;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one I/O thread of a {@link RealNet}: a {@link Selector} loop that runs readiness callbacks,
 * tasks posted from other threads, and timers (connect timeouts).
 *
 * <p>Only socket code runs here; handlers of the engine run on their {@link SerialExecutor}s.
 * An exception from one channel's callback closes that channel (via {@link IoHandler#onFailure})
 * and is counted; the loop itself keeps going until {@link #close()}.
 */
final class NioLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NioLoop.class);


    /** Large enough for any UDP datagram (64 KiB less headers) and a good TCP read chunk. */
    static final int IO_BUFFER_SIZE = 64 * 1024;

    /** What a registered channel does when the selector finds it ready. Runs on the loop thread. */
    interface IoHandler {
        void onReady(SelectionKey key) throws IOException;

        /** The callback threw {@code failure}: close the channel and tell its owner. Must not throw. */
        void onFailure(Throwable failure);
    }

    /** A timer on the loop thread; cancel from the loop thread only. */
    static final class Timer implements Comparable<Timer> {
        private final long deadline;
        private final long sequence;
        private final Runnable task;
        private boolean cancelled;

        private Timer(long deadline, long sequence, Runnable task) {
            this.deadline = deadline;
            this.sequence = sequence;
            this.task = task;
        }

        void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Timer other) {
            int byTime = Long.compare(deadline - other.deadline, 0);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private final Selector selector;
    private final Thread thread;
    /** Shared by all channels: only the loop thread reads into it. */
    private final ByteBuffer ioBuffer = ByteBuffer.allocateDirect(IO_BUFFER_SIZE);
    private final Object taskLock = new Object();
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>(); // guarded by taskLock
    private boolean stopped; // guarded by taskLock: no task is accepted after this
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(); // loop thread only
    private long timerSequence; // loop thread only
    private volatile boolean closing;
    private final AtomicLong failures = new AtomicLong();

    NioLoop(String threadName) throws IOException {
        selector = Selector.open();
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Runs {@code task} on the loop thread, soon. Returns {@code false} (and does not run it) once
     * the loop has stopped: the caller then does its clean-up itself.
     */
    boolean execute(Runnable task) {
        synchronized (taskLock) {
            if (stopped) {
                return false;
            }
            tasks.add(task);
        }
        if (!inLoop()) {
            selector.wakeup();
        }
        return true;
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Registers {@code channel} for {@code ops}; loop thread only. */
    SelectionKey register(SelectableChannel channel, int ops, IoHandler handler) throws ClosedChannelException {
        assert inLoop();
        return channel.register(selector, ops, handler);
    }

    /** Runs {@code task} on the loop thread after {@code delay}; loop thread only. */
    Timer schedule(Runnable task, long delay, TimeUnit unit) {
        assert inLoop();
        Timer timer = new Timer(System.nanoTime() + unit.toNanos(delay), timerSequence++, task);
        timers.add(timer);
        return timer;
    }

    /** The loop's scratch buffer, cleared; loop thread only, and only until the callback returns. */
    ByteBuffer ioBuffer() {
        assert inLoop();
        return ioBuffer.clear();
    }

    /** Channel callbacks that threw, and loop-level errors, since the start. */
    long failures() {
        return failures.get();
    }

    /** Counts and reports an error of a channel or of the loop itself. */
    void reportFailure(String what, Throwable failure) {
        failures.incrementAndGet();
        LOG.warn("{}: {}", thread.getName(), what, failure);
    }

    /** Stops the loop and waits (briefly) for its thread; channels still registered are closed. */
    @Override
    public void close() {
        closing = true;
        selector.wakeup();
        if (!inLoop()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try {
            while (!closing) {
                try {
                    runTasks();
                    runDueTimers();
                    if (closing) {
                        break;
                    }
                    selector.select(this::dispatch, selectTimeoutMillis());
                } catch (Throwable t) {
                    // A bug in our own code or a selector hiccup: never let the loop die silently.
                    reportFailure("loop error", t);
                }
            }
        } finally {
            shutDown();
        }
    }

    private void dispatch(SelectionKey key) {
        IoHandler handler = (IoHandler) key.attachment();
        try {
            if (key.isValid()) {
                handler.onReady(key);
            }
        } catch (CancelledKeyException e) {
            // Closed from another thread while ready: nothing left to do for it.
        } catch (Throwable t) {
            reportFailure("channel " + key.channel() + " failed", t);
            try {
                handler.onFailure(t);
            } catch (Throwable again) {
                closeQuietly(key);
            }
        }
    }

    private void runTasks() {
        while (true) {
            Runnable task;
            synchronized (taskLock) {
                task = tasks.poll();
            }
            if (task == null) {
                return;
            }
            runGuarded(task);
        }
    }

    private void runDueTimers() {
        long now = System.nanoTime();
        Timer next;
        while ((next = timers.peek()) != null && next.deadline - now <= 0) {
            timers.poll();
            if (!next.cancelled) {
                runGuarded(next.task);
            }
        }
    }

    private long selectTimeoutMillis() {
        Timer next;
        while ((next = timers.peek()) != null && next.cancelled) {
            timers.poll();
        }
        if (next == null) {
            return 0; // no timeout: wait for readiness or wakeup()
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(next.deadline - System.nanoTime());
        return Math.max(1, millis + 1); // round up so the timer is due when select returns
    }

    private void runGuarded(Runnable task) {
        try {
            task.run();
        } catch (Throwable t) {
            reportFailure("task failed", t);
        }
    }

    /** Runs the tasks posted before the stop (they are mostly closes), then closes what is left. */
    private void shutDown() {
        synchronized (taskLock) {
            stopped = true;
        }
        runTasks();
        timers.clear();
        try {
            for (SelectionKey key : selector.keys()) {
                closeQuietly(key);
            }
            selector.close();
        } catch (Throwable t) {
            reportFailure("closing selector", t);
        }
    }

    private static void closeQuietly(SelectionKey key) {
        try {
            key.channel().close();
        } catch (IOException | RuntimeException ignored) {
            // Closing is all we wanted; there is nobody left to tell.
        }
    }
}
