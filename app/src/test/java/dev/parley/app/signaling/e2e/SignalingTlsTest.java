package dev.parley.app.signaling.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.app.signaling.client.ServerTrust;
import dev.parley.app.signaling.client.SignalingClient;
import dev.parley.app.signaling.client.SignalingClientConfig;
import dev.parley.app.signaling.client.SignalingClientRuntime;
import dev.parley.app.signaling.server.SignalingServer;
import dev.parley.app.signaling.server.SignalingServerConfig;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wss:// with a self-signed certificate: refused by default, accepted only when its fingerprint is pinned. */
class SignalingTlsTest {
    @TempDir
    Path dir;
    private SelfSignedCertificate certificate;
    private SignalingServer server;

    @BeforeEach
    void start() throws Exception {
        certificate = SelfSignedCertificate.create(dir);
        server = SignalingServer.start(SignalingServerConfig.builder()
                .tls(certificate.certificateFile(), certificate.keyFile()).build());
        assertEquals("wss", server.webSocketUri().getScheme());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SignalingClient client(SignalingClientRuntime runtime, String name) {
        return new SignalingClient(SignalingClientConfig.of(server.webSocketUri(), name, null), runtime, new Recorder());
    }

    @Test
    void pinnedFingerprintConnects() throws Exception {
        String pin = ServerTrust.fingerprint(certificate.certificate());
        try (SignalingClientRuntime runtime = new SignalingClientRuntime(ServerTrust.pinned(pin), 2)) {
            SignalingClient ada = client(runtime, "Ada");
            assertEquals("Ada", ada.connect().get(10, TimeUnit.SECONDS).name());
            ada.close();
        }
    }

    @Test
    void unpinnedSelfSignedCertificateIsRefusedWithoutRetrying() throws Exception {
        try (SignalingClientRuntime runtime = new SignalingClientRuntime(ServerTrust.systemDefault(), 2)) {
            SignalingClient ada = client(runtime, "Ada");
            ExecutionException e = assertThrows(ExecutionException.class, () -> ada.connect().get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof javax.net.ssl.SSLException
                    || e.getCause() instanceof java.security.cert.CertificateException, e.getCause().toString());
            assertEquals(SignalingClient.State.CLOSED, ada.state());
        }
    }

    @Test
    void aDifferentPinIsRefused() throws Exception {
        String wrong = "00:".repeat(31) + "00";
        try (SignalingClientRuntime runtime = new SignalingClientRuntime(ServerTrust.pinned(wrong), 2)) {
            SignalingClient ada = client(runtime, "Ada");
            ExecutionException e = assertThrows(ExecutionException.class, () -> ada.connect().get(10, TimeUnit.SECONDS));
            assertTrue(e.getCause().toString().contains("not the pinned"), e.getCause().toString());
        }
    }
}
