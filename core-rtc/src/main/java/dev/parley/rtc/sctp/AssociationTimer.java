package dev.parley.rtc.sctp;

import dev.parley.rtc.net.SerialExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One of the association's timers (T1-init, T1-cookie, T2-shutdown, T3-rtx, delayed SACK,
 * heartbeat, RE-CONFIG): started, restarted and stopped on the association's executor; a firing
 * that lost a race with {@link #stop()} is ignored through the generation count.
 */
final class AssociationTimer {
    private final SerialExecutor executor;
    private final Runnable onExpiry;
    private SerialExecutor.Cancellable pending;
    private long generation;
    /** Expiries since the last start from scratch: the retransmission count of T1/T2/RE-CONFIG. */
    private int expiries;

    AssociationTimer(SerialExecutor executor, Runnable onExpiry) {
        this.executor = executor;
        this.onExpiry = onExpiry;
    }

    /** (Re)starts the timer to fire after {@code delayNanos}. */
    void start(long delayNanos) {
        cancelPending();
        long mine = ++generation;
        pending = executor.schedule(() -> {
            if (mine == generation) {
                pending = null;
                expiries++;
                onExpiry.run();
            }
        }, Math.max(1, delayNanos), TimeUnit.NANOSECONDS);
    }

    /** Starts the timer unless it is already running. */
    void startIfIdle(long delayNanos) {
        if (!isRunning()) {
            start(delayNanos);
        }
    }

    void stop() {
        cancelPending();
        generation++;
        expiries = 0;
    }

    boolean isRunning() {
        return pending != null;
    }

    int expiries() {
        return expiries;
    }

    private void cancelPending() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }
}
