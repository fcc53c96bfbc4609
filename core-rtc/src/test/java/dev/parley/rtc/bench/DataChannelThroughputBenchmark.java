package dev.parley.rtc.bench;

import dev.parley.rtc.EngineSettings;
import dev.parley.rtc.RTCConfiguration;
import dev.parley.rtc.RTCDataChannel;
import dev.parley.rtc.RTCDataChannelInit;
import dev.parley.rtc.RTCDataChannelListener;
import dev.parley.rtc.RTCPeerConnection;
import dev.parley.rtc.RTCPeerConnectionListener;
import dev.parley.rtc.RTCSessionDescription;
import dev.parley.rtc.net.RealNet;
import dev.parley.rtc.testutil.ChromiumPeer;
import dev.parley.rtc.testutil.Json;
import dev.parley.rtc.testutil.NetworkNamespace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Issue #5's data-channel throughput, side by side: reliable ordered 64 KiB binary messages, the
 * sender keeping {@code bufferedAmount} between 1 MiB ({@code bufferedamountlow}) and 4 MiB as
 * browser applications do ({@link DataChannelPump}, datachannel-bench.js), the receiver counting
 * bytes; MB/s (10^6 bytes) over {@link ThroughputWindow#WINDOW} after a warm-up, the paths taking
 * turns for {@link #ROUNDS} rounds, each reporting its median. Four paths, all on one veth link
 * of a test namespace:
 *
 * <pre>
 *   Parley → Parley      two RTCPeerConnections in this JVM, both on the host side (10.213.64.1)
 *   Parley → Chromium    Parley on the host side, Chromium in the namespace (10.213.64.2)
 *   Chromium → Parley    the same, the other way
 *   Chromium → Chromium  two RTCPeerConnections in one page, in the namespace
 * </pre>
 *
 * Also the CPU time per MB of this JVM and of Chromium (all its processes). Needs root (the
 * namespace). Target: Parley → Parley ≥ 1.0 × Chromium → Chromium.
 */
public final class DataChannelThroughputBenchmark {
    private static final String HOST_IP = "10.213.64.1";
    private static final String NS_IP = "10.213.64.2";

    private DataChannelThroughputBenchmark() {}

    /** Windows per path; paths take turns, and each reports its median window. */
    private static final int ROUNDS = 3;

    /** One path's windows, for the table and the notes. */
    record Row(String path, List<ThroughputWindow.Result> windows) {
        ThroughputWindow.Result median() {
            return ThroughputWindow.median(windows);
        }
    }

    public static void main(String[] args) throws Exception {
        String loadBefore = BenchReport.loadAverage();
        Row parleyToParley = new Row("Parley → Parley", new ArrayList<>());
        Row parleyToChromium = new Row("Parley → Chromium", new ArrayList<>());
        Row chromiumToParley = new Row("Chromium → Parley", new ArrayList<>());
        Row chromiumToChromium = new Row("Chromium → Chromium", new ArrayList<>());
        try (NetworkNamespace ns = NetworkNamespace.create(HOST_IP, NS_IP);
                ChromiumPeer browser = ChromiumPeer.start(ns)) {
            BenchPeers.loadScript(browser, "/dev/parley/rtc/datachannel-page.js");
            BenchPeers.loadScript(browser, "/dev/parley/rtc/bench/datachannel-bench.js");
            for (int round = 0; round < ROUNDS; round++) {
                parleyToParley.windows().add(parleyToParley());
                parleyToChromium.windows().add(parleyAndChromium(browser, true));
                chromiumToParley.windows().add(parleyAndChromium(browser, false));
                chromiumToChromium.windows().add(chromiumToChromium(browser));
            }
        }
        List<Row> rows = List.of(parleyToParley, parleyToChromium, chromiumToParley, chromiumToChromium);
        String load = "load average " + loadBefore + " before, " + BenchReport.loadAverage() + " after";
        System.out.println(table(rows));
        System.out.println(load);
        double parley = parleyToParley.median().mbPerSecond();
        double chromium = chromiumToChromium.median().mbPerSecond();
        StringBuilder notes = new StringBuilder(String.format(Locale.ROOT,
                "reliable ordered 64 KiB binary messages, bufferedAmount kept within 1-4 MiB, receiver-side MB/s"
                        + " (10^6 B) over %d s windows after %d s warm-up, one veth link, median of %d rounds taking"
                        + " turns; parley = Parley->Parley, chromium = Chromium->Chromium (both ends in one process"
                        + " each); CPU in ms per MB received, medians;",
                ThroughputWindow.WINDOW.toSeconds(), ThroughputWindow.WARMUP.toSeconds(), ROUNDS));
        for (Row row : rows) {
            ThroughputWindow.Result m = row.median();
            notes.append(' ').append(row.path().replace("→", "->")).append(' ')
                    .append(String.format(Locale.ROOT, "%.1f MB/s %s", m.mbPerSecond(),
                            ThroughputWindow.each(row.windows())));
            m.cpuMsPerMb().forEach((who, ms) -> notes.append(String.format(Locale.ROOT, ", %s CPU %.2f", who, ms)));
            notes.append(';');
        }
        notes.append(' ').append(load);
        new BenchReport("datachannel-throughput", "MB/s", "higher", parley, chromium, 1.0, ROUNDS, notes.toString())
                .publish();
    }

    static String table(List<Row> rows) {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT,
                "data-channel throughput: 64 KiB reliable ordered, bufferedAmount 1-4 MiB, %d s windows after %d s"
                        + " warm-up, median of %d%n",
                ThroughputWindow.WINDOW.toSeconds(), ThroughputWindow.WARMUP.toSeconds(), ROUNDS));
        t.append(String.format(Locale.ROOT, "%-22s %8s %-20s %14s %15s%n", "path", "MB/s", "windows",
                "JVM CPU ms/MB", "Chromium ms/MB"));
        for (Row row : rows) {
            ThroughputWindow.Result m = row.median();
            Map<String, Double> cpu = m.cpuMsPerMb();
            t.append(String.format(Locale.ROOT, "%-22s %8.1f %-20s %14s %15s%n", row.path(), m.mbPerSecond(),
                    ThroughputWindow.each(row.windows()), cell(cpu.get("JVM")), cell(cpu.get("Chromium"))));
        }
        return t.toString();
    }

    private static String cell(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static Map<String, ThroughputWindow.CpuClock> cpu(ChromiumPeer browser) {
        Map<String, ThroughputWindow.CpuClock> cpu = new LinkedHashMap<>();
        cpu.put("JVM", ThroughputWindow::jvmCpu);
        if (browser != null) {
            cpu.put("Chromium", browser::cpuTime);
        }
        return cpu;
    }

    private static ThroughputWindow.Result parleyToParley() throws Exception {
        try (RealNet net = new RealNet()) {
            EngineSettings settings = EngineSettings.builder().net(net).ice(BenchPeers.iceOn(HOST_IP)).build();
            try (RTCPeerConnection a = new RTCPeerConnection(RTCConfiguration.defaults(), settings);
                    RTCPeerConnection b = new RTCPeerConnection(RTCConfiguration.defaults(), settings)) {
                DataChannelPump.Counter counter = new DataChannelPump.Counter();
                CompletableFuture<RTCDataChannel> announced = new CompletableFuture<>();
                b.addListener(new RTCPeerConnectionListener() {
                    @Override
                    public void onDataChannel(RTCDataChannel channel) {
                        channel.addListener(counter); // on the executor, before any message is delivered
                        announced.complete(channel);
                    }
                });
                CompletableFuture<Void> opened = new CompletableFuture<>();
                RTCDataChannel channel = a.createDataChannel("bench", RTCDataChannelInit.DEFAULT, opener(opened));
                BenchPeers.negotiate(a, b);
                opened.get(20, TimeUnit.SECONDS);
                announced.get(20, TimeUnit.SECONDS);
                DataChannelPump pump = DataChannelPump.start(channel);
                try {
                    return ThroughputWindow.measure(counter::sample, cpu(null)); // Chromium idles meanwhile
                } finally {
                    pump.stop();
                }
            }
        }
    }

    /**
     * Parley offers a data-only call with a channel "bench" (no trickle: each description carries
     * its candidates), Chromium answers; then one side pumps and the other counts.
     */
    private static ThroughputWindow.Result parleyAndChromium(ChromiumPeer browser, boolean parleySends)
            throws Exception {
        try (RealNet net = new RealNet();
                RTCPeerConnection pc = new RTCPeerConnection(RTCConfiguration.defaults(),
                        EngineSettings.builder().net(net).ice(BenchPeers.iceOn(HOST_IP)).build())) {
            browser.eval("lib.reset(); bench.counters = {};\n"
                    + "window.benchChannel = new Promise(r => pc.ondatachannel = e => { const dc = e.channel;\n"
                    + "  dc.binaryType = 'arraybuffer';\n"
                    + "  if (dc.readyState === 'open') r(dc); else dc.addEventListener('open', () => r(dc)); });\n"
                    + "true");
            DataChannelPump.Counter counter = new DataChannelPump.Counter();
            CompletableFuture<Void> opened = new CompletableFuture<>();
            RTCDataChannelListener listener = parleySends ? opener(opened) : new RTCDataChannelListener() {
                @Override
                public void onOpen() {
                    opened.complete(null);
                }

                @Override
                public void onMessage(dev.parley.rtc.RTCDataChannelMessage message) {
                    counter.onMessage(message);
                }
            };
            RTCDataChannel channel = pc.createDataChannel("bench", RTCDataChannelInit.DEFAULT, listener);
            CompletableFuture<String> offer = BenchPeers.completeDescription(pc);
            pc.setLocalDescription().get(20, TimeUnit.SECONDS);
            String answer = (String) browser.evalAsync("await pc.setRemoteDescription({type: 'offer', sdp: "
                    + Json.quote(BenchPeers.await(offer)) + "});\n"
                    + "await pc.setLocalDescription(); await lib.gathered();\n"
                    + "return pc.localDescription.sdp;");
            pc.setRemoteDescription(RTCSessionDescription.answer(answer)).get(20, TimeUnit.SECONDS);
            opened.get(20, TimeUnit.SECONDS);
            browser.evalAsync("window.benchChannel = await lib.deadline(benchChannel, 15000, 'the bench channel');\n"
                    + "return true;");
            try {
                if (parleySends) {
                    browser.eval("bench.count('rx', benchChannel)");
                    DataChannelPump pump = DataChannelPump.start(channel);
                    try {
                        return ThroughputWindow.measure(() -> pageSample(browser, "rx"), cpu(browser));
                    } finally {
                        pump.stop();
                    }
                }
                browser.eval("bench.pump(benchChannel, " + DataChannelPump.MESSAGE_BYTES + ", "
                        + DataChannelPump.LOW_BYTES + ", " + DataChannelPump.HIGH_BYTES + ")");
                return ThroughputWindow.measure(counter::sample, cpu(browser));
            } finally {
                browser.eval("bench.stop(); pc.close(); true");
            }
        }
    }

    private static ThroughputWindow.Result chromiumToChromium(ChromiumPeer browser) throws Exception {
        browser.evalAsync("await bench.pair(); bench.count('cc', bench.dcB);\n"
                + "bench.pump(bench.dcA, " + DataChannelPump.MESSAGE_BYTES + ", " + DataChannelPump.LOW_BYTES + ", "
                + DataChannelPump.HIGH_BYTES + ");\n"
                + "return true;");
        try {
            return ThroughputWindow.measure(() -> pageSample(browser, "cc"), cpu(browser));
        } finally {
            browser.eval("bench.stop(); bench.closePair()");
        }
    }

    /** The page's count under {@code name}, timed by the page's clock. */
    static long[] pageSample(ChromiumPeer browser, String name) throws Exception {
        List<?> sample = (List<?>) browser.eval("bench.sample(" + Json.quote(name) + ")");
        return new long[] {((Number) sample.get(0)).longValue(),
                Math.round(((Number) sample.get(1)).doubleValue() * 1e6)};
    }

    private static RTCDataChannelListener opener(CompletableFuture<Void> opened) {
        return new RTCDataChannelListener() {
            @Override
            public void onOpen() {
                opened.complete(null);
            }
        };
    }
}
