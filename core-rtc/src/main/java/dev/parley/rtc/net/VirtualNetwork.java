package dev.parley.rtc.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * An in-memory network for fast, deterministic tests of ICE and the transports above it, in the
 * spirit of pion's {@code vnet}: an "internet" of public hosts, LANs behind NAT routers of any RFC
 * 4787 behaviour, link impairment, and one {@link VirtualClock} the test thread drives. No real
 * socket is ever opened; addresses are only names here (use documentation ranges such as
 * 198.51.100.0/24, 203.0.113.0/24 and 2001:db8::/32 for public ones).
 *
 * <pre>
 *   public host ─┐
 *   public host ─┼─ internet core ─┬─ uplink ─ NAT 203.0.113.1 ─ LAN 10.0.1.0/24 ─ hosts
 *                │                 └─ uplink ─ routed LAN (no NAT) ─ hosts
 * </pre>
 *
 * <p>Each {@link VirtualHost} is a {@link Net}. A datagram crosses, each with its own {@link
 * LinkConditions}: the sender's access link, its LAN's uplink, the core, the receiver's LAN uplink
 * and access link (hosts on one LAN skip the uplinks and the core; a host's own addresses and its
 * loopback skip everything).
 *
 * <pre>{@code
 * VirtualNetwork vnet = new VirtualNetwork(42);                 // seed of every loss/jitter draw
 * vnet.setCoreConditions(LinkConditions.PERFECT.withDelay(Duration.ofMillis(20)));
 * VirtualHost stun = vnet.addPublicHost("198.51.100.1");
 * VirtualLan home = vnet.addLan("10.0.1.0/24", NatBehavior.portRestrictedCone(), "203.0.113.1");
 * VirtualLan office = vnet.addLan("10.0.1.0/24", NatBehavior.symmetric(), "203.0.113.2");
 * office.setUplinkConditions(LinkConditions.PERFECT.withLoss(0.05));
 * VirtualHost alice = home.addHost("10.0.1.2");                 // a Net for Alice's ICE agent
 * VirtualHost bob = office.addHost("10.0.1.2");                 // same block, other world
 * // ... start both agents on alice / bob, then:
 * boolean connected = vnet.clock().runUntil(() -> bothConnected(), Duration.ofSeconds(30));
 * }</pre>
 *
 * <p>Not thread-safe: build the topology and drive the clock from one thread.
 */
public final class VirtualNetwork {
    private final VirtualClock clock;
    private final Random random;
    private final Map<InetAddress, VirtualHost> publicHosts = new HashMap<>();
    private final Map<InetAddress, VirtualLan> natAddresses = new HashMap<>();
    private final List<VirtualLan> lans = new ArrayList<>();
    private final VirtualUdpRouter udpRouter = new VirtualUdpRouter(this);
    private final VirtualTcpRouter tcpRouter = new VirtualTcpRouter(this);
    private LinkConditions coreConditions = LinkConditions.PERFECT;
    private long droppedByLoss;
    private long droppedByNatFiltering;
    private long droppedByFirewall;
    private long unroutable;
    private long delivered;

    /** A network with a fresh clock and a {@code Random} seeded with {@code seed}. */
    public VirtualNetwork(long seed) {
        this(new VirtualClock(), new Random(seed));
    }

    /** @param random source of every loss and jitter draw; seed it for repeatable runs */
    public VirtualNetwork(VirtualClock clock, Random random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    public VirtualClock clock() {
        return clock;
    }

    /** A host on the internet with the given public addresses (IPv4 and/or IPv6 literals). */
    public VirtualHost addPublicHost(String... addresses) {
        List<InetAddress> parsed = parseAll(addresses);
        for (InetAddress address : parsed) {
            claimPublic(address);
        }
        VirtualHost host = new VirtualHost(this, null, parsed);
        for (InetAddress address : parsed) {
            publicHosts.put(address, host);
        }
        return host;
    }

    /**
     * A LAN with private block {@code privateCidr} behind a NAT router whose public address is
     * {@code publicAddress}. Several LANs may use the same private block: each is its own world.
     */
    public VirtualLan addLan(String privateCidr, NatBehavior nat, String publicAddress) {
        Objects.requireNonNull(nat, "nat");
        InetAddress external = VirtualAddresses.parse(publicAddress);
        claimPublic(external);
        VirtualLan lan = new VirtualLan(this, Cidr.parse(privateCidr), new NatTable(nat, external));
        natAddresses.put(external, lan);
        lans.add(lan);
        return lan;
    }

    /**
     * A LAN without NAT: its block is routed, so its hosts' addresses are public and reachable from
     * anywhere (the 1:1 "no NAT" case). Its uplink can still be impaired or block UDP.
     */
    public VirtualLan addRoutedLan(String cidr) {
        VirtualLan lan = new VirtualLan(this, null, null);
        lans.add(lan);
        lan.addRoutedSubnet(cidr);
        return lan;
    }

    /** Impairment of the internet core, crossed by all traffic between different LANs or public hosts. */
    public void setCoreConditions(LinkConditions conditions) {
        this.coreConditions = Objects.requireNonNull(conditions, "conditions");
    }

    public LinkConditions coreConditions() {
        return coreConditions;
    }

    /** Datagrams lost to a link's loss probability. */
    public long droppedByLoss() {
        return droppedByLoss;
    }

    /** Datagrams a NAT refused: no live mapping, filtered (RFC 4787 section 5), or hairpinning off. */
    public long droppedByNatFiltering() {
        return droppedByNatFiltering;
    }

    /** Datagrams dropped because UDP is blocked for the sending or receiving host or LAN. */
    public long droppedByFirewall() {
        return droppedByFirewall;
    }

    /** Datagrams to an address nobody has, or to a port where no socket listens. */
    public long unroutable() {
        return unroutable;
    }

    /** Datagrams handed to a socket. */
    public long delivered() {
        return delivered;
    }

    // ---- package-private: used by hosts, LANs and routers ----

    Random random() {
        return random;
    }

    VirtualUdpRouter udpRouter() {
        return udpRouter;
    }

    VirtualTcpRouter tcpRouter() {
        return tcpRouter;
    }

    /** What the internet reaches at {@code address}: a public host, a LAN (by NAT or routed block), or nothing. */
    VirtualHost publicHostAt(InetAddress address) {
        return publicHosts.get(address);
    }

    VirtualLan natAt(InetAddress address) {
        return natAddresses.get(address);
    }

    VirtualLan routedLanFor(InetAddress address) {
        for (VirtualLan lan : lans) {
            if (lan.routes(address)) {
                return lan;
            }
        }
        return null;
    }

    /** Checks that a routed block overlaps nothing public already in use. */
    void claimRoutedSubnet(Cidr block) {
        for (InetAddress used : publicHosts.keySet()) {
            requireOutside(block, used);
        }
        for (InetAddress used : natAddresses.keySet()) {
            requireOutside(block, used);
        }
        for (VirtualLan lan : lans) {
            for (Cidr other : lan.routedSubnets()) {
                if (other.overlaps(block)) {
                    throw new IllegalArgumentException(block + " overlaps routed block " + other);
                }
            }
        }
    }

    void countLoss() {
        droppedByLoss++;
    }

    void countNatFiltered() {
        droppedByNatFiltering++;
    }

    void countFirewalled() {
        droppedByFirewall++;
    }

    void countUnroutable() {
        unroutable++;
    }

    void countDelivered() {
        delivered++;
    }

    private void claimPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
            throw new IllegalArgumentException("not usable as a public address: " + address.getHostAddress());
        }
        if (publicHosts.containsKey(address) || natAddresses.containsKey(address) || routedLanFor(address) != null) {
            throw new IllegalArgumentException("public address already in use: " + address.getHostAddress());
        }
    }

    private static void requireOutside(Cidr block, InetAddress used) {
        if (block.contains(used)) {
            throw new IllegalArgumentException(block + " contains public address in use " + used.getHostAddress());
        }
    }

    static List<InetAddress> parseAll(String... addresses) {
        if (addresses.length == 0) {
            throw new IllegalArgumentException("a host needs at least one address");
        }
        List<InetAddress> parsed = new ArrayList<>();
        for (String address : addresses) {
            InetAddress one = VirtualAddresses.parse(address);
            if (one.isLoopbackAddress() || one.isAnyLocalAddress()) {
                throw new IllegalArgumentException("loopback is implicit; give interface addresses: " + address);
            }
            if (parsed.contains(one)) {
                throw new IllegalArgumentException("address given twice: " + address);
            }
            parsed.add(one);
        }
        return parsed;
    }
}
