package dev.parley.rtc.net;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.util.concurrent.CompletableFuture;

/**
 * Sets up virtual TCP connections. No segments are modelled: the handshake takes one round trip of
 * the path's fixed delays, after which two paired {@link VirtualTcpConnection}s carry the bytes.
 *
 * <p>Reachability: a host's own addresses, its LAN, public hosts and routed LANs. A connection out
 * of a NATed LAN gets its own external port (one mapping per connection, released on close).
 * Connections to a NAT's public address are refused (no port forwarding, no TCP hairpinning), as
 * are connections to a port nobody listens on. UDP firewalls do not affect TCP; loss and jitter
 * do not either (TCP would retransmit them away).
 */
final class VirtualTcpRouter {
    private static final Runnable NOTHING = () -> {};

    private final VirtualNetwork network;

    VirtualTcpRouter(VirtualNetwork network) {
        this.network = network;
    }

    CompletableFuture<TcpConnection> connect(
            VirtualHost host, InetSocketAddress bind, InetSocketAddress remote, StreamHandler handler, SerialExecutor executor) {
        CompletableFuture<TcpConnection> future = new CompletableFuture<>();
        InetAddress destination = remote.getAddress();
        if (destination == null || remote.getPort() == 0) {
            failLater(future, executor, new NoRouteToHostException("unresolved or port 0: " + remote), 0);
            return future;
        }
        InetAddress bound = bind == null ? VirtualAddresses.parse("::") : bind.getAddress();
        if (bind != null && !bound.isAnyLocalAddress() && !host.hasAddress(bound)) {
            failLater(future, executor, new BindException("Cannot assign requested address: " + bind), 0);
            return future;
        }
        InetAddress source = host.sourceAddressFor(bound, destination);
        if (source == null) {
            failLater(future, executor, new NoRouteToHostException("no route from " + host + " to " + remote), 0);
            return future;
        }
        Object portOwner = new Object();
        int port;
        try {
            port = host.bindTcpPort(source, bind == null ? 0 : bind.getPort(), portOwner);
        } catch (BindException e) {
            failLater(future, executor, e, 0);
            return future;
        }
        InetSocketAddress local = new InetSocketAddress(source, port);
        Runnable releasePort = () -> host.unbindTcp(local, portOwner);
        Path path = route(host, local, remote);
        Runnable release = () -> {
            releasePort.run();
            path.release().run();
        };
        network.clock().schedule(path.oneWayDelayNanos(), () -> {
            VirtualTcpListener listener = path.target() == null ? null : path.target().tcpListenerAt(remote);
            if (listener == null) {
                release.run();
                IOException why = path.target() == null
                        ? path.unreachable()
                        : new ConnectException("Connection refused: nothing listens on " + remote);
                failLater(future, executor, why, path.oneWayDelayNanos());
                return;
            }
            listener.executor().execute(() -> accept(listener, host, local, remote, path, handler, executor, future, release));
        });
        return future;
    }

    /** On the listener's executor: both ends come to life; the client learns it one delay later. */
    private void accept(VirtualTcpListener listener, VirtualHost client, InetSocketAddress local, InetSocketAddress remote,
            Path path, StreamHandler clientHandler, SerialExecutor clientExecutor,
            CompletableFuture<TcpConnection> future, Runnable release) {
        long delay = path.oneWayDelayNanos();
        if (listener.isClosed()) {
            release.run();
            failLater(future, clientExecutor, new ConnectException("Connection refused: " + remote), delay);
            return;
        }
        VirtualClock clock = network.clock();
        VirtualTcpConnection clientEnd = new VirtualTcpConnection(clock, client, local, remote, clientExecutor, delay, release);
        VirtualTcpConnection serverEnd = new VirtualTcpConnection(
                clock, listener.host(), remote, path.clientAsSeen(), listener.executor(), delay, NOTHING);
        VirtualTcpConnection.pair(clientEnd, serverEnd);
        clientEnd.setHandler(clientHandler);
        client.own(clientEnd);
        listener.host().own(serverEnd);
        // Queued before the accept handler runs, so the client hears "connected" before any byte the server writes.
        clock.schedule(delay, () -> clientExecutor.execute(() -> future.complete(clientEnd)));
        serverEnd.setHandler(listener.handler().onAccept(serverEnd));
    }

    /** Who receives a connection from {@code local} to {@code remote}, as whom, after how long. */
    private Path route(VirtualHost host, InetSocketAddress local, InetSocketAddress remote) {
        InetAddress destination = remote.getAddress();
        if (host.hasAddress(destination)) {
            return new Path(host, local, 0, NOTHING, null);
        }
        long delay = fixedDelay(host.linkConditions());
        VirtualLan lan = host.lan();
        if (lan != null && lan.contains(destination)) {
            return toHost(lan.hostAt(destination), local, delay, NOTHING, remote);
        }
        delay += fixedDelay(network.coreConditions());
        InetSocketAddress seen = local;
        Runnable release = NOTHING;
        if (lan != null) {
            delay += fixedDelay(lan.uplinkConditions());
            if (lan.isNatted(local.getAddress())) {
                if (destination.equals(lan.publicAddress())) {
                    return new Path(null, local, delay, NOTHING,
                            new ConnectException("Connection refused: no TCP hairpinning to " + remote));
                }
                NatTable nat = lan.nat();
                int externalPort = nat.allocateTcpPort(local.getPort());
                seen = new InetSocketAddress(nat.publicAddress(), externalPort);
                release = () -> nat.releaseTcpPort(externalPort);
            }
        }
        VirtualHost publicHost = network.publicHostAt(destination);
        if (publicHost != null) {
            return toHost(publicHost, seen, delay, release, remote);
        }
        VirtualLan routedLan = network.routedLanFor(destination);
        if (routedLan != null) {
            delay += fixedDelay(routedLan.uplinkConditions());
            return toHost(routedLan.hostAt(destination), seen, delay, release, remote);
        }
        if (network.natAt(destination) != null) {
            return new Path(null, seen, delay, release, new ConnectException(
                    "Connection refused: " + remote + " is a NAT, which forwards no inbound connections"));
        }
        return new Path(null, seen, delay, release, new NoRouteToHostException("no host at " + remote));
    }

    private static Path toHost(VirtualHost target, InetSocketAddress seen, long delay, Runnable release,
            InetSocketAddress remote) {
        if (target == null) {
            return new Path(null, seen, delay, release, new NoRouteToHostException("no host at " + remote));
        }
        return new Path(target, seen, delay + fixedDelay(target.linkConditions()), release, null);
    }

    private static long fixedDelay(LinkConditions link) {
        return link.delay().toNanos();
    }

    private void failLater(CompletableFuture<TcpConnection> future, SerialExecutor executor, IOException why, long delayNanos) {
        network.clock().schedule(delayNanos, () -> executor.execute(() -> future.completeExceptionally(why)));
    }

    /**
     * @param target the host that gets the SYN, or {@code null} if none will
     * @param clientAsSeen the client's address as the server sees it (after NAT)
     * @param release gives back the NAT port, if one was taken
     * @param unreachable why no host gets the SYN, when {@code target} is {@code null}
     */
    private record Path(VirtualHost target, InetSocketAddress clientAsSeen, long oneWayDelayNanos, Runnable release,
            IOException unreachable) {}
}
