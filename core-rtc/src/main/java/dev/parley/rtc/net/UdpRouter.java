package dev.parley.rtc.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Random;

/**
 * Carries datagrams across a {@link VirtualNetwork}:
 *
 * <pre>
 *   sender ─▶ [same host or same LAN: direct] ─▶ receiver
 *   sender ─▶ LAN firewall ─▶ NAT out ─▶ uplink ─▶ core ─▶ NAT in (filter) ─▶ LAN firewall ─▶ uplink ─▶ receiver
 * </pre>
 *
 * Translation outbound happens at send time; inbound filtering when the datagram reaches the far
 * NAT, after the first two links' delay, so a mapping that expired in flight drops it.
 */
final class UdpRouter {
    private static final long DROPPED = -1;

    private final VirtualNetwork network;

    UdpRouter(VirtualNetwork network) {
        this.network = network;
    }

    /** Sends {@code data} (already a private copy); {@code false} when the host has no route to {@code to}. */
    boolean send(VirtualUdpSocket socket, byte[] data, InetSocketAddress to) {
        InetAddress destination = to.getAddress();
        if (destination == null || to.getPort() == 0) {
            return false;
        }
        VirtualHost host = socket.host();
        InetAddress source = host.sourceAddressFor(socket.localAddress().getAddress(), destination);
        if (source == null) {
            return false;
        }
        InetSocketAddress local = new InetSocketAddress(source, socket.localAddress().getPort());
        if (host.hasAddress(destination)) {
            later(0, () -> deliver(host, to, data, local, false));
            return true;
        }
        if (host.isUdpBlocked()) {
            network.countFirewalled();
            return true;
        }
        VirtualLan lan = host.lan();
        if (lan != null && lan.contains(destination)) {
            later(0, () -> deliver(lan.hostAt(destination), to, data, local, true));
            return true;
        }
        InetSocketAddress from = local;
        long delay = 0;
        if (lan != null) {
            if (lan.isUdpBlocked()) {
                network.countFirewalled();
                return true;
            }
            if (lan.isNatted(source)) {
                if (destination.equals(lan.publicAddress())) {
                    hairpin(lan, local, to, data);
                    return true;
                }
                from = lan.nat().outboundUdp(from, to, now());
            }
            delay = cross(lan.uplinkConditions());
        }
        if (delay != DROPPED) {
            long core = cross(network.coreConditions());
            if (core != DROPPED) {
                InetSocketAddress seenFrom = from;
                later(delay + core, () -> arriveFromInternet(data, seenFrom, to));
            }
        }
        return true;
    }

    /** The datagram reached the internet side of whatever owns {@code to}'s address. */
    private void arriveFromInternet(byte[] data, InetSocketAddress from, InetSocketAddress to) {
        InetAddress destination = to.getAddress();
        VirtualHost publicHost = network.publicHostAt(destination);
        if (publicHost != null) {
            deliver(publicHost, to, data, from, true);
            return;
        }
        VirtualLan natLan = network.natAt(destination);
        if (natLan != null) {
            if (natLan.isUdpBlocked()) {
                network.countFirewalled();
                return;
            }
            InetSocketAddress internal = natLan.nat().inboundUdp(to.getPort(), from, now());
            if (internal == null) {
                network.countNatFiltered();
                return;
            }
            downlink(natLan, data, from, internal);
            return;
        }
        VirtualLan routedLan = network.routedLanFor(destination);
        if (routedLan != null) {
            if (routedLan.isUdpBlocked()) {
                network.countFirewalled();
                return;
            }
            downlink(routedLan, data, from, to);
            return;
        }
        network.countUnroutable();
    }

    private void downlink(VirtualLan lan, byte[] data, InetSocketAddress from, InetSocketAddress to) {
        long delay = cross(lan.uplinkConditions());
        if (delay != DROPPED) {
            later(delay, () -> deliver(lan.hostAt(to.getAddress()), to, data, from, true));
        }
    }

    /** RFC 4787 section 6: a datagram to the NAT's own public address, from inside, turns back in. */
    private void hairpin(VirtualLan lan, InetSocketAddress internalFrom, InetSocketAddress to, byte[] data) {
        if (!lan.natBehavior().hairpinning()) {
            network.countNatFiltered();
            return;
        }
        NatTable nat = lan.nat();
        // REQ-9: the receiver sees the sender's external mapping as the source.
        InetSocketAddress mappedFrom = nat.outboundUdp(internalFrom, to, now());
        InetSocketAddress internalTo = nat.inboundUdp(to.getPort(), mappedFrom, now());
        if (internalTo == null) {
            network.countNatFiltered();
            return;
        }
        later(0, () -> deliver(lan.hostAt(internalTo.getAddress()), internalTo, data, mappedFrom, true));
    }

    /** Hands the datagram to the socket bound at {@code to} on {@code host}, if any. */
    private void deliver(VirtualHost host, InetSocketAddress to, byte[] data, InetSocketAddress from, boolean fromOutside) {
        if (host == null) {
            network.countUnroutable();
            return;
        }
        if (fromOutside && host.isUdpBlocked()) {
            network.countFirewalled();
            return;
        }
        VirtualUdpSocket socket = host.udpSocketAt(to);
        if (socket == null || socket.isClosed()) {
            network.countUnroutable();
            return;
        }
        network.countDelivered();
        socket.deliver(data, from);
    }

    /** Draws loss then jitter for one link; the link's delay in nanoseconds, or {@link #DROPPED}. */
    private long cross(LinkConditions link) {
        Random random = network.random();
        if (link.lossProbability() > 0 && random.nextDouble() < link.lossProbability()) {
            network.countLoss();
            return DROPPED;
        }
        long jitter = link.jitter().toNanos();
        return link.delay().toNanos() + (jitter > 0 ? random.nextLong(jitter + 1) : 0);
    }

    private void later(long delayNanos, Runnable task) {
        network.clock().schedule(delayNanos, task);
    }

    private long now() {
        return network.clock().nanoTime();
    }
}
