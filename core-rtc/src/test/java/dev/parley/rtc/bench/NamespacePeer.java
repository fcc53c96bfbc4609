package dev.parley.rtc.bench;

import dev.parley.rtc.EngineSettings;
import dev.parley.rtc.RTCConfiguration;
import dev.parley.rtc.RTCDataChannel;
import dev.parley.rtc.RTCPeerConnection;
import dev.parley.rtc.RTCPeerConnectionListener;
import dev.parley.rtc.RTCSessionDescription;
import dev.parley.rtc.net.RealNet;
import dev.parley.rtc.testutil.NetworkNamespace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Driven line by line on stdin; each command's reply is one stdout line starting {@code @@}:
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
        PrintStream out = System.out;
        System.setOut(System.err); // only replies on stdout
        new NamespacePeer().serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out);
        System.exit(0);
    }

    private void serve(BufferedReader in, PrintStream out) throws Exception {
        for (String line; (line = in.readLine()) != null; ) {
            String[] words = line.trim().split(" ");
            String reply = switch (words[0]) {
                case "answer" -> answer(words[1],
                        new String(Base64.getDecoder().decode(words[2]), StandardCharsets.UTF_8));
                case "tcp" -> Integer.toString(listen(words[1]));
                case "sample" -> (words[1].equals("dc") ? dataChannelBytes : tcpBytes).get() + " " + System.nanoTime();
                case "cpu" -> Long.toString(ThroughputWindow.jvmCpu().toNanos());
                case "close" -> closePeerConnections();
                default -> throw new IllegalArgumentException("unknown command: " + line);
            };
            out.println("@@ " + reply);
            out.flush();
        }
        closePeerConnections();
        net.close();
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

    /** The benchmark's side: starts a {@link NamespacePeer} in a namespace and sends it commands. */
    static final class Handle implements AutoCloseable {
        private final Process process;
        private final Writer commands;
        private final BufferedReader replies;
        private final Path log;

        private Handle(Process process, Path log) {
            this.process = process;
            this.log = log;
            this.commands = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        /** A JVM like this one (same java, same class path) running {@link NamespacePeer} inside {@code ns}. */
        static Handle start(NetworkNamespace ns) throws IOException {
            Path log = Files.createTempFile("parley-namespace-peer", ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(ns.command(java, "-cp", System.getProperty("java.class.path"),
                    NamespacePeer.class.getName())).redirectError(log.toFile()).start();
            return new Handle(p, log);
        }

        synchronized String call(String command) throws IOException {
            commands.write(command + "\n");
            commands.flush();
            StringBuilder other = new StringBuilder();
            for (String line; (line = replies.readLine()) != null; ) {
                if (line.startsWith("@@ ")) {
                    return line.substring(3);
                }
                other.append(line).append('\n'); // the JVM's own messages (JFR's, say) on stdout
            }
            throw new IOException("the namespace peer ended on '" + command.split(" ")[0] + "': " + other
                    + "\n--- its log ---\n" + log());
        }

        String answer(String ip, String offer) throws IOException {
            String b64 = call("answer " + ip + " "
                    + Base64.getEncoder().encodeToString(offer.getBytes(StandardCharsets.UTF_8)));
            return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
        }

        int listenTcp(String ip) throws IOException {
            return Integer.parseInt(call("tcp " + ip));
        }

        /** {@code {bytes, nanoTime}} on the far JVM's clock; {@code what} is "dc" or "tcp". */
        long[] sample(String what) throws IOException {
            String[] f = call("sample " + what).split(" ");
            return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
        }

        Duration cpu() throws IOException {
            return Duration.ofNanos(Long.parseLong(call("cpu")));
        }

        void closePeerConnections() throws IOException {
            call("close");
        }

        String log() {
            try {
                String text = Files.readString(log, StandardCharsets.UTF_8);
                return text.length() > 20_000 ? "…" + text.substring(text.length() - 20_000) : text;
            } catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }

        @Override
        public void close() throws IOException, InterruptedException {
            commands.close(); // end of stdin ends it
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(log);
        }
    }
}
