package dev.parley.rtc.media;

import java.util.ArrayDeque;

/**
 * Frames per second over the last second, for W3C {@code framesPerSecond} ("the number of frames
 * encoded/decoded in the last second"). Thread-safe: frames are counted on a media thread and
 * read by stats.
 */
public final class FrameRateMeter {
    private static final long WINDOW_NANOS = 1_000_000_000L;
    private final ArrayDeque<Long> times = new ArrayDeque<>();

    public synchronized void add(long nowNanos) {
        times.addLast(nowNanos);
        trim(nowNanos);
    }

    /** Frames counted in the second before {@code nowNanos}. */
    public synchronized int framesPerSecond(long nowNanos) {
        trim(nowNanos);
        return times.size();
    }

    private void trim(long nowNanos) {
        while (!times.isEmpty() && nowNanos - times.peekFirst() >= WINDOW_NANOS) {
            times.removeFirst();
        }
    }
}
