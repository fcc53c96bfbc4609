package dev.parley.rtc.bench;

import dev.parley.rtc.EngineSettings;
import dev.parley.rtc.RTCConfiguration;
import dev.parley.rtc.RTCDataChannel;
import dev.parley.rtc.RTCDataChannelInit;
import dev.parley.rtc.RTCDataChannelListener;
import dev.parley.rtc.RTCPeerConnection;
import dev.parley.rtc.RTCSessionDescription;
import dev.parley.rtc.net.RealNet;
import dev.parley.rtc.testutil.DelayLine;
import dev.parley.rtc.testutil.NetworkNamespace;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Issue #5's long-link target: Parley → Parley data-channel throughput over a link with 50 ms
 * round trip against a TCP stream over the same link in the same run. The link is the veth link
 * of a test namespace with 25 ms added each way by a {@link DelayLine} (netem is missing here);
 * the sender is this JVM on the host side, the receiver a second JVM in the namespace
 * ({@link NamespacePeer}), so both streams cross the link. Data channel: 64 KiB reliable ordered
 * messages with bufferedAmount kept within 1–4 MiB ({@link DataChannelPump}); TCP: 64 KiB writes
 * in a loop on a default socket (kernel buffer autotuning, the host's congestion control).
 * Receiver-side MB/s over {@link ThroughputWindow#WINDOW} after a warm-up; the two streams take
 * turns for {@link #ROUNDS} rounds and each reports its median. Target: Parley ≥ 0.5 × TCP.
 */
public final class DataChannelDelayedLinkBenchmark {
    private static final String HOST_IP = "10.213.65.1";
    private static final String NS_IP = "10.213.65.2";
    private static final Duration ONE_WAY = Duration.ofMillis(25);
    private static final int ROUNDS = 3;

    private DataChannelDelayedLinkBenchmark() {}

    public static void main(String[] args) throws Exception {
        String loadBefore = BenchReport.loadAverage();
        List<ThroughputWindow.Result> parley = new ArrayList<>();
        List<ThroughputWindow.Result> tcp = new ArrayList<>();
        double rtt;
        try (NetworkNamespace ns = NetworkNamespace.create(HOST_IP, NS_IP);
                DelayLine line = DelayLine.start(ns, ONE_WAY);
                NamespacePeer.Handle far = NamespacePeer.Handle.start(ns)) {
            int port = far.listenTcp(NS_IP);
            rtt = tcpHandshakeMs(port);
            System.out.printf(Locale.ROOT, "delayed link: %d ms each way, TCP handshake round trip %.1f ms%n",
                    ONE_WAY.toMillis(), rtt);
            Map<String, ThroughputWindow.CpuClock> cpu = new LinkedHashMap<>();
            cpu.put("sender JVM", ThroughputWindow::jvmCpu);
            cpu.put("receiver JVM", far::cpu);
            cpu.put("delay line", line::cpuTime);
            for (int round = 0; round < ROUNDS; round++) {
                parley.add(parley(far, cpu));
                tcp.add(tcp(port, far, cpu));
            }
        }
        String table = table(parley, tcp);
        System.out.println(table);
        double p = ThroughputWindow.median(parley).mbPerSecond();
        double t = ThroughputWindow.median(tcp).mbPerSecond();
        String notes = String.format(Locale.ROOT,
                "value = Parley->Parley data channel MB/s / TCP MB/s on the same 50 ms RTT link (veth of a test"
                        + " namespace, 25 ms each way from a TUN delay line; measured TCP handshake %.1f ms), sender"
                        + " JVM on the host side, receiver JVM in the namespace; 64 KiB reliable ordered messages,"
                        + " bufferedAmount 1-4 MiB; TCP %s with default autotuned buffers; %d s windows after %d s"
                        + " warm-up, medians of %d rounds taking turns: parley %.1f MB/s %s, tcp %.1f MB/s %s;"
                        + " load average %s before, %s after",
                rtt, congestionControl(), ThroughputWindow.WINDOW.toSeconds(), ThroughputWindow.WARMUP.toSeconds(),
                ROUNDS, p, ThroughputWindow.each(parley), t, ThroughputWindow.each(tcp), loadBefore,
                BenchReport.loadAverage());
        new BenchReport("datachannel-throughput-50ms-rtt", "x TCP", "higher", p / t, null, 0.5, ROUNDS, notes)
                .publish();
    }

    private static ThroughputWindow.Result parley(NamespacePeer.Handle far, Map<String, ThroughputWindow.CpuClock> cpu)
            throws Exception {
        try (RealNet net = new RealNet();
                RTCPeerConnection pc = new RTCPeerConnection(RTCConfiguration.defaults(),
                        EngineSettings.builder().net(net).ice(BenchPeers.iceOn(HOST_IP)).build())) {
            CompletableFuture<Void> opened = new CompletableFuture<>();
            RTCDataChannel channel = pc.createDataChannel("bench", RTCDataChannelInit.DEFAULT,
                    new RTCDataChannelListener() {
                        @Override
                        public void onOpen() {
                            opened.complete(null);
                        }
                    });
            CompletableFuture<String> offer = BenchPeers.completeDescription(pc);
            pc.setLocalDescription().get(20, TimeUnit.SECONDS);
            String answer = far.answer(NS_IP, BenchPeers.await(offer));
            pc.setRemoteDescription(RTCSessionDescription.answer(answer)).get(20, TimeUnit.SECONDS);
            opened.get(20, TimeUnit.SECONDS);
            DataChannelPump pump = DataChannelPump.start(channel);
            try {
                return ThroughputWindow.measure(() -> far.sample("dc"), cpu);
            } finally {
                pump.stop();
                far.closePeerConnections();
            }
        }
    }

    private static ThroughputWindow.Result tcp(int port, NamespacePeer.Handle far,
            Map<String, ThroughputWindow.CpuClock> cpu) throws Exception {
        byte[] chunk = new byte[DataChannelPump.MESSAGE_BYTES];
        new Random(5).nextBytes(chunk);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(NS_IP, port), 10_000);
            Thread writer = new Thread(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    while (true) {
                        out.write(chunk);
                    }
                } catch (IOException e) {
                    // closed when the measurement ends
                }
            }, "tcp-sender");
            writer.setDaemon(true);
            writer.start();
            try {
                return ThroughputWindow.measure(() -> far.sample("tcp"), cpu);
            } finally {
                socket.close();
                writer.join(5_000);
            }
        }
    }

    /** The median of five TCP handshakes: one round trip of the link each. */
    private static double tcpHandshakeMs(int port) throws IOException {
        double[] ms = new double[5];
        for (int i = 0; i < ms.length; i++) {
            try (Socket s = new Socket()) {
                long start = System.nanoTime();
                s.connect(new InetSocketAddress(NS_IP, port), 10_000);
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        return BenchReport.median(ms);
    }

    private static String congestionControl() {
        try {
            return Files.readString(Path.of("/proc/sys/net/ipv4/tcp_congestion_control"), StandardCharsets.US_ASCII)
                    .trim();
        } catch (IOException e) {
            return "(congestion control unknown)";
        }
    }

    private static String table(List<ThroughputWindow.Result> parley, List<ThroughputWindow.Result> tcp) {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT,
                "throughput over a 50 ms RTT link (%d ms each way), %d s after %d s warm-up%n", ONE_WAY.toMillis(),
                ThroughputWindow.WINDOW.toSeconds(), ThroughputWindow.WARMUP.toSeconds()));
        t.append(String.format(Locale.ROOT, "%-26s %8s %14s %14s %12s%n", "stream", "MB/s", "sender ms/MB",
                "receiver ms/MB", "delay line"));
        for (int i = 0; i < parley.size(); i++) {
            row(t, "Parley -> Parley (round " + (i + 1) + ")", parley.get(i));
            row(t, "TCP (round " + (i + 1) + ")", tcp.get(i));
        }
        return t.toString();
    }

    private static void row(StringBuilder t, String name, ThroughputWindow.Result r) {
        t.append(String.format(Locale.ROOT, "%-26s %8.1f %14.2f %14.2f %11.0f%%%n", name, r.mbPerSecond(),
                r.cpuMsPerMb().get("sender JVM"), r.cpuMsPerMb().get("receiver JVM"),
                100 * r.cpuShare().get("delay line")));
    }
}
