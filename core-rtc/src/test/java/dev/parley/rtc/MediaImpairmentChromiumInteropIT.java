package dev.parley.rtc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.testutil.ChromiumInNamespace;
import dev.parley.rtc.testutil.ChromiumScripts;
import dev.parley.rtc.testutil.Json;
import dev.parley.rtc.testutil.NetworkNamespace;
import java.util.Map;

/**
 * {@link ImpairedLinkCalls} with Chromium as the far end (its fake camera at 1280x720 and fake
 * microphone); Chromium's own freeze statistic (a gap over max(3 frame intervals, 150 ms + one))
 * measures its side, which is stricter than our 200 ms.
 *
 * <pre>
 *   Parley  10.213.67.1 ── veth (tbf) ── 10.213.67.2  Chromium (delay line, loss rule in here)
 * </pre>
 */
class MediaImpairmentChromiumInteropIT extends ImpairedLinkCalls {
    private static final String HOST_IP = "10.213.67.1";
    private static final String NS_IP = "10.213.67.2";

    private ChromiumInNamespace browser;
    private Map<String, Object> windowStart;

    @Override
    String hostIp() {
        return HOST_IP;
    }

    @Override
    NetworkNamespace startFarEnd() throws Exception {
        browser = ChromiumInNamespace.start(HOST_IP, NS_IP, "--autoplay-policy=no-user-gesture-required");
        browser.chromium().eval("window.pc = new RTCPeerConnection(); pc.ontrack = e => {"
                + " const el = document.createElement(e.track.kind); el.muted = e.track.kind === 'video'; el.autoplay = true;"
                + " el.srcObject = e.streams[0] || new MediaStream([e.track]); document.body.appendChild(el); el.play(); }; true");
        return browser.namespace();
    }

    @Override
    String farAnswers(String offer) throws Exception {
        return (String) browser.chromium().evalAsync("await pc.setRemoteDescription({type: 'offer', sdp: "
                + Json.quote(offer) + "});\n"
                + "const media = await navigator.mediaDevices.getUserMedia({audio: true,"
                + " video: {width: 1280, height: 720, frameRate: 30}});\n"
                + "media.getTracks().forEach(t => pc.addTrack(t, media));\n"
                + "await pc.setLocalDescription();\n" + ChromiumScripts.AWAIT_GATHERED
                + "return pc.localDescription.sdp;", TIMEOUT);
    }

    @Override
    void farWindowStarts() throws Exception {
        windowStart = inboundVideo();
    }

    @Override
    FarVideo farWindowEnds() throws Exception {
        Map<String, Object> end = inboundVideo();
        double seconds = (num(end, "timestamp") - num(windowStart, "timestamp")) / 1000;
        return new FarVideo((num(end, "framesDecoded") - num(windowStart, "framesDecoded")) / seconds,
                (num(end, "totalFreezesDuration") - num(windowStart, "totalFreezesDuration")) / seconds,
                (long) num(end, "nackCount"), (long) (num(end, "packetsLost") - num(windowStart, "packetsLost")),
                (long) (num(end, "packetsReceived") - num(windowStart, "packetsReceived")), Json.write(end));
    }

    @Override
    void closeFarEnd() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> inboundVideo() throws Exception {
        Map<String, Object> stats = (Map<String, Object>) browser.chromium().evalAsync(ChromiumScripts.statsOf(
                "inbound-rtp", "video", "timestamp", "framesDecoded", "frameWidth", "framesPerSecond",
                "totalFreezesDuration", "freezeCount", "nackCount", "pliCount", "packetsLost", "packetsReceived"), TIMEOUT);
        assertTrue(stats != null, "Chromium receives video");
        return stats;
    }

    private static double num(Map<String, Object> stats, String field) {
        return ((Number) stats.get(field)).doubleValue();
    }
}
