package dev.parley.app.desktop;

import dev.parley.app.signaling.server.SignalingServer;
import dev.parley.app.signaling.server.SignalingServerConfig;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signaling server the app hosts when its user chose "this computer" (the default): on
 * Parley's port when it is free, on any free port otherwise. The app's own client reaches it on
 * loopback; {@link #reachableAt()} lists the addresses to tell people on the same network.
 */
public final class EmbeddedServerHost implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServerHost.class);
    /** Parley's usual port: a second computer can guess it. */
    public static final int DEFAULT_PORT = 47800;
    /** Every interface: hosting means being reachable by the people you call. */
    public static final String ALL_INTERFACES = "0.0.0.0";

    private final SignalingServer server;
    private final String bindHost;

    private EmbeddedServerHost(SignalingServer server, String bindHost) {
        this.server = server;
        this.bindHost = bindHost;
    }

    /**
     * Starts a server bound to {@code bindHost} on {@code preferredPort}, or on a free port if
     * that one is taken.
     *
     * @throws IOException if no port can be bound at all
     */
    public static EmbeddedServerHost start(String bindHost, int preferredPort) throws IOException {
        try {
            return new EmbeddedServerHost(SignalingServer.start(config(bindHost, preferredPort)), bindHost);
        } catch (BindException e) {
            LOG.info("port {} is taken on {}; hosting on a free port", preferredPort, bindHost);
            return new EmbeddedServerHost(SignalingServer.start(config(bindHost, 0)), bindHost);
        }
    }

    private static SignalingServerConfig config(String host, int port) {
        return SignalingServerConfig.builder().host(host).port(port).build();
    }

    public int port() {
        return server.port();
    }

    /** Where this app's own client connects: loopback when bound to every interface. */
    public URI localUri() {
        String host = ALL_INTERFACES.equals(bindHost) ? "127.0.0.1" : bindHost;
        return URI.create("ws://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + SignalingServer.PATH);
    }

    /** The addresses others on this computer's networks can use (IPv4, interfaces up, not loopback). */
    public List<URI> reachableAt() {
        if (!ALL_INTERFACES.equals(bindHost)) {
            return List.of(localUri());
        }
        List<URI> uris = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        uris.add(URI.create("ws://" + address.getHostAddress() + ":" + port() + SignalingServer.PATH));
                    }
                }
            }
        } catch (SocketException e) {
            LOG.warn("cannot list network interfaces: {}", e.toString());
        }
        return uris;
    }

    public SignalingServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
