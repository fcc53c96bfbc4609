package dev.parley.rtc.net;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A {@link SerialExecutor} on a {@link VirtualClock}: {@code execute} queues at the current virtual
 * time, {@code schedule} at now + delay. Serial for free, since the clock runs one task at a time.
 */
final class VirtualSerialExecutor implements SerialExecutor {
    private static final Cancellable NOTHING = () -> {};

    private final String name;
    private final VirtualClock clock;
    private final Runnable onClose;
    private boolean closed;

    VirtualSerialExecutor(String name, VirtualClock clock) {
        this(name, clock, () -> {});
    }

    /** @param onClose runs once, at the first {@link #close()} (lets a host forget the executor) */
    VirtualSerialExecutor(String name, VirtualClock clock, Runnable onClose) {
        this.name = Objects.requireNonNull(name, "name");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onClose = Objects.requireNonNull(onClose, "onClose");
    }

    @Override
    public void execute(Runnable task) {
        schedule(task, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public Cancellable schedule(Runnable task, long delay, TimeUnit unit) {
        Objects.requireNonNull(task, "task");
        if (closed) {
            return NOTHING;
        }
        long delayNanos = Math.max(0, unit.toNanos(delay));
        long at = clock.nanoTime() + delayNanos;
        if (at < 0) {
            at = Long.MAX_VALUE; // overflow: "never", in practice
        }
        // Tasks already queued when close() is called are dropped here, at run time.
        return clock.scheduleAt(at, () -> {
            if (!closed) {
                task.run();
            }
        }, this);
    }

    @Override
    public long nanoTime() {
        return clock.nanoTime();
    }

    @Override
    public boolean inExecutor() {
        return clock.currentExecutor() == this;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.run();
        }
    }

    @Override
    public String toString() {
        return "VirtualSerialExecutor[" + name + "]";
    }
}
