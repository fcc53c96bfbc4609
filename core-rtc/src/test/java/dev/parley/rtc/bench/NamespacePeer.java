package dev.parley.rtc.bench;

import dev.parley.rtc.EngineSettings;
import dev.parley.rtc.RTCConfiguration;
import dev.parley.rtc.RTCDataChannel;
import dev.parley.rtc.RTCPeerConnection;
import dev.parley.rtc.RTCPeerConnectionListener;
import dev.parley.rtc.RTCSessionDescription;
import dev.parley.rtc.net.RealNet;
import dev.parley.rtc.testutil.JvmInNamespace;
import dev.parley.rtc.testutil.NetworkNamespace;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The far end of {@link DataChannelDelayedLinkBenchmark}: a second JVM started inside a test
 * namespace ({@code ip netns exec}), because two ends in one JVM would talk over loopback and
 * never cross the namespace's link. It receives: it answers Parley offers and counts what arrives
 * on announced data channels, and accepts TCP connections and counts what arrives on them.
 * Driven through {@link JvmInNamespace}'s line protocol:
 *
 * <pre>
 *   answer &lt;ip&gt; &lt;offer SDP, base64&gt;  →  @@ &lt;answer SDP with its candidates, base64&gt;
 *   tcp &lt;ip&gt;                         →  @@ &lt;listening port&gt;
 *   sample dc|tcp                    →  @@ &lt;bytes received so far&gt; &lt;System.nanoTime()&gt;
 *   cpu                              →  @@ &lt;this JVM's CPU time in ns&gt;
 *   close                            →  @@ closed   (closes the peer connections)
 * </pre>
 *
 * End of stdin ends it. {@link Handle} is the benchmark's side.
 */
public final class NamespacePeer {
    private final AtomicLong dataChannelBytes = new AtomicLong();
    private final AtomicLong tcpBytes = new AtomicLong();
    private final List<RTCPeerConnection> peerConnections = new ArrayList<>();
    private final RealNet net = new RealNet();

    private NamespacePeer() {}

    public static void main(String[] args) throws Exception {
        NamespacePeer peer = new NamespacePeer();
        JvmInNamespace.serve(words -> {
            try {
                return peer.handle(words);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        peer.closePeerConnections();
        peer.net.close();
        System.exit(0);
    }

    private String handle(String[] words) throws Exception {
        return switch (words[0]) {
            case "answer" -> answer(words[1], new String(Base64.getDecoder().decode(words[2]), StandardCharsets.UTF_8));
            case "tcp" -> Integer.toString(listen(words[1]));
            case "sample" -> (words[1].equals("dc") ? dataChannelBytes : tcpBytes).get() + " " + System.nanoTime();
            case "cpu" -> Long.toString(ThroughputWindow.jvmCpu().toNanos());
            case "close" -> closePeerConnections();
            default -> throw new IllegalArgumentException("unknown command: " + String.join(" ", words));
        };
    }

    private String answer(String ip, String offer) throws Exception {
        RTCPeerConnection pc = new RTCPeerConnection(RTCConfiguration.defaults(),
                EngineSettings.builder().net(net).ice(BenchPeers.iceOn(ip)).build());
        peerConnections.add(pc);
        DataChannelPump.Counter counter = new DataChannelPump.Counter(dataChannelBytes);
        pc.addListener(new RTCPeerConnectionListener() {
            @Override
            public void onDataChannel(RTCDataChannel channel) {
                channel.addListener(counter);
            }
        });
        var description = BenchPeers.completeDescription(pc);
        pc.setRemoteDescription(RTCSessionDescription.offer(offer)).get(20, TimeUnit.SECONDS);
        pc.setLocalDescription().get(20, TimeUnit.SECONDS);
        return Base64.getEncoder().encodeToString(BenchPeers.await(description).getBytes(StandardCharsets.UTF_8));
    }

    private String closePeerConnections() {
        peerConnections.forEach(RTCPeerConnection::close);
        peerConnections.clear();
        return "closed";
    }

    /** Accepts connections on {@code ip} (any port) for good, counting every byte that arrives. */
    private int listen(String ip) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getByName(ip), 0));
        Thread acceptor = new Thread(() -> {
            while (true) {
                try {
                    Socket s = server.accept();
                    Thread reader = new Thread(() -> drain(s), "tcp-drain");
                    reader.setDaemon(true);
                    reader.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "tcp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return server.getLocalPort();
    }

    private void drain(Socket s) {
        byte[] buffer = new byte[256 * 1024];
        try (s; InputStream in = s.getInputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                tcpBytes.addAndGet(n);
            }
        } catch (IOException e) {
            // the sender closed abruptly: its count so far stands
        }
    }

    /** The benchmark's side: a {@link NamespacePeer} in a namespace and the commands it takes. */
    static final class Handle implements AutoCloseable {
        private final JvmInNamespace jvm;

        private Handle(JvmInNamespace jvm) {
            this.jvm = jvm;
        }

        static Handle start(NetworkNamespace ns) throws IOException {
            return new Handle(JvmInNamespace.start(ns, NamespacePeer.class));
        }

        String answer(String ip, String offer) throws IOException {
            String b64 = jvm.call("answer " + ip + " "
                    + Base64.getEncoder().encodeToString(offer.getBytes(StandardCharsets.UTF_8)));
            return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
        }

        int listenTcp(String ip) throws IOException {
            return Integer.parseInt(jvm.call("tcp " + ip));
        }

        /** {@code {bytes, nanoTime}} on the far JVM's clock; {@code what} is "dc" or "tcp". */
        long[] sample(String what) throws IOException {
            String[] f = jvm.call("sample " + what).split(" ");
            return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
        }

        Duration cpu() throws IOException {
            return Duration.ofNanos(Long.parseLong(jvm.call("cpu")));
        }

        void closePeerConnections() throws IOException {
            jvm.call("close");
        }

        String log() {
            return jvm.log();
        }

        @Override
        public void close() throws IOException, InterruptedException {
            jvm.close();
        }
    }
}
