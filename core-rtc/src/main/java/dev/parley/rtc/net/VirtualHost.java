package dev.parley.rtc.net;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One machine of a {@link VirtualNetwork}, seen by the engine as its {@link Net}. It has its
 * interface addresses (interface {@code v0}, network id 1) plus loopback {@code 127.0.0.1} and
 * {@code ::1} (interface {@code lo}, network id 0) that reach only this host. Ephemeral ports are
 * handed out in order from 49152, so runs repeat.
 */
public final class VirtualHost implements Net {
    static final InetAddress LOOPBACK_V4 = VirtualAddresses.parse("127.0.0.1");
    static final InetAddress LOOPBACK_V6 = VirtualAddresses.parse("::1");

    private final VirtualNetwork network;
    private final VirtualLan lan;
    private final List<InetAddress> addresses;
    private final VirtualPortBindings<VirtualUdpSocket> udpPorts = new VirtualPortBindings<>();
    private final VirtualPortBindings<Object> tcpPorts = new VirtualPortBindings<>();
    /** Sockets, listeners, connections and executors to close with the host, in creation order. */
    private final Set<AutoCloseable> owned = new LinkedHashSet<>();
    private boolean udpBlocked;
    private LinkConditions linkConditions = LinkConditions.PERFECT;

    VirtualHost(VirtualNetwork network, VirtualLan lan, List<InetAddress> addresses) {
        this.network = network;
        this.lan = lan;
        this.addresses = List.copyOf(addresses);
    }

    /** The interface addresses (no loopback), in the order given. */
    public List<InetAddress> addresses() {
        return addresses;
    }

    /** The first interface address. */
    public InetAddress address() {
        return addresses.get(0);
    }

    /** The LAN this host sits on, or {@code null} for a public host. */
    public VirtualLan lan() {
        return lan;
    }

    public VirtualNetwork network() {
        return network;
    }

    /** A host firewall that drops all UDP in and out except within the host; TCP passes. */
    public void setUdpBlocked(boolean blocked) {
        this.udpBlocked = blocked;
    }

    public boolean isUdpBlocked() {
        return udpBlocked;
    }

    /**
     * Impairment of this host's own access link (think Wi-Fi), applied each way to all its traffic
     * except to itself, on top of its LAN's uplink and the core.
     */
    public void setLinkConditions(LinkConditions conditions) {
        this.linkConditions = Objects.requireNonNull(conditions, "conditions");
    }

    public LinkConditions linkConditions() {
        return linkConditions;
    }

    @Override
    public List<LocalAddress> localAddresses(boolean includeLoopback) {
        List<LocalAddress> result = new ArrayList<>();
        for (InetAddress address : addresses) {
            result.add(new LocalAddress("v0", address, 1));
        }
        if (includeLoopback) {
            result.add(new LocalAddress("lo", LOOPBACK_V4, 0));
            result.add(new LocalAddress("lo", LOOPBACK_V6, 0));
        }
        return result;
    }

    @Override
    public SerialExecutor newSerialExecutor(String name) {
        SerialExecutor[] executor = new SerialExecutor[1];
        executor[0] = new VirtualSerialExecutor(name, network.clock(), () -> owned.remove(executor[0]));
        owned.add(executor[0]);
        return executor[0];
    }

    @Override
    public long nanoTime() {
        return network.clock().nanoTime();
    }

    @Override
    public UdpSocket openUdp(InetSocketAddress bind, DatagramHandler handler, SerialExecutor executor)
            throws IOException {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(executor, "executor");
        InetAddress address = bindableAddress(bind);
        VirtualUdpSocket socket = new VirtualUdpSocket(this, handler, executor);
        int port = udpPorts.bind(address, bind.getPort(), socket);
        socket.bound(new InetSocketAddress(address, port));
        owned.add(socket);
        return socket;
    }

    @Override
    public TcpListener listenTcp(InetSocketAddress bind, TcpListener.AcceptHandler handler, SerialExecutor executor)
            throws IOException {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(executor, "executor");
        InetAddress address = bindableAddress(bind);
        VirtualTcpListener listener = new VirtualTcpListener(this, handler, executor);
        int port = tcpPorts.bind(address, bind.getPort(), listener);
        listener.bound(new InetSocketAddress(address, port));
        owned.add(listener);
        return listener;
    }

    @Override
    public CompletableFuture<TcpConnection> connectTcp(
            InetSocketAddress bind, InetSocketAddress remote, StreamHandler handler, SerialExecutor executor) {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(executor, "executor");
        return network.tcpRouter().connect(this, bind, remote, handler, executor);
    }

    /** Closes every socket, listener, connection and executor this host made. */
    @Override
    public void close() {
        for (AutoCloseable resource : new ArrayList<>(owned)) {
            try {
                resource.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing " + resource, e); // virtual resources do not throw
            }
        }
        owned.clear();
    }

    @Override
    public String toString() {
        return "VirtualHost" + addresses;
    }

    // ---- package-private: used by sockets and routers ----

    boolean hasAddress(InetAddress address) {
        return address.isLoopbackAddress() || addresses.contains(address);
    }

    /**
     * The source address the "kernel" picks for a datagram or connection from a socket bound to
     * {@code bound} towards {@code destination}, or {@code null} when there is no route.
     */
    InetAddress sourceAddressFor(InetAddress bound, InetAddress destination) {
        boolean wantV6 = destination instanceof Inet6Address;
        if (!bound.isAnyLocalAddress()) {
            boolean sameFamily = (bound instanceof Inet6Address) == wantV6;
            boolean loopbackToOutside = bound.isLoopbackAddress() && !hasAddress(destination);
            return sameFamily && !loopbackToOutside ? bound : null;
        }
        if (wantV6 && bound instanceof Inet4Address) {
            return null; // 0.0.0.0 sockets are IPv4 only; "::" ones are dual-stack
        }
        if (hasAddress(destination)) {
            return destination;
        }
        for (InetAddress address : addresses) {
            if ((address instanceof Inet6Address) == wantV6) {
                return address;
            }
        }
        return null;
    }

    VirtualUdpSocket udpSocketAt(InetSocketAddress address) {
        return udpPorts.lookup(address.getAddress(), address.getPort());
    }

    VirtualTcpListener tcpListenerAt(InetSocketAddress address) {
        Object owner = tcpPorts.lookup(address.getAddress(), address.getPort());
        return owner instanceof VirtualTcpListener ? (VirtualTcpListener) owner : null;
    }

    void unbindUdp(VirtualUdpSocket socket) {
        udpPorts.unbind(socket.localAddress().getAddress(), socket.localAddress().getPort(), socket);
        owned.remove(socket);
    }

    void unbindTcp(InetSocketAddress address, Object owner) {
        tcpPorts.unbind(address.getAddress(), address.getPort(), owner);
        owned.remove(owner);
    }

    /** Binds a port for an outgoing connection's local end. */
    int bindTcpPort(InetAddress address, int port, Object owner) throws BindException {
        return tcpPorts.bind(address, port, owner);
    }

    void own(AutoCloseable resource) {
        owned.add(resource);
    }

    void disown(AutoCloseable resource) {
        owned.remove(resource);
    }

    private InetAddress bindableAddress(InetSocketAddress bind) throws SocketException {
        Objects.requireNonNull(bind, "bind");
        InetAddress address = bind.getAddress();
        if (address == null) {
            throw new SocketException("unresolved bind address: " + bind);
        }
        if (!address.isAnyLocalAddress() && !address.equals(LOOPBACK_V4) && !address.equals(LOOPBACK_V6)
                && !addresses.contains(address)) {
            throw new BindException("Cannot assign requested address: " + address.getHostAddress());
        }
        return address;
    }
}
