package dev.parley.rtc.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * One address of one local interface, as ICE gathering sees it.
 *
 * @param interfaceName the OS name ({@code eth0}, {@code v0}); virtual hosts name theirs
 * @param address the address; IPv6 link-local addresses are not offered by {@link RealNet}
 * @param networkId a small number per interface, as browsers put in {@code network-id}
 */
public record LocalAddress(String interfaceName, InetAddress address, int networkId) {
    public LocalAddress {
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(address, "address");
    }

    public boolean isIpv6() {
        return address instanceof Inet6Address;
    }

    public boolean isLoopback() {
        return address.isLoopbackAddress();
    }
}
