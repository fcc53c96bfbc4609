package dev.parley.rtc.bench;

import dev.parley.rtc.RTCStats;
import dev.parley.rtc.RTCStatsReport;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One reading of a one-way video call's getStats, the same members from Parley's reports and from
 * Chromium's ({@code video-bench.js} returns them as a map): the sender's outbound-rtp and
 * selected candidate pair, the receiver's inbound-rtp. Rates come from two readings.
 *
 * @param atMs the reading's clock in ms (nanoTime for Parley, performance.now() for Chromium)
 * @param frameWidth the width the receiver decodes (0 before the first frame)
 * @param keyFramesRequested the receiver's pliCount
 * @param availableOutgoingBitrate the sender's bandwidth estimate, bit/s (0 if not reported)
 * @param limitation Chromium's qualityLimitationReason (cpu, bandwidth, none); "-" for Parley, which has none
 */
record VideoSample(double atMs, long bytesSent, long framesDecoded, long frameWidth, long frameHeight,
        long packetsLost, long packetsReceived, long keyFramesRequested, double availableOutgoingBitrate,
        String limitation) {

    static VideoSample of(RTCStatsReport sender, RTCStatsReport receiver) {
        Map<String, Object> out = video(sender, "outbound-rtp");
        Map<String, Object> in = video(receiver, "inbound-rtp");
        String pairId = sender.ofType("transport").stream().findFirst()
                .flatMap(t -> t.getString("selectedCandidatePairId")).orElse("");
        double estimate = sender.get(pairId).map(p -> p.getDouble("availableOutgoingBitrate")).orElse(0.0);
        return new VideoSample(System.nanoTime() / 1e6, (long) number(out, "bytesSent"),
                (long) number(in, "framesDecoded"), (long) number(in, "frameWidth"), (long) number(in, "frameHeight"),
                (long) number(in, "packetsLost"), (long) number(in, "packetsReceived"), (long) number(in, "pliCount"),
                estimate, "-");
    }

    /** From the map {@code vbench.sample()} returns. */
    static VideoSample of(Map<?, ?> page) {
        return new VideoSample(number(page, "at"), (long) number(page, "bytesSent"),
                (long) number(page, "framesDecoded"), (long) number(page, "frameWidth"),
                (long) number(page, "frameHeight"), (long) number(page, "packetsLost"),
                (long) number(page, "packetsReceived"), (long) number(page, "pliCount"),
                number(page, "availableOutgoingBitrate"),
                String.valueOf(page.get("limitation")));
    }

    /** The sender's media bitrate between {@code earlier} and this reading, bit/s (RTP payload and headers). */
    double bitrateSince(VideoSample earlier) {
        return (bytesSent - earlier.bytesSent) * 8 / ((atMs - earlier.atMs) / 1000);
    }

    /** Frames the receiver decoded per second between {@code earlier} and this reading. */
    double fpsSince(VideoSample earlier) {
        return (framesDecoded - earlier.framesDecoded) / ((atMs - earlier.atMs) / 1000);
    }

    /** "t=1.0s 640x480 812 kbit/s" lines of a sampled call, every {@code step}-th reading. */
    static String curve(List<VideoSample> samples, double startMs, int step) {
        StringBuilder s = new StringBuilder();
        for (int i = step; i < samples.size(); i += step) {
            VideoSample now = samples.get(i);
            s.append(String.format(Locale.ROOT, "%s%.1fs %dx%d %.0fk", s.length() == 0 ? "" : ", ",
                    (now.atMs - startMs) / 1000, now.frameWidth, now.frameHeight,
                    now.bitrateSince(samples.get(i - step)) / 1000));
        }
        return s.toString();
    }

    /** The members of the report's video stats object of {@code type}; empty before it exists. */
    private static Map<String, Object> video(RTCStatsReport report, String type) {
        return report.ofType(type).stream().filter(st -> "video".equals(st.getString("kind").orElse(""))).findFirst()
                .map(RTCStats::members).orElse(Map.of());
    }

    private static double number(Map<?, ?> map, String key) {
        Object v = map.get(key);
        return v instanceof Number ? ((Number) v).doubleValue() : 0;
    }
}
