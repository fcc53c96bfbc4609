package dev.parley.rtc.media;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * When to show each decoded picture: at its capture time on the sender's clock (the RTP
 * timestamp) plus the fastest transit seen lately plus a target delay, the 95th percentile of
 * how late pictures have been ready lately (up to {@value #MAX_DELAY_MILLIS} ms). A picture that
 * waited for a retransmission is late by about a round trip; with the target covering that, the
 * viewer sees a steady picture a little later instead of a stutter — as browsers' jitter buffers
 * do. On a clean link the target is the few milliseconds of pacing and scheduling noise.
 *
 * <p>Render times never go backwards, so pictures are shown in order. Times are nanoseconds on the
 * receiver's clock; RTP timestamps are unwrapped here. Single-threaded.
 */
public final class VideoPlayout {
    static final long MAX_DELAY_MILLIS = 400;
    private static final long WINDOW_NANOS = 10_000_000_000L;
    private static final int CLOCK_RATE = 90_000;

    private final ArrayDeque<long[]> recent = new ArrayDeque<>(); // {readyNanos, transitNanos}
    private long lastTimestamp = -1;
    private long unwrappedTimestamp;
    private long lastRenderNanos = Long.MIN_VALUE;
    private long targetDelayNanos;

    /** The time to show a picture of {@code rtpTimestamp} that is ready (decoded) at {@code readyNanos}. */
    public long renderTime(long rtpTimestamp, long readyNanos) {
        long mediaNanos = unwrap(rtpTimestamp) * 1_000_000_000L / CLOCK_RATE;
        long transit = readyNanos - mediaNanos;
        recent.addLast(new long[] {readyNanos, transit});
        while (readyNanos - recent.peekFirst()[0] > WINDOW_NANOS) {
            recent.removeFirst();
        }
        long base = Long.MAX_VALUE;
        for (long[] r : recent) {
            base = Math.min(base, r[1]);
        }
        long[] lateness = new long[recent.size()];
        int i = 0;
        for (long[] r : recent) {
            lateness[i++] = r[1] - base;
        }
        Arrays.sort(lateness);
        targetDelayNanos = Math.min(MAX_DELAY_MILLIS * 1_000_000L, lateness[(int) ((lateness.length - 1) * 0.95)]);
        long render = Math.max(readyNanos, mediaNanos + base + targetDelayNanos);
        render = lastRenderNanos == Long.MIN_VALUE ? render : Math.max(render, lastRenderNanos);
        lastRenderNanos = render;
        return render;
    }

    /** The delay pictures are held for now on top of the fastest transit, in nanoseconds. */
    public long targetDelayNanos() {
        return targetDelayNanos;
    }

    private long unwrap(long timestamp) {
        if (lastTimestamp < 0) {
            unwrappedTimestamp = timestamp;
        } else {
            int delta = (int) (timestamp - lastTimestamp); // signed difference modulo 2^32
            unwrappedTimestamp += delta;
        }
        lastTimestamp = timestamp;
        return unwrappedTimestamp;
    }
}
