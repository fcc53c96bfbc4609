package dev.parley.rtc.bench;

import dev.parley.rtc.EngineSettings;
import dev.parley.rtc.RTCConfiguration;
import dev.parley.rtc.RTCDataChannel;
import dev.parley.rtc.RTCDataChannelInit;
import dev.parley.rtc.RTCDataChannelListener;
import dev.parley.rtc.RTCDataChannelState;
import dev.parley.rtc.RTCPeerConnection;
import dev.parley.rtc.RTCPeerConnectionListener;
import dev.parley.rtc.net.RealNet;
import dev.parley.rtc.testutil.ChromiumPeer;
import dev.parley.rtc.testutil.NetworkNamespace;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Issue #5's data-channel-only connect time, side by side: milliseconds from {@code createOffer}
 * to the channel being open on both sides (the creator's {@code open}, the peer's announced
 * channel open), a call with nothing but a data m-line and trickled candidates, for
 * Parley↔Parley and Chromium↔Chromium (two {@code RTCPeerConnection}s in one page,
 * datachannel-bench.js), on the same veth link of a test namespace, as {@link CallSetupBenchmark}
 * does for calls with media. Median of {@link #RUNS} runs after {@link #WARMUP}. Needs root.
 * Target: Parley ≤ 1.0 × Chromium.
 */
public final class DataChannelConnectBenchmark {
    private static final String HOST_IP = "10.213.66.1";
    private static final String NS_IP = "10.213.66.2";
    private static final int WARMUP = 15;
    private static final int RUNS = 21;

    private DataChannelConnectBenchmark() {}

    public static void main(String[] args) throws Exception {
        String loadBefore = BenchReport.loadAverage();
        try (NetworkNamespace ns = NetworkNamespace.create(HOST_IP, NS_IP)) {
            double[] parley = parley();
            double[] chromium;
            try (ChromiumPeer browser = ChromiumPeer.start(ns)) {
                BenchPeers.loadScript(browser, "/dev/parley/rtc/bench/datachannel-bench.js");
                chromium = chromium(browser);
            }
            double p = BenchReport.median(parley);
            double c = BenchReport.median(chromium);
            System.out.printf(Locale.ROOT, "data-channel connect (createOffer to open on both sides), ms:%n"
                    + "%-10s %8s %8s %8s%n%-10s %8.1f %8.1f %8.1f%n%-10s %8.1f %8.1f %8.1f%n",
                    "", "min", "median", "p90", "Parley", parley[0], p, BenchReport.percentile(parley, 90),
                    "Chromium", chromium[0], c, BenchReport.percentile(chromium, 90));
            String notes = String.format(Locale.ROOT,
                    "createOffer to the data channel open on both sides, data m-line only, trickle ICE on one veth"
                            + " link; %d runs after %d warm-up; parley min %.1f p90 %.1f ms; chromium min %.1f p90"
                            + " %.1f ms; load average %s before, %s after",
                    RUNS, WARMUP, parley[0], BenchReport.percentile(parley, 90), chromium[0],
                    BenchReport.percentile(chromium, 90), loadBefore, BenchReport.loadAverage());
            new BenchReport("datachannel-connect", "ms", "lower", p, c, 1.0, RUNS, notes).publish();
        }
    }

    private static double[] parley() throws Exception {
        double[] ms = new double[RUNS];
        try (RealNet net = new RealNet()) {
            EngineSettings settings = EngineSettings.builder().net(net).ice(BenchPeers.iceOn(HOST_IP)).build();
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
                RTCPeerConnection b = new RTCPeerConnection(RTCConfiguration.defaults(), settings)) {
            CompletableFuture<Long> aOpen = new CompletableFuture<>();
            CompletableFuture<Long> bOpen = new CompletableFuture<>();
            b.addListener(new RTCPeerConnectionListener() {
                @Override
                public void onDataChannel(RTCDataChannel channel) {
                    openedAt(channel, bOpen);
                }
            });
            a.createDataChannel("bench", RTCDataChannelInit.DEFAULT, new RTCDataChannelListener() {
                @Override
                public void onOpen() {
                    aOpen.complete(System.nanoTime());
                }
            });
            long start = BenchPeers.negotiate(a, b);
            long end = Math.max(aOpen.get(10, TimeUnit.SECONDS), bOpen.get(10, TimeUnit.SECONDS));
            return (end - start) / 1e6;
        }
    }

    /** An announced channel is open when announced (W3C); should it not be yet, its open event counts. */
    private static void openedAt(RTCDataChannel channel, CompletableFuture<Long> open) {
        if (channel.readyState() == RTCDataChannelState.OPEN) {
            open.complete(System.nanoTime());
            return;
        }
        channel.addListener(new RTCDataChannelListener() {
            @Override
            public void onOpen() {
                open.complete(System.nanoTime());
            }
        });
    }

    private static double[] chromium(ChromiumPeer browser) throws Exception {
        List<?> times = (List<?>) browser.evalAsync("return await bench.connectTimes(" + WARMUP + ", " + RUNS + ");",
                Duration.ofMinutes(2));
        double[] ms = new double[times.size()];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = ((Number) times.get(i)).doubleValue();
        }
        return ms;
    }
}
