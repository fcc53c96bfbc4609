package dev.parley.app.signaling.server;

import java.time.Duration;

/**
 * Schedules the hub's time-outs (ringing, resume grace) on the hub's own thread. Tests pass a
 * manual implementation, so a 45 s ring time costs them nothing.
 */
interface HubTimers {

    /** Runs {@code task} on the hub's thread after {@code delay}, unless cancelled first. */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that can still be called off. */
    interface Cancellable {
        void cancel();
    }
}
