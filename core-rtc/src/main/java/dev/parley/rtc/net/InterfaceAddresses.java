package dev.parley.rtc.net;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Lists the operating system's interface addresses that ICE may gather host candidates on
 * (RFC 8445 §5.1.1.1): addresses of interfaces that are up, without link-local ones (IPv4
 * 169.254/16, IPv6 fe80::/10), and loopback only if asked for.
 *
 * <p>The order is deterministic: by interface index, then IPv4 before IPv6, then by address bytes.
 * An interface's {@code networkId} is its 1-based rank by index among all interfaces, loopback and
 * down ones included, so the same interface keeps its number whether or not loopback is wanted.
 */
final class InterfaceAddresses {

    private static final Comparator<byte[]> BY_BYTES = Arrays::compareUnsigned;

    private InterfaceAddresses() {}

    static List<LocalAddress> list(boolean includeLoopback) throws IOException {
        List<NetworkInterface> interfaces = NetworkInterface.networkInterfaces()
                .sorted(Comparator.comparingInt(NetworkInterface::getIndex).thenComparing(NetworkInterface::getName))
                .toList();
        List<LocalAddress> result = new ArrayList<>();
        for (int rank = 0; rank < interfaces.size(); rank++) {
            NetworkInterface nif = interfaces.get(rank);
            if (!isUsable(nif, includeLoopback)) {
                continue;
            }
            int networkId = rank + 1;
            nif.inetAddresses()
                    .filter(address -> isUsable(address, includeLoopback))
                    .map(InterfaceAddresses::withoutScope)
                    .sorted(Comparator.comparing((InetAddress a) -> a instanceof Inet4Address ? 0 : 1)
                            .thenComparing(InetAddress::getAddress, BY_BYTES))
                    .forEach(address -> result.add(new LocalAddress(nif.getName(), address, networkId)));
        }
        return List.copyOf(result);
    }

    private static boolean isUsable(NetworkInterface nif, boolean includeLoopback) {
        try {
            return nif.isUp() && (includeLoopback || !nif.isLoopback());
        } catch (SocketException e) {
            return false; // vanished while we looked
        }
    }

    private static boolean isUsable(InetAddress address, boolean includeLoopback) {
        return !address.isLinkLocalAddress()
                && !address.isAnyLocalAddress()
                && !address.isMulticastAddress()
                && (includeLoopback || !address.isLoopbackAddress());
    }

    /** Drops the {@code %eth0} scope Java puts on IPv6 addresses: only link-local ones need it. */
    private static InetAddress withoutScope(InetAddress address) {
        try {
            return InetAddress.getByAddress(address.getAddress());
        } catch (IOException e) {
            throw new AssertionError("4 or 16 bytes from an InetAddress", e);
        }
    }
}
