package dev.parley.rtc.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Reads a video call's stats every {@link #PERIOD} (Parley's or Chromium's alike) until told to stop. */
final class VideoSampler {
    static final Duration PERIOD = Duration.ofMillis(250);

    /** Where the readings come from: {@link ParleyVideoCall#sample} or {@link ChromiumVideoPage#sample}. */
    interface Source {
        VideoSample sample() throws Exception;
    }

    private VideoSampler() {}

    /**
     * Readings every {@link #PERIOD}, on a fixed schedule, until {@code done} accepts them or
     * {@code max} has passed; the first reading is taken at once.
     */
    static List<VideoSample> until(Source source, Predicate<List<VideoSample>> done, Duration max) throws Exception {
        List<VideoSample> samples = new ArrayList<>();
        long start = System.nanoTime();
        for (int n = 0; ; n++) {
            long due = start + n * PERIOD.toNanos();
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            samples.add(source.sample());
            if (done.test(samples) || System.nanoTime() - start >= max.toNanos()) {
                return samples;
            }
        }
    }

    /** The first reading at which the receiver decodes frames {@code width} wide; null if none. */
    static VideoSample firstAtWidth(List<VideoSample> samples, long width) {
        return samples.stream().filter(s -> s.frameWidth() >= width).findFirst().orElse(null);
    }
}
