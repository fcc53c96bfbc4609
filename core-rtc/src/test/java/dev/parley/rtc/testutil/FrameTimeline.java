package dev.parley.rtc.testutil;

import java.util.ArrayList;
import java.util.List;

/**
 * When a video sink received its frames, for judging smoothness: frames per second and the time
 * spent frozen (a gap between frames longer than a threshold counts whole, as a viewer sees it).
 * Thread-safe: a sink adds from the decoding thread while the test reads.
 */
public final class FrameTimeline {
    private final List<Long> arrivals = new ArrayList<>();

    /** Records a frame delivered at {@code nanos} ({@link System#nanoTime()}). */
    public synchronized void add(long nanos) {
        arrivals.add(nanos);
    }

    public synchronized int frames() {
        return arrivals.size();
    }

    /** Frames per second between the first and the last frame. */
    public synchronized double framesPerSecond() {
        if (arrivals.size() < 2) {
            return 0;
        }
        return (arrivals.size() - 1) / ((arrivals.get(arrivals.size() - 1) - arrivals.get(0)) / 1e9);
    }

    /** The share of the time from first to last frame spent in gaps longer than {@code thresholdMillis}. */
    public synchronized double frozenFraction(long thresholdMillis) {
        if (arrivals.size() < 2) {
            return 1;
        }
        long frozen = 0;
        for (int i = 1; i < arrivals.size(); i++) {
            long gap = arrivals.get(i) - arrivals.get(i - 1);
            if (gap > thresholdMillis * 1_000_000L) {
                frozen += gap;
            }
        }
        return (double) frozen / (arrivals.get(arrivals.size() - 1) - arrivals.get(0));
    }

    /** The gaps longer than {@code thresholdMillis}, in milliseconds and in order: what froze, and for how long. */
    public synchronized List<Long> gapsOverMillis(long thresholdMillis) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < arrivals.size(); i++) {
            long gap = arrivals.get(i) - arrivals.get(i - 1);
            if (gap > thresholdMillis * 1_000_000L) {
                gaps.add(gap / 1_000_000L);
            }
        }
        return gaps;
    }

    /** The longest gap between two frames, in milliseconds. */
    public synchronized double longestGapMillis() {
        long longest = 0;
        for (int i = 1; i < arrivals.size(); i++) {
            longest = Math.max(longest, arrivals.get(i) - arrivals.get(i - 1));
        }
        return longest / 1e6;
    }
}
