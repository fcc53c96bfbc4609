package dev.parley.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.codec.CodecRegistry;
import dev.parley.rtc.codec.FfmpegNatives;
import dev.parley.rtc.ice.IceSettings;
import dev.parley.rtc.media.PacedAudioSource;
import dev.parley.rtc.media.PacedVideoSource;
import dev.parley.rtc.media.TestPattern;
import dev.parley.rtc.media.ToneGenerator;
import dev.parley.rtc.net.RealNet;
import dev.parley.rtc.sdp.MediaKind;
import dev.parley.rtc.testutil.ChromiumInNamespace;
import dev.parley.rtc.testutil.ChromiumPeer;
import dev.parley.rtc.testutil.ChromiumScripts;
import dev.parley.rtc.testutil.DelayLine;
import dev.parley.rtc.testutil.FrameTimeline;
import dev.parley.rtc.testutil.Json;
import dev.parley.rtc.testutil.NetworkNamespace;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue #6's bad networks with a real browser: Parley sends its 1280x720 test pattern (VP8) and
 * a tone, Chromium its fake camera and microphone, across a link the test impairs — 5% random
 * loss each way with 50 ms of round trip, or a 500 kbit/s bottleneck. netem is missing from these
 * kernels: the delay is a TUN delay line ({@link DelayLine}), the loss an nftables rule, the cap a
 * token bucket (tbf), all inside or on the namespace the test creates.
 *
 * <pre>
 *   Parley  10.213.67.1 ── veth ── 10.213.67.2  Chromium (delay line, loss rule in here)
 * </pre>
 */
class MediaImpairmentChromiumInteropIT {
    private static final Logger LOG = LoggerFactory.getLogger(MediaImpairmentChromiumInteropIT.class);
    private static final String HOST_IP = "10.213.67.1";
    private static final String NS_IP = "10.213.67.2";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int CAP_KBIT = 500;

    private ChromiumInNamespace browser;
    private ChromiumPeer chromium;
    private RealNet net;
    private RTCPeerConnection parley;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final LinkedBlockingQueue<RTCTrackEvent> parleyTracks = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> parleyGathered = new CompletableFuture<>();

    @BeforeEach
    void start() throws Exception {
        browser = ChromiumInNamespace.start(HOST_IP, NS_IP, "--autoplay-policy=no-user-gesture-required");
        chromium = browser.chromium();
        chromium.eval("window.pc = new RTCPeerConnection(); pc.ontrack = e => {"
                + " const el = document.createElement(e.track.kind); el.muted = e.track.kind === 'video'; el.autoplay = true;"
                + " el.srcObject = e.streams[0] || new MediaStream([e.track]); document.body.appendChild(el); el.play(); }; true");
        net = new RealNet();
        InetAddress host = InetAddress.getByName(HOST_IP);
        IceSettings ice = IceSettings.DEFAULTS.toBuilder().addressFilter(a -> a.address().equals(host))
                .includeIpv6(false).gatherTcp(false).build();
        MediaEngine vp8AndOpus = new MediaEngine(CodecRegistry.standard(FfmpegNatives.javacpp())
                .withPreference(MediaKind.AUDIO, List.of("opus")).withPreference(MediaKind.VIDEO, List.of("VP8")),
                MediaEngine.standard().headerExtensions(MediaKind.VIDEO));
        parley = new RTCPeerConnection(RTCConfiguration.defaults(), EngineSettings.builder().net(net).ice(ice)
                .rtcpReportInterval(Duration.ofMillis(500)).build(), vp8AndOpus);
        parley.addListener(new RTCPeerConnectionListener() {
            @Override
            public void onIceCandidate(RTCIceCandidate candidate) {
                if (candidate == null) {
                    parleyGathered.complete(null);
                }
            }

            @Override
            public void onTrack(RTCTrackEvent event) {
                parleyTracks.add(event);
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
        if (parley != null) {
            parley.close();
        }
        if (net != null) {
            net.close();
        }
        if (browser != null) {
            browser.close();
        }
    }

    private NetworkNamespace namespace() {
        return browser.namespace();
    }

    @Test
    void fivePercentLossAt50msRtt_videoBothWaysStaysSmooth_repairedByNacks() throws Exception {
        resources.add(DelayLine.start(namespace(), Duration.ofMillis(25)));
        NetworkNamespace.Loss loss = namespace().dropUdpDatagrams(5);
        resources.add(loss);
        FrameTimeline atParley = new FrameTimeline();
        MediaStreamTrack chromiumCamera = call();
        awaitFirstFrame(chromiumCamera);
        Thread.sleep(3000); // warm-up: both senders settle on the lossy link before the window

        Map<String, Object> before = chromiumInboundVideo();
        try (AutoCloseable sink = chromiumCamera.addVideoSink(f -> atParley.add(System.nanoTime()))) {
            Thread.sleep(20_000); // the measuring window: frames are counted over it, not awaited
        }
        Map<String, Object> after = chromiumInboundVideo();
        double seconds = (((Number) after.get("timestamp")).doubleValue()
                - ((Number) before.get("timestamp")).doubleValue()) / 1000;
        double chromiumFps = (num(after, "framesDecoded") - num(before, "framesDecoded")) / seconds;
        double chromiumFrozen = (num(after, "totalFreezesDuration") - num(before, "totalFreezesDuration")) / seconds;
        RTCStats inbound = parleyStats("inbound-rtp");
        RTCStats outbound = parleyStats("outbound-rtp");
        LOG.info("loss rule dropped {}", loss.dropped());
        LOG.info("Parley decodes Chromium's camera at {} fps, frozen {}%, longest gap {} ms; {}",
                fmt(atParley.framesPerSecond()), fmt(100 * atParley.frozenFraction(200)), fmt(atParley.longestGapMillis()),
                inbound);
        LOG.info("Chromium decodes Parley's pattern at {} fps, frozen {}%: {}; Parley sent {}", fmt(chromiumFps),
                fmt(100 * chromiumFrozen), Json.write(after), outbound);

        assertTrue(atParley.framesPerSecond() >= 25, "Parley decodes at " + atParley.framesPerSecond() + " fps");
        assertTrue(atParley.frozenFraction(200) < 0.01, "Parley's picture froze " + atParley.frozenFraction(200));
        assertTrue(inbound.getLong("nackCount") > 0, "Parley asked for retransmissions: " + inbound);
        assertTrue(chromiumFps >= 25, "Chromium decodes Parley's video at " + chromiumFps + " fps");
        assertTrue(chromiumFrozen < 0.01, "Chromium's picture froze " + chromiumFrozen + " of the time: " + after);
        assertTrue(num(after, "nackCount") > 0, "Chromium asked for retransmissions: " + after);
        assertTrue(outbound.getLong("retransmittedPacketsSent") > 0, "Parley retransmitted: " + outbound);
    }

    @Test
    void linkCappedAt500kbit_parleysSenderGoesUnderTheCapWithin5s_andLossStops() throws Exception {
        MediaStreamTrack chromiumCamera = call();
        awaitFirstFrame(chromiumCamera);
        double before = parleySendRate(Duration.ofSeconds(1));
        LOG.info("before the cap Parley sends {} kbit/s", fmt(before / 1000));
        assertTrue(before > CAP_KBIT * 1000, "Parley sends above the cap before it: " + before);

        resources.add(namespace().capRate(CAP_KBIT, Duration.ofMillis(100)));
        long capped = System.nanoTime();
        double underAt = -1;
        List<String> curve = new ArrayList<>();
        while (System.nanoTime() - capped < TimeUnit.SECONDS.toNanos(15)) {
            double rate = parleySendRate(Duration.ofMillis(500));
            double at = (System.nanoTime() - capped) / 1e9;
            RTCStats video = parleyStats("outbound-rtp");
            curve.add(fmt(at) + " s: " + fmt(rate / 1000) + " (target " + fmt(video.getDouble("targetBitrate") / 1000)
                    + ", key frames " + video.getLong("keyFramesEncoded") + ")");
            if (rate < CAP_KBIT * 1000) {
                if (underAt < 0) {
                    underAt = at;
                }
            } else {
                underAt = -1;
            }
        }
        LOG.info("Parley's send rate (kbit/s) after the cap: {}", curve);
        assertTrue(underAt >= 0 && underAt <= 5.5, "Parley's sender went under " + CAP_KBIT
                + " kbit/s and stayed there from " + underAt + " s (must be ≤ 5 s): " + curve);

        Map<String, Object> first = chromiumInboundVideo();
        Thread.sleep(5000); // a window for Chromium's loss counters
        Map<String, Object> last = chromiumInboundVideo();
        double lost = num(last, "packetsLost") - num(first, "packetsLost");
        double received = num(last, "packetsReceived") - num(first, "packetsReceived");
        LOG.info("in the last 5 s Chromium received {} and lost {} of Parley's video packets: {}", received, lost,
                Json.write(last));
        assertTrue(received > 0, "video still flows: " + last);
        assertTrue(lost <= 0.01 * (received + lost), "loss stopped: " + lost + " lost, " + received + " received");
    }

    /** Chromium offers camera and microphone, Parley answers with its pattern and tone; returns Chromium's camera at Parley. */
    private MediaStreamTrack call() throws Exception {
        String offer = (String) chromium.evalAsync("const media = await navigator.mediaDevices.getUserMedia({audio: true,"
                + " video: {width: 1280, height: 720, frameRate: 30}});\n"
                + "media.getTracks().forEach(t => pc.addTrack(t, media));\n"
                + "await pc.setLocalDescription();\n" + ChromiumScripts.AWAIT_GATHERED
                + "return pc.localDescription.sdp;", TIMEOUT);
        parley.setRemoteDescription(RTCSessionDescription.offer(offer)).get(5, TimeUnit.SECONDS);
        MediaStream stream = new MediaStream();
        AudioTrackSource tone = new AudioTrackSource();
        resources.add(tone::close);
        resources.add(new PacedAudioSource(new ToneGenerator(440, 0.5, 48_000, 1), tone).start());
        VideoTrackSource camera = new VideoTrackSource();
        resources.add(camera);
        resources.add(new PacedVideoSource(new TestPattern(1280, 720), 30, camera).start());
        parley.addTrack(tone.createTrack("tone"), stream);
        parley.addTrack(camera.createTrack("test pattern"), stream);
        parley.setLocalDescription().get(5, TimeUnit.SECONDS);
        parleyGathered.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        chromium.evalAsync("await pc.setRemoteDescription({type: 'answer', sdp: "
                + Json.quote(parley.localDescription().sdp()) + "});\n"
                + ChromiumScripts.awaitConnectionState("connected") + "return true;", TIMEOUT);
        while (true) {
            RTCTrackEvent event = parleyTracks.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(event != null, "Parley gets Chromium's camera track");
            if (event.track().kind().equals("video")) {
                return event.track();
            }
        }
    }

    private static void awaitFirstFrame(MediaStreamTrack track) throws Exception {
        CompletableFuture<Void> first = new CompletableFuture<>();
        try (AutoCloseable sink = track.addVideoSink(f -> first.complete(null))) {
            first.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** RTP bits per second Parley sends (all streams, headers included) over {@code window}. */
    private double parleySendRate(Duration window) throws Exception {
        long startBytes = parleySentBytes();
        long start = System.nanoTime();
        Thread.sleep(window.toMillis()); // a measuring window over the byte counters
        return (parleySentBytes() - startBytes) * 8 / ((System.nanoTime() - start) / 1e9);
    }

    private long parleySentBytes() throws Exception {
        long bytes = 0;
        for (RTCStats out : parley.getStats().get(5, TimeUnit.SECONDS).ofType("outbound-rtp")) {
            bytes += out.getLong("bytesSent") + out.getLong("headerBytesSent") + out.getLong("retransmittedBytesSent");
        }
        return bytes;
    }

    private RTCStats parleyStats(String type) throws Exception {
        return parley.getStats().get(5, TimeUnit.SECONDS).ofType(type).stream()
                .filter(s -> "video".equals(s.getString("kind").orElse(""))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> chromiumInboundVideo() throws Exception {
        Map<String, Object> stats = (Map<String, Object>) chromium.evalAsync(ChromiumScripts.statsOf("inbound-rtp",
                "video", "timestamp", "framesDecoded", "frameWidth", "framesPerSecond", "totalFreezesDuration",
                "freezeCount", "nackCount", "pliCount", "packetsLost", "packetsReceived"), TIMEOUT);
        assertTrue(stats != null, "Chromium receives video");
        return stats;
    }

    private static double num(Map<String, Object> stats, String field) {
        return ((Number) stats.get(field)).doubleValue();
    }

    private static String fmt(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
