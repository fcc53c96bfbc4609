package dev.parley.rtc.bench;

import dev.parley.rtc.VideoFrame;
import dev.parley.rtc.media.TestPattern;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Issue #6's glass-to-glass latency, Parley↔Parley only (a browser's is not observable the same
 * way): a 1280x720@30 {@link TestPattern} camera sent over {@link ParleyVideoCall} (VP8, 127.0.0.1)
 * and, for each frame the remote track's sink gets, the time from the frame's capture stamp (its
 * pacing deadline, read back from the decoded picture's marker band) to the sink call, on the one
 * System.nanoTime clock of this JVM. Includes drawing the picture, encoding, packetizing, SRTP, UDP
 * on loopback, reassembly and decoding. {@link #FRAMES} frames after {@link #WARMUP_MS} ms of
 * warm-up. Targets: median ≤ 50 ms, p95 ≤ 80 ms.
 */
public final class VideoGlassToGlassBenchmark {
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 720;
    private static final long WARMUP_MS = 2_000;
    private static final int FRAMES = 600;

    private VideoGlassToGlassBenchmark() {}

    public static void main(String[] args) throws Exception {
        String loadBefore = BenchReport.loadAverage();
        double drawMs = drawingTime();
        Latencies latencies = new Latencies(new TestPattern(WIDTH, HEIGHT));
        VideoSample first;
        VideoSample last;
        try (ParleyVideoCall call = new ParleyVideoCall(WIDTH, HEIGHT)) {
            call.connect(latencies::onFrame);
            long connected = call.awaitConnected();
            latencies.measureFrom = connected + WARMUP_MS * 1_000_000;
            Thread.sleep(WARMUP_MS);
            first = call.sample();
            if (!latencies.done.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("only " + latencies.count + " frames within 60 s");
            }
            last = call.sample();
        }
        double[] ms = Arrays.copyOf(latencies.ms, FRAMES);
        Arrays.sort(ms);
        double median = BenchReport.median(ms.clone());
        double p95 = BenchReport.percentile(ms, 95);
        double p99 = BenchReport.percentile(ms, 99);
        double max = ms[ms.length - 1];
        String summary = String.format(Locale.ROOT, "glass-to-glass over %d frames: min %.1f median %.1f p95 %.1f"
                + " p99 %.1f max %.1f ms", FRAMES, ms[0], median, p95, p99, max);
        System.out.println(summary);
        String notes = String.format(Locale.ROOT, "%s; capture stamp (pacing deadline) to the remote sink call,"
                + " 1280x720@30 VP8 TestPattern, in-process pair on 127.0.0.1, one clock; includes drawing the picture"
                + " (%.1f ms median alone), encode, send, decode; %d frames after %d ms warm-up, %d unreadable stamps"
                + " skipped, %d frame numbers missing between measured frames; meanwhile"
                + " %.1f frames decoded/s at %.0f kbit/s sent; load average %s before, %s after",
                summary, drawMs, FRAMES, WARMUP_MS, latencies.unreadable, latencies.missing, last.fpsSince(first),
                last.bitrateSince(first) / 1000, loadBefore, BenchReport.loadAverage());
        new BenchReport("video-glass-to-glass", "ms", "lower", median, null, 50, FRAMES, notes).publish();
        new BenchReport("video-glass-to-glass-p95", "ms", "lower", p95, null, 80, FRAMES, notes).publish();
    }

    /** Median ms to draw one pattern frame, the camera's own share of the latency. */
    private static double drawingTime() {
        TestPattern pattern = new TestPattern(WIDTH, HEIGHT);
        double[] ms = new double[60];
        for (int i = 0; i < 90; i++) {
            long t0 = System.nanoTime();
            pattern.nextFrame(t0);
            if (i >= 30) {
                ms[i - 30] = (System.nanoTime() - t0) / 1e6;
            }
        }
        return BenchReport.median(ms);
    }

    /** The sink: latency of each frame that arrives after warm-up, until {@link #FRAMES}. */
    private static final class Latencies {
        private final TestPattern reader;
        final double[] ms = new double[FRAMES];
        final CountDownLatch done = new CountDownLatch(1);
        volatile long measureFrom = Long.MAX_VALUE;
        int count;
        int unreadable;
        /** Frame numbers never seen between measured ones (frames the call lost or skipped). */
        long missing;
        private long lastNumber = -1;

        Latencies(TestPattern reader) {
            this.reader = reader;
        }

        synchronized void onFrame(VideoFrame frame) {
            long now = System.nanoTime(); // first: reading the stamp is not part of the latency
            if (now < measureFrom || count == FRAMES) {
                return;
            }
            var stamp = reader.read(frame);
            if (stamp.isEmpty()) {
                unreadable++;
                return;
            }
            ms[count++] = (now - stamp.get().captureTimeNanos()) / 1e6;
            if (lastNumber >= 0) {
                missing += Math.max(0, stamp.get().frameNumber() - lastNumber - 1);
            }
            lastNumber = stamp.get().frameNumber();
            if (count == FRAMES) {
                done.countDown();
            }
        }
    }
}
