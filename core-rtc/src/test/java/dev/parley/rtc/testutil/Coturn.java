package dev.parley.rtc.testutil;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real coturn {@code turnserver} for tests, on 127.0.0.1 only, with its own config, user,
 * realm and a fresh self-signed certificate (for {@code localhost} and 127.0.0.1) in a temp
 * directory. Start it once per test class and {@link #close()} it after.
 *
 * <p>If {@code turnserver} is not installed the start fails with a message saying so: tests that
 * need coturn must fail, not skip (install Debian's {@code coturn} package).
 */
public final class Coturn implements AutoCloseable {
    public static final String USERNAME = "parley";
    public static final String PASSWORD = "s3cret-test-pass";
    public static final String REALM = "parley.test";
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final long START_TIMEOUT_MS = 10_000;

    private final Path dir;
    private final Process process;
    private final InetAddress listenAddress;
    private final int port;
    private final int tlsPort;
    private final Path certificate;

    private Coturn(Path dir, Process process, InetAddress listenAddress, int port, int tlsPort, Path certificate) {
        this.listenAddress = listenAddress;
        this.dir = dir;
        this.process = process;
        this.port = port;
        this.tlsPort = tlsPort;
        this.certificate = certificate;
    }

    /** Starts coturn on 127.0.0.1, on free ports, with {@code extraConfig} lines appended to its config. */
    public static Coturn start(String... extraConfig) throws IOException, InterruptedException {
        return start(null, LOOPBACK, freeUdpAndTcpPort(), freeUdpAndTcpPort(), extraConfig);
    }

    /**
     * Starts coturn inside a test's network namespace, listening on the namespace's side of its
     * veth link (ports 3478 and 5349: the namespace is new, so they are free).
     */
    public static Coturn startIn(NetworkNamespace ns, String... extraConfig) throws IOException, InterruptedException {
        return start(ns, ns.nsAddress(), 3478, 5349, extraConfig);
    }

    private static Coturn start(NetworkNamespace ns, InetAddress listen, int port, int tlsPort, String... extraConfig)
            throws IOException, InterruptedException {
        Path binary = findTurnserver();
        Path dir = Files.createTempDirectory("parley-coturn");
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        run(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-days", "1",
                "-keyout", key.toString(), "-out", cert.toString());
        String ip = listen.getHostAddress();
        List<String> config = new ArrayList<>(List.of(
                "listening-ip=" + ip,
                "relay-ip=" + ip,
                "listening-port=" + port,
                "tls-listening-port=" + tlsPort,
                "allow-loopback-peers",
                "no-multicast-peers",
                "no-cli",
                "no-dtls",
                "fingerprint",
                "lt-cred-mech",
                "user=" + USERNAME + ":" + PASSWORD,
                "realm=" + REALM,
                "cert=" + cert,
                "pkey=" + key,
                // Keep the user database and every file in our temp dir, not /var/lib/turn.
                "userdb=" + dir.resolve("turndb"),
                "pidfile=" + dir.resolve("turnserver.pid"),
                "log-file=" + dir.resolve("turnserver.log"),
                "simple-log"));
        config.addAll(List.of(extraConfig));
        Path conf = dir.resolve("turnserver.conf");
        Files.write(conf, config, StandardCharsets.UTF_8);
        List<String> command = List.of(binary.toString(), "-c", conf.toString());
        Process process = new ProcessBuilder(ns == null ? command : ns.command(command.toArray(new String[0])))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .start();
        Coturn coturn = new Coturn(dir, process, listen, port, tlsPort, cert);
        try {
            coturn.awaitReady();
        } catch (IOException | RuntimeException e) {
            coturn.close();
            throw e;
        }
        return coturn;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(listenAddress, port);
    }

    public InetSocketAddress tlsAddress() {
        return new InetSocketAddress(listenAddress, tlsPort);
    }

    /** A TLS context that trusts exactly this server's self-signed certificate. */
    public SSLContext trustingSslContext() throws Exception {
        X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(certificate)));
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("coturn-test", x509);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    /** coturn's log so far, for failure messages. */
    public String log() {
        try {
            return Files.readString(dir.resolve("turnserver.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temp dir is harmless.
        }
    }

    private static Path findTurnserver() {
        for (String candidate : new String[] {"/usr/bin/turnserver", "/usr/local/bin/turnserver"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String entry : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(entry, "turnserver");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("coturn's turnserver is not installed (looked in /usr/bin, /usr/local/bin and"
                + " PATH): these tests need a real TURN server — install it with `apt-get install -y coturn`");
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("turnserver exited with " + process.exitValue() + ":\n" + stdout() + log());
            }
            if (answersStunOverUdp() && acceptsTcp(tlsAddress())) {
                return;
            }
            Thread.sleep(20); // polling a child process's ports: there is no event to wait on
        }
        throw new IOException("turnserver did not become ready within " + START_TIMEOUT_MS + " ms:\n" + log());
    }

    /** Sends a STUN Binding request (RFC 8489 §5) and waits briefly for any answer. */
    private boolean answersStunOverUdp() throws IOException {
        byte[] request = new byte[20];
        request[1] = 0x01; // Binding request
        request[4] = 0x21;
        request[5] = 0x12;
        request[6] = (byte) 0xA4;
        request[7] = 0x42;
        request[8] = 7; // any transaction id
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(100);
            socket.send(new DatagramPacket(request, request.length, address()));
            socket.receive(new DatagramPacket(new byte[1500], 1500));
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    private static boolean acceptsTcp(InetSocketAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(address, 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port free for both UDP and TCP on 127.0.0.1 (coturn listens on both). */
    private static int freeUdpAndTcpPort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, LOOPBACK);
                    DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, tcp.getLocalPort()))) {
                return tcp.getLocalPort();
            } catch (IOException taken) {
                // The UDP side of that port is in use; try another.
            }
        }
        throw new IOException("found no port free for both UDP and TCP on 127.0.0.1");
    }

    private String stdout() {
        try {
            return Files.readString(dir.resolve("stdout.txt"));
        } catch (IOException e) {
            return "";
        }
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.txt").toFile()).start();
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed:\n" + Files.readString(dir.resolve("openssl.txt")));
        }
    }
}
