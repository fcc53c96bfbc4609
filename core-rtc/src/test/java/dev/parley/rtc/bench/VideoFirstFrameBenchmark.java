package dev.parley.rtc.bench;

import dev.parley.rtc.testutil.ChromiumPeer;
import dev.parley.rtc.testutil.NetworkNamespace;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Issue #6's time to first frame, side by side: milliseconds from {@code createOffer} to the
 * receiver's first decoded 640x480 video frame, camera already running at 30 fps. Parley↔Parley:
 * {@link ParleyVideoCall} on 127.0.0.1, first frame = the first call of a sink on the remote track.
 * Chromium↔Chromium: two {@code RTCPeerConnection}s in one page in a test namespace, the fake
 * camera at 640x480, first frame = the first frame a {@code MediaStreamTrackProcessor} on the
 * remote track reads (video-bench.js). Both include ICE, DTLS, the first key frame's encode,
 * packetization, transport and decode. Median of {@link #RUNS} after {@link #WARMUP}; needs root
 * (the namespace). Target: Parley ≤ 1.0 × Chromium.
 */
public final class VideoFirstFrameBenchmark {
    private static final String HOST_IP = "10.213.70.1";
    private static final String NS_IP = "10.213.70.2";
    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;
    private static final int WARMUP = 10;
    private static final int RUNS = 15;

    /**
     * One call's milestones in ms after the offer; {@code plis}: key frames the receiver had asked
     * for by its first frame (-1: not read).
     */
    record Timeline(double connected, double track, double firstFrame, long plis) {}

    private VideoFirstFrameBenchmark() {}

    public static void main(String[] args) throws Exception {
        String loadBefore = BenchReport.loadAverage();
        Timeline[] parley = new Timeline[RUNS];
        for (int i = 0; i < WARMUP + RUNS; i++) {
            Timeline t = parleyOnce();
            if (i >= WARMUP) {
                parley[i - WARMUP] = t;
            }
        }
        Timeline[] chromium = new Timeline[RUNS];
        String method;
        try (NetworkNamespace ns = NetworkNamespace.create(HOST_IP, NS_IP);
                ChromiumPeer browser = ChromiumPeer.start(ns)) {
            ChromiumVideoPage page = ChromiumVideoPage.load(browser);
            page.camera(WIDTH, HEIGHT);
            method = page.firstFrameMethod();
            for (int i = 0; i < WARMUP + RUNS; i++) {
                Map<?, ?> t = page.call(true);
                if (i >= WARMUP) {
                    chromium[i - WARMUP] = new Timeline(number(t, "connected"), number(t, "track"),
                            number(t, "firstFrame"), -1);
                }
            }
            page.hangUp();
        }
        double p = median(parley, Timeline::firstFrame);
        double c = median(chromium, Timeline::firstFrame);
        String parts = "createOffer to receiver connected / track event / first frame, medians ms: parley %.1f / %.1f"
                + " / %.1f, chromium %.1f / %.1f / %.1f; connected to first frame, median of each run's: parley %.1f,"
                + " chromium %.1f";
        ToDoubleFunction<Timeline> afterConnected = t -> t.firstFrame() - t.connected();
        String timeline = String.format(Locale.ROOT, parts, median(parley, Timeline::connected),
                median(parley, Timeline::track), p, median(chromium, Timeline::connected),
                median(chromium, Timeline::track), c, median(parley, afterConnected), median(chromium, afterConnected));
        String each = String.format(Locale.ROOT, "each run's first frame, sorted, ms: parley %s, chromium %s;"
                + " parley runs whose receiver sent a PLI before its first frame: %d of %d", sorted(parley),
                sorted(chromium), Arrays.stream(parley).filter(t -> t.plis() > 0).count(), RUNS);
        System.out.println(timeline);
        System.out.println(each);
        String notes = String.format(Locale.ROOT, "%dx%d@30 camera running before the offer, VP8, trickle ICE;"
                + " parley: in-process pair on 127.0.0.1, first sink call on the remote track; chromium: two pcs in one"
                + " page in a test namespace, fake camera, first frame read by %s; %d runs after %d warm-up each;"
                + " parley first frame min %.1f p90 %.1f, chromium min %.1f p90 %.1f; %s; %s; load average %s"
                + " before, %s after", WIDTH, HEIGHT, method, RUNS, WARMUP, min(parley), p90(parley), min(chromium),
                p90(chromium), timeline, each, loadBefore, BenchReport.loadAverage());
        new BenchReport("video-first-frame", "ms", "lower", p, c, 1.0, RUNS, notes).publish();
    }

    private static Timeline parleyOnce() throws Exception {
        CompletableFuture<Long> first = new CompletableFuture<>();
        try (ParleyVideoCall call = new ParleyVideoCall(WIDTH, HEIGHT)) {
            call.connect(frame -> first.complete(System.nanoTime()));
            long frameAt = first.get(20, TimeUnit.SECONDS);
            return new Timeline(call.msSinceOffer(call.awaitConnected()), call.msSinceOffer(call.trackAt.get()),
                    call.msSinceOffer(frameAt), call.sample().keyFramesRequested());
        }
    }

    private static double median(Timeline[] runs, ToDoubleFunction<Timeline> part) {
        return BenchReport.median(Arrays.stream(runs).mapToDouble(part).toArray());
    }

    private static double min(Timeline[] runs) {
        return Arrays.stream(runs).mapToDouble(Timeline::firstFrame).min().orElse(Double.NaN);
    }

    private static double p90(Timeline[] runs) {
        double[] sorted = Arrays.stream(runs).mapToDouble(Timeline::firstFrame).sorted().toArray();
        return BenchReport.percentile(sorted, 90);
    }

    private static String sorted(Timeline[] runs) {
        return Arrays.toString(Arrays.stream(runs)
                .mapToLong(t -> Math.round(t.firstFrame())).sorted().toArray());
    }

    private static double number(Map<?, ?> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }
}
