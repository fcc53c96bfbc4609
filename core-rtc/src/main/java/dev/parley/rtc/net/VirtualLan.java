package dev.parley.rtc.net;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A LAN of the {@link VirtualNetwork}: hosts that reach each other directly, and one uplink to the
 * internet through either a NAT router (private block) or plain routing (routed blocks, reachable
 * from anywhere). A NATed LAN may also have routed blocks, as a home network gets an IPv6 prefix
 * next to its NATed IPv4 block.
 */
public final class VirtualLan {
    private final VirtualNetwork network;
    private final Cidr natBlock;
    private final NatTable nat;
    private final List<Cidr> routedBlocks = new ArrayList<>();
    private final Map<InetAddress, VirtualHost> hosts = new HashMap<>();
    private LinkConditions uplinkConditions = LinkConditions.PERFECT;
    private boolean udpBlocked;

    VirtualLan(VirtualNetwork network, Cidr natBlock, NatTable nat) {
        this.network = network;
        this.natBlock = natBlock;
        this.nat = nat;
    }

    /** A host with the given addresses, each inside one of this LAN's blocks. */
    public VirtualHost addHost(String... addresses) {
        List<InetAddress> parsed = VirtualNetwork.parseAll(addresses);
        for (InetAddress address : parsed) {
            if (!contains(address)) {
                throw new IllegalArgumentException(address.getHostAddress() + " is not inside this LAN's blocks");
            }
            if (hosts.containsKey(address)) {
                throw new IllegalArgumentException("address already on this LAN: " + address.getHostAddress());
            }
        }
        VirtualHost host = new VirtualHost(network, this, parsed);
        for (InetAddress address : parsed) {
            hosts.put(address, host);
        }
        return host;
    }

    /** Adds a block routed to this LAN without NAT (for example an IPv6 /64). */
    public VirtualLan addRoutedSubnet(String cidr) {
        Cidr block = Cidr.parse(cidr);
        network.claimRoutedSubnet(block);
        routedBlocks.add(block);
        return this;
    }

    /** The NAT router's public address, or {@code null} on a LAN without NAT. */
    public InetAddress publicAddress() {
        return nat == null ? null : nat.publicAddress();
    }

    /** The NAT's behaviour, or {@code null} on a LAN without NAT. */
    public NatBehavior natBehavior() {
        return nat == null ? null : nat.behavior();
    }

    /** Impairment of the link between this LAN and the internet, applied each way. */
    public void setUplinkConditions(LinkConditions conditions) {
        this.uplinkConditions = Objects.requireNonNull(conditions, "conditions");
    }

    public LinkConditions uplinkConditions() {
        return uplinkConditions;
    }

    /** A firewall at the uplink that drops all UDP both ways and lets TCP through (for ICE-TCP tests). */
    public void setUdpBlocked(boolean blocked) {
        this.udpBlocked = blocked;
    }

    public boolean isUdpBlocked() {
        return udpBlocked;
    }

    /** UDP mappings the NAT holds now (expired ones do not count); 0 without NAT. */
    public int activeUdpMappings() {
        return nat == null ? 0 : nat.udpMappingCount(network.clock().nanoTime());
    }

    // ---- package-private ----

    NatTable nat() {
        return nat;
    }

    List<Cidr> routedSubnets() {
        return routedBlocks;
    }

    VirtualHost hostAt(InetAddress address) {
        return hosts.get(address);
    }

    /** True when {@code address} belongs to one of this LAN's blocks (so traffic stays inside). */
    boolean contains(InetAddress address) {
        return (natBlock != null && natBlock.contains(address)) || routes(address);
    }

    /** True when {@code address} is in a routed block, so the internet reaches it without NAT. */
    boolean routes(InetAddress address) {
        for (Cidr block : routedBlocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** True when traffic from {@code address} leaves through the NAT (it is in the private block). */
    boolean isNatted(InetAddress address) {
        return natBlock != null && natBlock.contains(address);
    }
}
