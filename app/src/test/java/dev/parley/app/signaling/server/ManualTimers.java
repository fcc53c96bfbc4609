package dev.parley.app.signaling.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Timers that fire only when the test says so: a 45 s ring costs nothing. */
final class ManualTimers implements HubTimers {
    private final List<Entry> pending = new ArrayList<>();
    /** The time the hub reads; tests move it. */
    long nanoTime;

    private static final class Entry implements Cancellable {
        final Duration delay;
        final Runnable task;
        boolean cancelled;

        Entry(Duration delay, Runnable task) {
            this.delay = delay;
            this.task = task;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Override
    public long nanoTime() {
        return nanoTime;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Entry e = new Entry(delay, task);
        pending.add(e);
        return e;
    }

    /** Runs every live task scheduled with exactly {@code delay}; returns how many ran. */
    int fire(Duration delay) {
        int ran = 0;
        for (Entry e : List.copyOf(pending)) {
            if (!e.cancelled && e.delay.equals(delay)) {
                pending.remove(e);
                e.task.run();
                ran++;
            }
        }
        return ran;
    }

    /** Tasks still to run that were scheduled with {@code delay}. */
    long live(Duration delay) {
        return pending.stream().filter(e -> !e.cancelled && e.delay.equals(delay)).count();
    }
}
