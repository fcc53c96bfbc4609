package dev.parley.rtc.media;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * How much later video plays than audio of the same capture instant, measured over a window:
 * each sample is (video's capture-to-playout delay) − (audio's), both on the sender's NTP clock
 * and the receiver's (the offset between the two clocks cancels). The estimate is the median of
 * the samples of one window, which shrugs off a picture that waited for a retransmission or a
 * playout run the executor started late.
 *
 * <p>After {@link #restart} (a delay was just changed) samples are ignored for
 * {@link #SETTLE_NANOS}: the audio jitter buffer reaches a new delay by changing its pace, over a
 * few hundred milliseconds, and samples from that ramp would make the next step overshoot. Samples
 * further apart than {@link #MAX_RELATIVE_NANOS} are bogus (a sender that reset its clock) and
 * dropped. Pure logic on the caller's clock; single-threaded.
 */
public final class RelativeDelayEstimator {
    /** Time for a change of delay to take effect before measuring again. */
    public static final long SETTLE_NANOS = 500_000_000L;
    /** A window lasts this long. */
    public static final long WINDOW_NANOS = 1_000_000_000L;
    /** Fewer samples than this in a window give no estimate. */
    static final int MIN_SAMPLES = 5;
    static final long MAX_RELATIVE_NANOS = 10_000_000_000L;
    private static final int MAX_SAMPLES = 256;

    private final long[] samples = new long[MAX_SAMPLES];
    private int count;
    private long windowStartNanos;
    private long bogus;

    public RelativeDelayEstimator(long nowNanos) {
        restart(nowNanos);
    }

    /** Forgets the samples; the next window starts after the settling time. */
    public void restart(long nowNanos) {
        count = 0;
        windowStartNanos = nowNanos + SETTLE_NANOS;
    }

    /** One sample: video's delay minus audio's, at {@code nowNanos}. */
    public void add(long relativeNanos, long nowNanos) {
        if (Math.abs(relativeNanos) > MAX_RELATIVE_NANOS) {
            bogus++;
            return;
        }
        if (nowNanos < windowStartNanos || count == MAX_SAMPLES) {
            return;
        }
        samples[count++] = relativeNanos;
    }

    /** The median of the window once it is complete (long enough, enough samples); empty before. */
    public OptionalLong estimate(long nowNanos) {
        if (nowNanos - windowStartNanos < WINDOW_NANOS || count < MIN_SAMPLES) {
            return OptionalLong.empty();
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return OptionalLong.of(sorted[count / 2]);
    }

    /** Samples dropped as implausible. */
    public long bogusSamples() {
        return bogus;
    }
}
