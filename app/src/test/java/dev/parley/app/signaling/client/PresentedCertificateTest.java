package dev.parley.app.signaling.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.app.signaling.e2e.SelfSignedCertificate;
import dev.parley.app.signaling.server.SignalingServer;
import dev.parley.app.signaling.server.SignalingServerConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe reads the certificate a real TLS server on loopback presents, and fails clearly and in time where there is none. */
class PresentedCertificateTest {
    private static final Duration DEADLINE = Duration.ofSeconds(1);
    /** What a loaded machine may add to a deadline before the probe counts as late. */
    private static final long SLACK_MS = 2_000;

    @TempDir
    Path dir;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        watchdog.shutdownNow();
    }

    @Test
    void readsTheSelfSignedServersRealFingerprint() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(dir);
        try (SignalingServer server = SignalingServer.start(SignalingServerConfig.builder()
                .tls(certificate.certificateFile(), certificate.keyFile()).build())) {
            PresentedCertificate presented = PresentedCertificate.fetch(server.webSocketUri(), Duration.ofSeconds(5), watchdog);
            assertEquals(ServerTrust.fingerprint(certificate.certificate()), presented.sha256());
            assertEquals(certificate.certificate(), presented.certificate());
            assertEquals("127.0.0.1", presented.host());
            assertEquals(server.port(), presented.port());
            assertTrue(presented.sha256().matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), presented.sha256());
        }
    }

    @Test
    void aClosedPortFailsClearlyWithinTheDeadline() throws Exception {
        int port;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = gone.getLocalPort();
        }
        IOException e = failsInTime(URI.create("wss://127.0.0.1:" + port + "/signal"));
        assertTrue(e.getMessage().contains("no certificate from 127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void aSilentNonTlsPortFailsClearlyAtTheDeadline() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            // Connections complete in the backlog; nobody ever answers the TLS hello.
            long start = System.nanoTime();
            IOException e = failsInTime(URI.create("wss://127.0.0.1:" + silent.getLocalPort() + "/signal"));
            assertTrue(elapsedMs(start) >= DEADLINE.toMillis() - 50, "gave up before its deadline: " + elapsedMs(start));
            assertTrue(e.getMessage().contains("no certificate from"), e.getMessage());
        }
    }

    @Test
    void aPlainHttpServerIsNotTls() throws Exception {
        try (SignalingServer plain = SignalingServer.start(SignalingServerConfig.builder().build())) {
            URI wrong = URI.create("wss://127.0.0.1:" + plain.port() + "/signal");
            IOException e = failsInTime(wrong);
            assertTrue(e.getMessage().contains("no certificate from 127.0.0.1:" + plain.port()), e.getMessage());
        }
    }

    @Test
    void onlyWssAddressesAreProbed() {
        assertThrows(IllegalArgumentException.class,
                () -> PresentedCertificate.fetch(URI.create("ws://127.0.0.1:1/signal"), DEADLINE, watchdog));
    }

    private IOException failsInTime(URI server) {
        long start = System.nanoTime();
        IOException e = assertThrows(IOException.class, () -> PresentedCertificate.fetch(server, DEADLINE, watchdog));
        assertTrue(elapsedMs(start) < DEADLINE.toMillis() + SLACK_MS, "took " + elapsedMs(start) + " ms");
        return e;
    }

    private static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
