package dev.parley.app.signaling.server;

import dev.parley.app.signaling.protocol.IceServer;
import dev.parley.app.signaling.protocol.SignalingCodec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How to run a {@link SignalingServer}. Built with {@link #builder()}; the defaults suit a test
 * or a server on one's own machine: 127.0.0.1, an ephemeral port, no TLS, no token.
 *
 * @param host the address to bind: 127.0.0.1 unless the operator hosts for others (then e.g. 0.0.0.0)
 * @param port the TCP port; 0 picks a free one ({@link SignalingServer#port()} tells which)
 * @param tlsCertificate PEM certificate chain for wss:// and https://, or null for plain ws://
 * @param tlsKey PEM private key of that certificate, or null
 * @param servePage whether the browser calling page is served on the same port
 */
public record SignalingServerConfig(String host, int port, Path tlsCertificate, Path tlsKey, String token,
                                    List<IceServer> iceServers, int maxMessageBytes, double messagesPerSecond,
                                    int messageBurst, int maxClients, Duration ringTimeout, Duration resumeGrace,
                                    Duration heartbeat, Duration presenceBatch, boolean servePage) {
    public SignalingServerConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: 0 (any free port) to 65535");
        }
        if ((tlsCertificate == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("TLS needs both a certificate and a key");
        }
        iceServers = List.copyOf(iceServers);
    }

    public boolean tls() {
        return tlsCertificate != null;
    }

    HubSettings hubSettings() {
        return new HubSettings(token, iceServers, ringTimeout, resumeGrace, heartbeat, maxClients, presenceBatch);
    }

    @Override
    public String toString() {
        return "SignalingServerConfig[" + host + ":" + port + (tls() ? " tls" : "") + ", token "
                + (token == null ? "none" : "set") + ", " + iceServers.size() + " ICE servers, max " + maxClients
                + " clients, " + messagesPerSecond + " msg/s]";
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SignalingServerConfig}; every setter has a sensible default. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private Path tlsCertificate;
        private Path tlsKey;
        private String token;
        private final List<IceServer> iceServers = new ArrayList<>();
        private int maxMessageBytes = SignalingCodec.DEFAULT_MAX_MESSAGE_BYTES;
        private double messagesPerSecond = 50;
        private int messageBurst = 200;
        private int maxClients = 10_000;
        private Duration ringTimeout = Duration.ofSeconds(45);
        private Duration resumeGrace = Duration.ofSeconds(60);
        private Duration heartbeat = Duration.ofSeconds(15);
        private Duration presenceBatch = Duration.ofMillis(100);
        private boolean servePage = true;

        private Builder() {}

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder tls(Path certificate, Path key) {
            this.tlsCertificate = certificate;
            this.tlsKey = key;
            return this;
        }

        public Builder token(String token) {
            this.token = token;
            return this;
        }

        public Builder iceServer(IceServer server) {
            iceServers.add(server);
            return this;
        }

        public Builder maxMessageBytes(int bytes) {
            this.maxMessageBytes = bytes;
            return this;
        }

        /** The per-connection rate: {@code burst} messages at once, {@code perSecond} sustained. */
        public Builder rateLimit(double perSecond, int burst) {
            this.messagesPerSecond = perSecond;
            this.messageBurst = burst;
            return this;
        }

        public Builder maxClients(int maxClients) {
            this.maxClients = maxClients;
            return this;
        }

        public Builder ringTimeout(Duration ringTimeout) {
            this.ringTimeout = ringTimeout;
            return this;
        }

        public Builder resumeGrace(Duration resumeGrace) {
            this.resumeGrace = resumeGrace;
            return this;
        }

        public Builder heartbeat(Duration heartbeat) {
            this.heartbeat = heartbeat;
            return this;
        }

        /** How long presence changes are gathered before they go out in one update. */
        public Builder presenceBatch(Duration presenceBatch) {
            this.presenceBatch = presenceBatch;
            return this;
        }

        public Builder servePage(boolean servePage) {
            this.servePage = servePage;
            return this;
        }

        public SignalingServerConfig build() {
            return new SignalingServerConfig(host, port, tlsCertificate, tlsKey, token, iceServers, maxMessageBytes,
                    messagesPerSecond, messageBurst, maxClients, ringTimeout, resumeGrace, heartbeat, presenceBatch,
                    servePage);
        }
    }
}
