package dev.parley.rtc.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Random;

/**
 * Carries datagrams across a {@link VirtualNetwork}:
 *
 * <pre>
 *   sender ─▶ [same host: direct] ─▶ receiver
 *   sender ─▶ host firewall ─▶ host link ─▶ [same LAN] ─▶ host firewall ─▶ host link ─▶ receiver
 *   sender ─▶ host firewall ─▶ host link ─▶ LAN firewall ─▶ NAT out ─▶ uplink ─▶ core
 *          ─▶ LAN firewall ─▶ NAT in (filter) ─▶ uplink ─▶ host firewall ─▶ host link ─▶ receiver
 * </pre>
 *
 * Translation outbound happens at send time; inbound filtering when the datagram reaches the far
 * NAT, after the first two links' delay, so a mapping that expired in flight drops it.
 */
final class VirtualUdpRouter {
    private static final long DROPPED = -1;

    private final VirtualNetwork network;

    VirtualUdpRouter(VirtualNetwork network) {
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
            later(0, () -> deliverToSocket(host, to, data, local));
            return true;
        }
        if (host.isUdpBlocked()) {
            network.countFirewalled();
            return true;
        }
        long delay = cross(host.linkConditions());
        if (delay == DROPPED) {
            return true;
        }
        VirtualLan lan = host.lan();
        if (lan != null && lan.contains(destination)) {
            later(delay, () -> arriveAtHost(lan.hostAt(destination), to, data, local));
            return true;
        }
        InetSocketAddress from = local;
        if (lan != null) {
            if (lan.isUdpBlocked()) {
                network.countFirewalled();
                return true;
            }
            if (lan.isNatted(source)) {
                if (destination.equals(lan.publicAddress())) {
                    later(delay, () -> hairpin(lan, local, to, data));
                    return true;
                }
                from = lan.nat().outboundUdp(from, to, now());
            }
            long uplink = cross(lan.uplinkConditions());
            if (uplink == DROPPED) {
                return true;
            }
            delay += uplink;
        }
        long core = cross(network.coreConditions());
        if (core != DROPPED) {
            InetSocketAddress seenFrom = from;
            later(delay + core, () -> arriveFromInternet(data, seenFrom, to));
        }
        return true;
    }

    /** The datagram reached the internet side of whatever owns {@code to}'s address. */
    private void arriveFromInternet(byte[] data, InetSocketAddress from, InetSocketAddress to) {
        InetAddress destination = to.getAddress();
        VirtualHost publicHost = network.publicHostAt(destination);
        if (publicHost != null) {
            arriveAtHost(publicHost, to, data, from);
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
            later(delay, () -> arriveAtHost(lan.hostAt(to.getAddress()), to, data, from));
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
        arriveAtHost(lan.hostAt(internalTo.getAddress()), internalTo, data, mappedFrom);
    }

    /** The datagram reached {@code host}'s firewall and access link from elsewhere. */
    private void arriveAtHost(VirtualHost host, InetSocketAddress to, byte[] data, InetSocketAddress from) {
        if (host == null) {
            network.countUnroutable();
            return;
        }
        if (host.isUdpBlocked()) {
            network.countFirewalled();
            return;
        }
        long delay = cross(host.linkConditions());
        if (delay != DROPPED) {
            later(delay, () -> deliverToSocket(host, to, data, from));
        }
    }

    /** Hands the datagram to the socket bound at {@code to} on {@code host}, if any. */
    private void deliverToSocket(VirtualHost host, InetSocketAddress to, byte[] data, InetSocketAddress from) {
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
