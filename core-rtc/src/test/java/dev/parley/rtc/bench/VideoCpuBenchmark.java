package dev.parley.rtc.bench;

import dev.parley.rtc.VideoTrackSource;
import dev.parley.rtc.media.PacedVideoSource;
import dev.parley.rtc.media.TestPattern;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Issue #6's CPU cost of a 720p30 VP8 call, side by side: CPU-seconds per wall second of one
 * 1280x720@30 stream from a sender to a receiver in the same process, encode and decode and all
 * the transport between, over a {@link #WINDOW} window once the receiver has decoded 1280-wide
 * frames for {@link #WARMUP}. Parley: {@link ParleyVideoCall} (both peer connections in this JVM,
 * 127.0.0.1), this JVM's CPU time. Chromium: two pcs in one page in a test namespace, its fake
 * camera playing our test pattern from a Y4M file, the CPU time of its whole process tree. Each
 * side's camera-only cost (the camera running, no call; Parley draws the pattern live, Chromium
 * reads the file) is measured first and subtracted, so the figure is the call's own cost; both
 * figures are in the notes, with the bitrate each side sent and the frames decoded per second
 * (the comparison holds only if both decode ~30). Needs root. Target: Parley ≤ 1.0 × Chromium.
 */
public final class VideoCpuBenchmark {
    private static final String HOST_IP = "10.213.72.1";
    private static final String NS_IP = "10.213.72.2";
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 720;
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final Duration BASELINE = Duration.ofSeconds(5);
    private static final Duration WARMUP = Duration.ofSeconds(5);
    private static final Duration WINDOW = Duration.ofSeconds(20);
    private static final Duration MAX_RAMP = Duration.ofSeconds(45);

    /** A process's CPU time so far. */
    private interface CpuClock {
        Duration now() throws Exception;
    }

    /** One side: CPU per second in the call and camera-only, and the stats at the window's ends. */
    record Side(double callCpu, double cameraCpu, VideoSample from, VideoSample to) {
        double net() {
            return callCpu - cameraCpu;
        }

        double fps() {
            return to.fpsSince(from);
        }

        String describe(String who) {
            return String.format(Locale.ROOT, "%s: %.3f cpu-s/s in the call - %.3f camera only = %.3f; %.1f frames"
                    + " decoded/s at %dx%d, %.0f kbit/s sent (payload), estimate %.0f kbit/s at the end, quality"
                    + " limitation %s", who, callCpu, cameraCpu, net(), fps(), to.frameWidth(), to.frameHeight(),
                    to.bitrateSince(from) / 1000, to.availableOutgoingBitrate() / 1000, to.limitation());
        }
    }

    private VideoCpuBenchmark() {}

    public static void main(String[] args) throws Exception {
        String loadBefore = BenchReport.loadAverage();
        Side parley = parley();
        System.out.println(parley.describe("parley"));
        Side chromium;
        try (ChromiumVideoPage.PlayingPattern browser = new ChromiumVideoPage.PlayingPattern(HOST_IP, NS_IP, WIDTH,
                HEIGHT)) {
            chromium = chromium(browser.page);
        }
        System.out.println(chromium.describe("chromium"));
        boolean valid = Math.abs(parley.fps() - 30) <= 2 && Math.abs(chromium.fps() - 30) <= 2;
        // Each side's own rate control picks its bitrate, and encoding costs more at more bits: say when they differ.
        double bitrates = parley.to().bitrateSince(parley.from()) / chromium.to().bitrateSince(chromium.from());
        String mismatch = Math.abs(bitrates - 1) <= 0.25 ? "" : String.format(Locale.ROOT, " bitrates differ (parley"
                + " sent %.2fx chromium's), which favours the side that sent less;", bitrates);
        String notes = String.format(Locale.ROOT, "one 1280x720@30 VP8 stream, sender and receiver in one process"
                + " each side, %d s window after %d s at 1280 wide; CPU per wall second minus the camera-only cost"
                + " (parley: this JVM drawing the TestPattern live; chromium: its process tree playing the same"
                + " pattern from a Y4M file); %s; %s;%s%s load average %s before, %s after",
                WINDOW.toSeconds(), WARMUP.toSeconds(), parley.describe("parley"), chromium.describe("chromium"),
                valid ? "" : " VOID: a receiver did not decode ~30 frames/s;", mismatch, loadBefore,
                BenchReport.loadAverage());
        System.out.println(mismatch.isEmpty() ? "bitrates within 25%" : mismatch.trim());
        new BenchReport("video-cpu-720p30", "cpu-s/s", "lower", parley.net(), chromium.net(), 1.0, 1, notes).publish();
    }

    private static Side parley() throws Exception {
        double camera;
        try (VideoTrackSource source = new VideoTrackSource();
                PacedVideoSource pacer = new PacedVideoSource(new TestPattern(WIDTH, HEIGHT), 30, source)) {
            source.createTrack("camera only");
            pacer.start();
            camera = cpuPerSecond(ThroughputWindow::jvmCpu, SETTLE, BASELINE);
        }
        try (ParleyVideoCall call = new ParleyVideoCall(WIDTH, HEIGHT)) {
            call.connect(null);
            call.awaitConnected();
            return inCall(call::sample, ThroughputWindow::jvmCpu, camera);
        }
    }

    private static Side chromium(ChromiumVideoPage page) throws Exception {
        page.camera(WIDTH, HEIGHT);
        double camera = cpuPerSecond(page::cpuTime, SETTLE, BASELINE);
        page.call(false);
        try {
            return inCall(page::sample, page::cpuTime, camera);
        } finally {
            page.hangUp();
        }
    }

    /** Waits for 1280-wide frames and {@link #WARMUP}, then measures over {@link #WINDOW}. */
    private static Side inCall(VideoSampler.Source stats, CpuClock cpu, double camera) throws Exception {
        List<VideoSample> ramp = VideoSampler.until(stats, s -> s.get(s.size() - 1).frameWidth() >= WIDTH, MAX_RAMP);
        if (ramp.get(ramp.size() - 1).frameWidth() < WIDTH) {
            System.out.println("receiver still below 1280 wide after " + MAX_RAMP.toSeconds() + " s; measuring anyway");
        }
        Thread.sleep(WARMUP.toMillis());
        VideoSample from = stats.sample();
        double perSecond = cpuPerSecond(cpu, Duration.ZERO, WINDOW);
        return new Side(perSecond, camera, from, stats.sample());
    }

    /** CPU-seconds per wall second of {@code cpu} over {@code window}, after {@code settle}. */
    private static double cpuPerSecond(CpuClock cpu, Duration settle, Duration window) throws Exception {
        Thread.sleep(settle.toMillis());
        Duration c0 = cpu.now();
        long t0 = System.nanoTime();
        Thread.sleep(window.toMillis());
        Duration c1 = cpu.now();
        long t1 = System.nanoTime();
        return c1.minus(c0).toNanos() / (double) (t1 - t0);
    }
}
