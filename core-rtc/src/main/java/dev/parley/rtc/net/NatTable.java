package dev.parley.rtc.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The translation state of one NAT router with one public address: UDP mappings that follow the
 * {@link NatBehavior}, and TCP ports held one per connection.
 *
 * <p>Expiry is lazy: a mapping idle for its lifetime is purged the next time the table is used, so
 * no timers are needed and the outcome depends only on virtual time.
 */
final class NatTable {
    /** External ports handed out when the internal port is not preserved; below the hosts' ephemeral range so they stand out. */
    static final int FIRST_ALLOCATED_PORT = 20000;

    private final NatBehavior behavior;
    private final InetAddress publicAddress;
    private final Map<MappingKey, UdpMapping> udpByKey = new HashMap<>();
    private final Map<Integer, UdpMapping> udpByExternalPort = new HashMap<>();
    private final Set<Integer> tcpPorts = new HashSet<>();
    private int nextUdpPort = FIRST_ALLOCATED_PORT;
    private int nextTcpPort = FIRST_ALLOCATED_PORT;

    NatTable(NatBehavior behavior, InetAddress publicAddress) {
        this.behavior = behavior;
        this.publicAddress = publicAddress;
    }

    NatBehavior behavior() {
        return behavior;
    }

    InetAddress publicAddress() {
        return publicAddress;
    }

    /**
     * Translates an outbound datagram's source: finds or makes the mapping its destination calls for
     * (RFC 4787 section 4.1), refreshes it (REQ-6) and lets {@code remote} answer through it (section 5).
     */
    InetSocketAddress outboundUdp(InetSocketAddress internal, InetSocketAddress remote, long now) {
        purgeExpired(now);
        MappingKey key = keyFor(internal, remote);
        UdpMapping mapping = udpByKey.get(key);
        if (mapping == null) {
            int port = allocateUdpPort(internal.getPort());
            mapping = new UdpMapping(key, new InetSocketAddress(publicAddress, port));
            udpByKey.put(key, mapping);
            udpByExternalPort.put(port, mapping);
        }
        mapping.lastOutbound = now;
        mapping.permitted.add(permissionFor(remote));
        return mapping.external;
    }

    /** The internal endpoint an inbound datagram goes to, or {@code null} when no live mapping lets it in. */
    InetSocketAddress inboundUdp(int externalPort, InetSocketAddress remote, long now) {
        purgeExpired(now);
        UdpMapping mapping = udpByExternalPort.get(externalPort);
        if (mapping == null) {
            return null;
        }
        if (behavior.filtering() != NatFiltering.ENDPOINT_INDEPENDENT
                && !mapping.permitted.contains(permissionFor(remote))) {
            return null;
        }
        return mapping.key.internal();
    }

    /** Live UDP mappings at {@code now}. */
    int udpMappingCount(long now) {
        purgeExpired(now);
        return udpByKey.size();
    }

    /** An external port for one outbound TCP connection; give it back with {@link #releaseTcpPort}. */
    int allocateTcpPort(int internalPort) {
        int port;
        if (behavior.portPreservation() && !tcpPorts.contains(internalPort)) {
            port = internalPort;
        } else {
            port = nextTcpPort;
            while (tcpPorts.contains(port)) {
                port = nextPortAfter(port);
            }
            nextTcpPort = nextPortAfter(port);
        }
        tcpPorts.add(port);
        return port;
    }

    void releaseTcpPort(int port) {
        tcpPorts.remove(port);
    }

    private int allocateUdpPort(int internalPort) {
        if (behavior.portPreservation() && !udpByExternalPort.containsKey(internalPort)) {
            return internalPort;
        }
        int port = nextUdpPort;
        for (int tries = 0; udpByExternalPort.containsKey(port); tries++) {
            if (tries > 65535) {
                throw new IllegalStateException("NAT " + publicAddress.getHostAddress() + " ran out of UDP ports");
            }
            port = nextPortAfter(port);
        }
        nextUdpPort = nextPortAfter(port);
        return port;
    }

    private static int nextPortAfter(int port) {
        return port >= 65535 ? 1024 : port + 1;
    }

    private MappingKey keyFor(InetSocketAddress internal, InetSocketAddress remote) {
        return switch (behavior.mapping()) {
            case ENDPOINT_INDEPENDENT -> new MappingKey(internal, null, -1);
            case ADDRESS_DEPENDENT -> new MappingKey(internal, remote.getAddress(), -1);
            case ADDRESS_AND_PORT_DEPENDENT -> new MappingKey(internal, remote.getAddress(), remote.getPort());
        };
    }

    /** What an outbound datagram to {@code remote} opens the mapping to, under the filtering behaviour. */
    private Object permissionFor(InetSocketAddress remote) {
        return switch (behavior.filtering()) {
            case ENDPOINT_INDEPENDENT -> Boolean.TRUE;
            case ADDRESS_DEPENDENT -> remote.getAddress();
            case ADDRESS_AND_PORT_DEPENDENT -> remote;
        };
    }

    private void purgeExpired(long now) {
        long lifetime = behavior.mappingLifetime().toNanos();
        for (Iterator<UdpMapping> it = udpByKey.values().iterator(); it.hasNext(); ) {
            UdpMapping mapping = it.next();
            if (now - mapping.lastOutbound >= lifetime) {
                it.remove();
                udpByExternalPort.remove(mapping.external.getPort());
            }
        }
    }

    /** Internal endpoint plus as much of the destination as the mapping behaviour depends on. */
    private record MappingKey(InetSocketAddress internal, InetAddress remoteAddress, int remotePort) {}

    private static final class UdpMapping {
        final MappingKey key;
        final InetSocketAddress external;
        final Set<Object> permitted = new HashSet<>();
        long lastOutbound;

        UdpMapping(MappingKey key, InetSocketAddress external) {
            this.key = key;
            this.external = external;
        }
    }
}
