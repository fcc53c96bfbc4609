package dev.parley.media;

/**
 * When a capture thread takes its next picture: one tick per frame interval, as a camera's own
 * clock does. A thread that fell more than a frame behind (a slow read, a busy machine) skips
 * ahead instead of catching up in a burst, as a camera drops frames.
 *
 * <p>One thread uses it.
 */
final class FrameClock {
    private long interval;
    private long due;

    FrameClock(double frameRate) {
        restart(frameRate);
    }

    /** A new rate, counted from now (the next picture is due at once). */
    void restart(double frameRate) {
        interval = Math.round(1e9 / frameRate);
        due = System.nanoTime();
    }

    /**
     * Nanoseconds to wait before the next picture is due; 0 when it is due now, and then the
     * clock has moved on to the one after.
     */
    long untilNext() {
        long now = System.nanoTime();
        long wait = due - now;
        if (wait > 0) {
            return wait;
        }
        if (-wait > interval) {
            due = now;
        }
        due += interval;
        return 0;
    }
}
