package dev.parley.rtc.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Issue #6's ramp-up: seconds from the receiver's {@code connected} until it decodes frames 1280
 * wide (inbound-rtp {@code frameWidth}, read every {@link VideoSampler#PERIOD}, so ±0.25 s), a
 * 1280x720@30 camera on an unlimited link. Parley↔Parley: {@link ParleyVideoCall} on 127.0.0.1,
 * whatever resolution and rate control the sender does today (it sends the camera's size from
 * the first frame). Chromium↔Chromium: two pcs in one page in a test namespace, its fake camera
 * playing our test pattern from a Y4M file (Chromium starts at 320x180 and climbs with its
 * bandwidth estimate, ~18–20 s here). Both run {@link #SPAN} at least, so the notes carry the
 * sender's bitrate curve (payload bytes sent, per second) and the receiver's lost packets (the
 * overshoot). Needs root. Target: Parley ≤ 3 s; the ratio is printed too.
 */
public final class VideoRampBenchmark {
    private static final String HOST_IP = "10.213.71.1";
    private static final String NS_IP = "10.213.71.2";
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 720;
    private static final Duration SPAN = Duration.ofSeconds(25);
    private static final Duration MAX = Duration.ofSeconds(45);

    /** One side's run: the readings and the connected moment on the same clock. */
    record Ramp(List<VideoSample> samples, double connectedMs) {
        /** Seconds from connected to decoding 1280 wide; null if it never did. */
        Double seconds() {
            VideoSample at = VideoSampler.firstAtWidth(samples, WIDTH);
            return at == null ? null : (at.atMs() - connectedMs) / 1000;
        }

        VideoSample last() {
            return samples.get(samples.size() - 1);
        }

        String describe(String who) {
            Double s = seconds();
            VideoSample last = last();
            int perSecond = (int) (1000 / VideoSampler.PERIOD.toMillis());
            VideoSample first = VideoSampler.firstAtWidth(samples, 1);
            return String.format(Locale.ROOT, "%s: %s, first decoded size %s; overshoot: lost %d packets (of %d"
                    + " received); ended at %dx%d,"
                    + " %.0f kbit/s in the last second, estimate %.0f kbit/s; bitrate curve (s after first reading,"
                    + " size, kbit/s per second): %s", who,
                    s == null ? "no 1280-wide frame within " + MAX.toSeconds() + " s" : String.format(Locale.ROOT,
                            "1280 wide %.2f s after connected", s),
                    first == null ? "none" : first.frameWidth() + "x" + first.frameHeight(), last.packetsLost(),
                    last.packetsReceived(),
                    last.frameWidth(), last.frameHeight(),
                    last.bitrateSince(samples.get(Math.max(0, samples.size() - 1 - perSecond))) / 1000,
                    last.availableOutgoingBitrate() / 1000,
                    VideoSample.curve(samples, samples.get(0).atMs(), perSecond));
        }
    }

    private VideoRampBenchmark() {}

    public static void main(String[] args) throws Exception {
        String loadBefore = BenchReport.loadAverage();
        Ramp parley = parley();
        System.out.println(parley.describe("parley"));
        Ramp chromium;
        try (ChromiumVideoPage.PlayingPattern browser = new ChromiumVideoPage.PlayingPattern(HOST_IP, NS_IP, WIDTH,
                HEIGHT)) {
            chromium = chromium(browser.page);
        }
        System.out.println(chromium.describe("chromium"));
        Double p = parley.seconds();
        Double c = chromium.seconds();
        String notes = String.format(Locale.ROOT, "connected to the receiver decoding 1280 wide, 1280x720@30 camera"
                + " (parley: TestPattern live; chromium: the same pattern from a Y4M file), unlimited link (parley:"
                + " 127.0.0.1 in-process; chromium: two pcs in one page in a test namespace), stats every %d ms;"
                + " %s; %s; load average %s before, %s after",
                VideoSampler.PERIOD.toMillis(), parley.describe("parley"), chromium.describe("chromium"), loadBefore,
                BenchReport.loadAverage());
        if (p != null && c != null) {
            System.out.printf(Locale.ROOT, "ramp to 1280 wide: parley %.2f s, chromium %.2f s, ratio %.3f%n", p, c,
                    p / c);
        }
        // A side that never got there is reported at the cap, and the notes say so.
        new BenchReport("video-ramp-720p", "s", "lower", p == null ? MAX.toSeconds() : p, c, 3.0, 1, notes)
                .publish();
    }

    private static Ramp parley() throws Exception {
        try (ParleyVideoCall call = new ParleyVideoCall(WIDTH, HEIGHT)) {
            call.connect(null);
            double connected = call.awaitConnected() / 1e6;
            return new Ramp(VideoSampler.until(call::sample, VideoRampBenchmark::enough, MAX), connected);
        }
    }

    private static Ramp chromium(ChromiumVideoPage page) throws Exception {
        page.camera(WIDTH, HEIGHT);
        var t = page.call(false);
        double connected = ((Number) t.get("start")).doubleValue() + ((Number) t.get("connected")).doubleValue();
        try {
            return new Ramp(VideoSampler.until(page::sample, VideoRampBenchmark::enough, MAX), connected);
        } finally {
            page.hangUp();
        }
    }

    /** At 1280 wide and {@link #SPAN} of readings. */
    private static boolean enough(List<VideoSample> samples) {
        VideoSample last = samples.get(samples.size() - 1);
        return last.frameWidth() >= WIDTH && last.atMs() - samples.get(0).atMs() >= SPAN.toMillis();
    }
}
