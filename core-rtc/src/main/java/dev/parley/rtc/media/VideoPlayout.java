package dev.parley.rtc.media;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * When to show each decoded picture: at its capture time on the sender's clock (the RTP
 * timestamp) plus the fastest transit seen lately plus a target delay: the 95th percentile of
 * how late pictures have been ready lately, or the latest late picture's lateness, whichever is
 * more — that one rises at once and then eases off by {@value #PEAK_DECAY_MILLIS_PER_SECOND} ms
 * per second (up to {@value #MAX_DELAY_MILLIS} ms in all). A picture that waited for a
 * retransmission is late by about a round trip, and at 5% loss one in five pictures does; one in
 * fifty waits for a second retransmission, too rare for a percentile of a few seconds but often
 * enough to stutter every other second. With the target covering those, the viewer sees a steady
 * picture a little later instead — as browsers' jitter buffers do. On a clean link the target is
 * the few milliseconds of pacing and scheduling noise.
 *
 * <p>Audio/video sync may hold pictures back further ({@link #setExtraDelay}); a smaller extra
 * delay lets the waiting pictures out sooner. Render times never go backwards, so pictures are shown in order. Times are nanoseconds on the
 * receiver's clock; RTP timestamps are unwrapped here. Single-threaded.
 */
public final class VideoPlayout {
    static final long MAX_DELAY_MILLIS = 400;
    static final double PERCENTILE = 0.95;
    static final long PEAK_DECAY_MILLIS_PER_SECOND = 20;
    private static final long WINDOW_NANOS = 10_000_000_000L;
    private static final int CLOCK_RATE = 90_000;

    private final ArrayDeque<long[]> recent = new ArrayDeque<>(); // {readyNanos, transitNanos}
    private long lastTimestamp = -1;
    private long unwrappedTimestamp;
    private long lastRenderNanos = Long.MIN_VALUE;
    private long targetDelayNanos;
    private double peakNanos;
    private long lastReadyNanos = Long.MIN_VALUE;
    private long extraDelayNanos;

    /** Delay added to every picture's render time from now on, for audio/video sync. */
    public void setExtraDelay(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("extra delay " + nanos + " ns");
        }
        extraDelayNanos = nanos;
    }

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
        if (lastReadyNanos != Long.MIN_VALUE) {
            peakNanos -= PEAK_DECAY_MILLIS_PER_SECOND * 1e6 * ((readyNanos - lastReadyNanos) / 1e9);
        }
        lastReadyNanos = readyNanos;
        peakNanos = Math.max(peakNanos, transit - base);
        long percentile = lateness[(int) ((lateness.length - 1) * PERCENTILE)];
        targetDelayNanos = Math.min(MAX_DELAY_MILLIS * 1_000_000L, Math.max(percentile, (long) peakNanos));
        long render = Math.max(readyNanos, mediaNanos + base + targetDelayNanos + extraDelayNanos);
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
