package dev.parley.app.cli;

import dev.parley.app.signaling.protocol.IceServer;
import dev.parley.app.signaling.server.SignalingServer;
import dev.parley.app.signaling.server.SignalingServerConfig;
import dev.parley.app.signaling.client.ServerTrust;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code parley server}: hosts the signaling server and the browser calling page until stopped
 * (Ctrl-C). Binds 127.0.0.1 unless told otherwise: hosting for others is a deliberate choice.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Host a Parley signaling server and the browser calling page.")
public final class ServerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", description = "TCP port (0: any free port). Default: ${DEFAULT-VALUE}.", defaultValue = "8080")
    int port;

    @Option(names = "--host", description = "Address to bind (0.0.0.0 or :: to accept others). Default: ${DEFAULT-VALUE}.",
            defaultValue = "127.0.0.1")
    String host;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "Certificate chain for wss:// and https://.")
    Path tlsCertificate;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "Private key of --tls-cert.")
    Path tlsKey;

    @Option(names = "--token", description = "Access token clients must register with (visible to ps: prefer --token-file).")
    String token;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the access token.")
    Path tokenFile;

    @Option(names = "--ice-server", paramLabel = "URL",
            description = "STUN or TURN server handed to clients (stun:host:port, turn:host:port?transport=udp…); repeatable.")
    List<String> iceServers = new ArrayList<>();

    @Option(names = "--ice-username", description = "Username for the turn: servers.")
    String iceUsername;

    @Option(names = "--ice-credential", description = "Credential for the turn: servers.")
    String iceCredential;

    @Option(names = "--max-clients", defaultValue = "10000", description = "Connections accepted at once. Default: ${DEFAULT-VALUE}.")
    int maxClients;

    @Option(names = "--ring-seconds", defaultValue = "45", description = "How long an invite rings. Default: ${DEFAULT-VALUE}.")
    int ringSeconds;

    @Override
    public Integer call() throws Exception {
        SignalingServerConfig config = config();
        CountDownLatch stopped = new CountDownLatch(1);
        try (SignalingServer server = SignalingServer.start(config)) {
            spec.commandLine().getOut().println("Signaling: " + server.webSocketUri());
            spec.commandLine().getOut().println("Calling page: " + server.pageUri());
            if (tlsCertificate != null) {
                // What users compare when their app asks whether to trust a self-signed certificate.
                spec.commandLine().getOut().println("Certificate SHA-256: " + certificateFingerprint(tlsCertificate));
            }
            spec.commandLine().getOut().flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "parley-server-stop"));
            stopped.await();
        }
        return 0;
    }

    /** The SHA-256 fingerprint of the server's own certificate (the first in the PEM chain), in colon form. */
    static String certificateFingerprint(Path pemChain) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pemChain)) {
            return ServerTrust.fingerprint((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
    }

    /** The server configuration these options describe. */
    SignalingServerConfig config() throws IOException {
        if ((tlsCertificate == null) != (tlsKey == null)) {
            throw new ParameterException(spec.commandLine(), "--tls-cert and --tls-key go together");
        }
        if (token != null && tokenFile != null) {
            throw new ParameterException(spec.commandLine(), "give --token or --token-file, not both");
        }
        String accessToken = tokenFile != null ? Files.readString(tokenFile, StandardCharsets.UTF_8).strip() : token;
        SignalingServerConfig.Builder builder = SignalingServerConfig.builder()
                .host(host).port(port).token(accessToken).maxClients(maxClients)
                .ringTimeout(Duration.ofSeconds(ringSeconds));
        if (tlsCertificate != null) {
            builder.tls(tlsCertificate, tlsKey);
        }
        for (String url : iceServers) {
            boolean turn = url.startsWith("turn:") || url.startsWith("turns:");
            try {
                builder.iceServer(new IceServer(List.of(url), turn ? iceUsername : null, turn ? iceCredential : null));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--ice-server " + url + ": " + e.getMessage());
            }
        }
        return builder.build();
    }
}
