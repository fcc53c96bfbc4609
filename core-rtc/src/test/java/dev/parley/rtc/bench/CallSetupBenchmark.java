package dev.parley.rtc.bench;

import dev.parley.rtc.AudioTrackSource;
import dev.parley.rtc.EngineSettings;
import dev.parley.rtc.MediaStream;
import dev.parley.rtc.RTCConfiguration;
import dev.parley.rtc.RTCPeerConnection;
import dev.parley.rtc.RTCPeerConnectionListener;
import dev.parley.rtc.RTCPeerConnectionState;
import dev.parley.rtc.RTCRtpTransceiverDirection;
import dev.parley.rtc.RTCRtpTransceiverInit;
import dev.parley.rtc.ice.IceSettings;
import dev.parley.rtc.net.RealNet;
import dev.parley.rtc.testutil.ChromiumPeer;
import dev.parley.rtc.testutil.NetworkNamespace;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Call setup, side by side: milliseconds from {@code createOffer} to both peer connections
 * {@code connected} (ICE + DTLS), with an audio and a video m-line and trickled candidates, for
 * Parley↔Parley and for Chromium↔Chromium (two {@code RTCPeerConnection}s in one page), both
 * on the same veth link of a test namespace. Median of {@link #RUNS} runs after {@link #WARMUP}.
 * Needs root (the namespace); target: Parley ≤ 1.0 × Chromium.
 */
public final class CallSetupBenchmark {
    private static final String HOST_IP = "10.213.62.1";
    private static final String NS_IP = "10.213.62.2";
    private static final int WARMUP = 20;
    private static final int RUNS = 21;

    private CallSetupBenchmark() {}

    public static void main(String[] args) throws Exception {
        try (NetworkNamespace ns = NetworkNamespace.create(HOST_IP, NS_IP)) {
            double[] parley = parley();
            double[] chromium;
            try (ChromiumPeer browser = ChromiumPeer.start(ns)) {
                chromium = chromium(browser);
            }
            double p = BenchReport.median(parley);
            double c = BenchReport.median(chromium);
            String notes = String.format(Locale.ROOT,
                    "createOffer to both connected, audio+video m-lines, trickle ICE on one veth link;"
                            + " %d runs after %d warm-up; parley min %.1f p90 %.1f ms; chromium min %.1f p90 %.1f ms",
                    RUNS, WARMUP, parley[0], BenchReport.percentile(parley, 90), chromium[0],
                    BenchReport.percentile(chromium, 90));
            new BenchReport("call-setup", "ms", "lower", p, c, 1.0, RUNS, notes).publish();
        }
    }

    private static double[] parley() throws Exception {
        IceSettings ice = BenchPeers.iceOn(HOST_IP);
        double[] ms = new double[RUNS];
        try (RealNet net = new RealNet()) {
            EngineSettings settings = EngineSettings.builder().net(net).ice(ice).build();
            for (int i = 0; i < WARMUP + RUNS; i++) {
                double took = parleyOnce(settings);
                if (i >= WARMUP) {
                    ms[i - WARMUP] = took;
                }
            }
        }
        return ms;
    }

    private static double parleyOnce(EngineSettings settings) throws Exception {
        try (RTCPeerConnection a = new RTCPeerConnection(RTCConfiguration.defaults(), settings);
                RTCPeerConnection b = new RTCPeerConnection(RTCConfiguration.defaults(), settings);
                AudioTrackSource micA = new AudioTrackSource();
                AudioTrackSource micB = new AudioTrackSource()) {
            CompletableFuture<Long> aConnected = connectedAt(a);
            CompletableFuture<Long> bConnected = connectedAt(b);
            a.addTrack(micA.createTrack("a"), new MediaStream());
            a.addTransceiver("video", RTCRtpTransceiverInit.of(RTCRtpTransceiverDirection.SENDRECV));
            b.addTrack(micB.createTrack("b"), new MediaStream());
            long start = BenchPeers.negotiate(a, b);
            long end = Math.max(aConnected.get(10, TimeUnit.SECONDS), bConnected.get(10, TimeUnit.SECONDS));
            return (end - start) / 1e6;
        }
    }

    /** Completes with the nanoTime of {@code pc} becoming connected. */
    private static CompletableFuture<Long> connectedAt(RTCPeerConnection pc) {
        CompletableFuture<Long> connected = new CompletableFuture<>();
        pc.addListener(new RTCPeerConnectionListener() {
            @Override
            public void onConnectionStateChange(RTCPeerConnectionState state) {
                if (state == RTCPeerConnectionState.CONNECTED) {
                    connected.complete(System.nanoTime());
                } else if (state == RTCPeerConnectionState.FAILED) {
                    connected.completeExceptionally(new IllegalStateException("call failed"));
                }
            }
        });
        return connected;
    }

    @SuppressWarnings("unchecked")
    private static double[] chromium(ChromiumPeer browser) throws Exception {
        Object result = browser.evalAsync(
                "const media = await navigator.mediaDevices.getUserMedia({audio: true, video: true});\n"
                + "const times = [];\n"
                + "for (let i = 0; i < " + (WARMUP + RUNS) + "; i++) {\n"
                + "  const a = new RTCPeerConnection(), b = new RTCPeerConnection();\n"
                + "  a.onicecandidate = e => e.candidate && b.addIceCandidate(e.candidate);\n"
                + "  b.onicecandidate = e => e.candidate && a.addIceCandidate(e.candidate);\n"
                + "  const up = pc => new Promise(r => { pc.onconnectionstatechange = () =>"
                + "    pc.connectionState === 'connected' && r(performance.now()); });\n"
                + "  const ua = up(a), ub = up(b);\n"
                + "  media.getTracks().forEach(t => a.addTrack(t, media));\n"
                + "  b.addTrack(media.getAudioTracks()[0].clone());\n"
                + "  const start = performance.now();\n"
                + "  const offer = await a.createOffer();\n"
                + "  await a.setLocalDescription(offer);\n"
                + "  await b.setRemoteDescription(offer);\n"
                + "  const answer = await b.createAnswer();\n"
                + "  await b.setLocalDescription(answer);\n"
                + "  await a.setRemoteDescription(answer);\n"
                + "  const end = Math.max(await ua, await ub);\n"
                + "  if (i >= " + WARMUP + ") times.push(end - start);\n"
                + "  a.close(); b.close();\n"
                + "}\n"
                + "return times;", java.time.Duration.ofMinutes(2));
        List<Number> times = (List<Number>) result;
        double[] ms = new double[times.size()];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = times.get(i).doubleValue();
        }
        return ms;
    }
}
