package dev.parley.rtc.stun;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Where and how to reach one TURN server. Built with {@link #udp}, {@link #tcp} or {@link #tls}
 * and adjusted with the {@code with…} methods.
 *
 * @param transport UDP, TCP or TLS to the server
 * @param server the server's resolved address
 * @param tlsServerName for TLS: the name sent as SNI and checked against the certificate
 *     (hostname verification is always on)
 * @param sslContext for TLS: whose trust decides which certificates are accepted; {@code null}
 *     means the JDK's default context and trust store. Tests pass a context that trusts their
 *     own self-signed certificate — nothing else can make the client accept one.
 * @param localBind local address to bind, or {@code null} for the wildcard address and any port
 * @param requestedLifetime LIFETIME to ask for in Allocate and Refresh, or {@code null} to let
 *     the server choose (RFC 8656 §7.1: 10 minutes by default)
 * @param schedule retransmissions and timeouts of every request
 */
public record TurnServerConfig(TurnTransport transport, InetSocketAddress server, String tlsServerName,
        SSLContext sslContext, InetSocketAddress localBind, Duration requestedLifetime,
        RetransmissionSchedule schedule) {

    public TurnServerConfig {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(schedule, "schedule");
        if (server.isUnresolved()) {
            throw new IllegalArgumentException("resolve the TURN server's name first: " + server);
        }
        if (transport == TurnTransport.TLS && (tlsServerName == null || tlsServerName.isEmpty())) {
            throw new IllegalArgumentException("TLS needs the server name to verify the certificate against");
        }
        if (requestedLifetime != null && (requestedLifetime.isNegative() || requestedLifetime.isZero())) {
            throw new IllegalArgumentException("requested lifetime must be positive: " + requestedLifetime);
        }
    }

    public static TurnServerConfig udp(InetSocketAddress server) {
        return new TurnServerConfig(TurnTransport.UDP, server, null, null, null, null, RetransmissionSchedule.RFC_8489);
    }

    public static TurnServerConfig tcp(InetSocketAddress server) {
        return new TurnServerConfig(TurnTransport.TCP, server, null, null, null, null, RetransmissionSchedule.RFC_8489);
    }

    /** {@code turns:} — TLS to {@code server}, whose certificate must be valid for {@code serverName}. */
    public static TurnServerConfig tls(InetSocketAddress server, String serverName) {
        return new TurnServerConfig(TurnTransport.TLS, server, serverName, null, null, null,
                RetransmissionSchedule.RFC_8489);
    }

    public TurnServerConfig withSslContext(SSLContext context) {
        return new TurnServerConfig(transport, server, tlsServerName, context, localBind, requestedLifetime, schedule);
    }

    public TurnServerConfig withLocalBind(InetSocketAddress bind) {
        return new TurnServerConfig(transport, server, tlsServerName, sslContext, bind, requestedLifetime, schedule);
    }

    public TurnServerConfig withRequestedLifetime(Duration lifetime) {
        return new TurnServerConfig(transport, server, tlsServerName, sslContext, localBind, lifetime, schedule);
    }

    public TurnServerConfig withSchedule(RetransmissionSchedule newSchedule) {
        return new TurnServerConfig(transport, server, tlsServerName, sslContext, localBind, requestedLifetime,
                newSchedule);
    }
}
