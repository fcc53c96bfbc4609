package dev.parley.rtc.net;

import java.time.Duration;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * Virtual time for the in-memory network: nanoseconds from 0 and a queue of events ordered by
 * time, then by insertion, so a run is the same every time.
 *
 * <p>Single-threaded: nothing moves until the test thread calls {@link #advance}, {@link
 * #runUntil} or {@link #runPending}; every task (timers, datagram deliveries, executor tasks) then
 * runs on that thread, in order. The clock belongs to the first thread that schedules on it or
 * drives it; use from any other thread (say, a task handed to a common pool) throws
 * {@link IllegalStateException} rather than silently breaking determinism. An exception thrown by a task propagates out of that call, so a
 * broken handler fails the test that drives it.
 *
 * <p>A task that reschedules itself at zero delay would hold time still forever; each call runs at
 * most {@code maxEventsPerRun} events and then throws {@link IllegalStateException}.
 */
public final class VirtualClock {
    /** Enough for hours of virtual time with many 10 ms timers; a zero-delay loop hits it in well under a second. */
    public static final int DEFAULT_MAX_EVENTS_PER_RUN = 5_000_000;

    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private final int maxEventsPerRun;
    private long now;
    private long nextSequence;
    private boolean running;
    private VirtualSerialExecutor currentExecutor;
    private Thread owner;

    public VirtualClock() {
        this(DEFAULT_MAX_EVENTS_PER_RUN);
    }

    public VirtualClock(int maxEventsPerRun) {
        if (maxEventsPerRun <= 0) {
            throw new IllegalArgumentException("maxEventsPerRun must be positive: " + maxEventsPerRun);
        }
        this.maxEventsPerRun = maxEventsPerRun;
    }

    /** Virtual nanoseconds since the clock was made. */
    public long nanoTime() {
        return now;
    }

    /** Virtual time since the clock was made. */
    public Duration elapsed() {
        return Duration.ofNanos(now);
    }

    /** Events waiting, cancelled ones included until they reach the head of the queue. */
    public int pendingEvents() {
        return queue.size();
    }

    /** A serial executor whose tasks run on this clock. */
    public SerialExecutor newSerialExecutor(String name) {
        return new VirtualSerialExecutor(name, this);
    }

    /** Runs every event due up to {@code now + duration}, in order, then sets the time to that instant. */
    public void advance(Duration duration) {
        long target = Math.addExact(now, nonNegativeNanos(duration));
        enterRun();
        try {
            int budget = maxEventsPerRun;
            Event next;
            while ((next = nextLiveEvent()) != null && next.time <= target) {
                budget = runOne(budget, "advance");
            }
            now = target;
        } finally {
            running = false;
        }
    }

    /**
     * Runs events one by one until {@code condition} holds (checked before the first event and after
     * each) or the next event lies beyond {@code now + maxVirtual}. Returns whether it held; when it
     * did not, the time is left at the deadline.
     */
    public boolean runUntil(BooleanSupplier condition, Duration maxVirtual) {
        Objects.requireNonNull(condition, "condition");
        long deadline = Math.addExact(now, nonNegativeNanos(maxVirtual));
        enterRun();
        try {
            int budget = maxEventsPerRun;
            while (!condition.getAsBoolean()) {
                Event next = nextLiveEvent();
                if (next == null || next.time > deadline) {
                    now = deadline;
                    return false;
                }
                budget = runOne(budget, "runUntil");
            }
            return true;
        } finally {
            running = false;
        }
    }

    /** Runs the events due now (including those they schedule for now); returns how many ran. */
    public int runPending() {
        enterRun();
        try {
            int budget = maxEventsPerRun;
            Event next;
            while ((next = nextLiveEvent()) != null && next.time <= now) {
                budget = runOne(budget, "runPending");
            }
            return maxEventsPerRun - budget;
        } finally {
            running = false;
        }
    }

    /** Queues {@code task} at absolute virtual time {@code atNanos} (not before now). */
    Event scheduleAt(long atNanos, Runnable task, VirtualSerialExecutor owner) {
        checkThread();
        Event event = new Event(Math.max(atNanos, now), nextSequence++, task, owner);
        queue.add(event);
        return event;
    }

    /** Queues {@code task} after {@code delayNanos} (negative counts as zero). */
    Event schedule(long delayNanos, Runnable task) {
        return scheduleAt(saturatingAdd(now, Math.max(0, delayNanos)), task, null);
    }

    /** The executor whose task is running now, or {@code null}. */
    VirtualSerialExecutor currentExecutor() {
        return currentExecutor;
    }

    private int runOne(int budget, String what) {
        if (budget == 0) {
            throw new IllegalStateException("VirtualClock." + what + " ran " + maxEventsPerRun
                    + " events without finishing (virtual time " + now + " ns): a task probably"
                    + " reschedules itself with zero or tiny delay forever");
        }
        Event event = queue.poll();
        now = event.time;
        VirtualSerialExecutor previous = currentExecutor;
        currentExecutor = event.owner;
        try {
            event.task.run();
        } finally {
            currentExecutor = previous;
        }
        return budget - 1;
    }

    /** Drops cancelled events at the head so the head is one that will run. */
    private Event nextLiveEvent() {
        Event head;
        while ((head = queue.peek()) != null && head.cancelled) {
            queue.poll();
        }
        return head;
    }

    private void enterRun() {
        checkThread();
        if (running) {
            throw new IllegalStateException("the VirtualClock is already running: do not drive it from inside a task");
        }
        running = true;
    }

    private void checkThread() {
        Thread current = Thread.currentThread();
        if (owner == null) {
            owner = current;
        } else if (owner != current) {
            throw new IllegalStateException("VirtualClock is single-threaded: it belongs to thread '"
                    + owner.getName() + "' but was used from '" + current.getName() + "'");
        }
    }

    private static long nonNegativeNanos(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative duration: " + duration);
        }
        return duration.toNanos();
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return sum < a ? Long.MAX_VALUE : sum;
    }

    /** One queued task; ordered by time, then by when it was queued. */
    static final class Event implements Comparable<Event>, SerialExecutor.Cancellable {
        final long time;
        final long sequence;
        final Runnable task;
        final VirtualSerialExecutor owner;
        boolean cancelled;

        Event(long time, long sequence, Runnable task, VirtualSerialExecutor owner) {
            this.time = time;
            this.sequence = sequence;
            this.task = task;
            this.owner = owner;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public int compareTo(Event other) {
            int byTime = Long.compare(time, other.time);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
