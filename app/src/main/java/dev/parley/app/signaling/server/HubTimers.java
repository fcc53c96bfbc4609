package dev.parley.app.signaling.server;

import java.time.Duration;

/**
 * Schedules the hub's time-outs (ringing, resume grace, the silence sweep) on the hub's own
 * thread, and tells the time they are measured in. Tests pass a manual implementation, so a 45 s
 * ring time costs them nothing.
 */
interface HubTimers {

    /** Now, on the {@link System#nanoTime()} scale that {@link ClientConnection#lastHeardNanos()} uses. */
    long nanoTime();

    /** Runs {@code task} on the hub's thread after {@code delay}, unless cancelled first. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that can still be called off. */
    interface Cancellable {
        void cancel();
    }
}
