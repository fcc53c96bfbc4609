package dev.parley.rtc.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link RealNet#localAddresses}: what ICE may gather host candidates on. */
class RealNetAddressesTest {

    private final RealNet net = new RealNet();

    @AfterEach
    void closeNet() {
        net.close();
    }

    @Test
    void withLoopbackIncludesIpv4Loopback() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        List<LocalAddress> all = net.localAddresses(true);
        assertTrue(all.stream().anyMatch(a -> a.address().equals(loopback)), all::toString);
    }

    @Test
    void withoutLoopbackHasNoLoopbackAddress() throws Exception {
        List<LocalAddress> addresses = net.localAddresses(false);
        assertFalse(addresses.stream().anyMatch(LocalAddress::isLoopback), addresses::toString);
    }

    @Test
    void neverOffersLinkLocalOrWildcardAddresses() throws Exception {
        for (LocalAddress a : net.localAddresses(true)) {
            assertFalse(a.address().isLinkLocalAddress(), a::toString);
            assertFalse(a.address().isAnyLocalAddress(), a::toString);
            assertFalse(a.address().getHostAddress().contains("%"), "no scope on " + a);
        }
    }

    @Test
    void orderAndNetworkIdsAreStable() throws Exception {
        List<LocalAddress> withLoopback = net.localAddresses(true);
        assertEquals(withLoopback, net.localAddresses(true), "same answer twice");
        Map<String, Integer> idByInterface = new HashMap<>();
        for (LocalAddress a : withLoopback) {
            assertTrue(a.networkId() >= 1, a::toString);
            Integer previous = idByInterface.putIfAbsent(a.interfaceName(), a.networkId());
            assertTrue(previous == null || previous == a.networkId(), "one id per interface: " + a);
        }
        for (LocalAddress a : net.localAddresses(false)) {
            assertEquals(idByInterface.get(a.interfaceName()), a.networkId(), "same id without loopback: " + a);
        }
        // Within an interface, IPv4 comes before IPv6.
        for (int i = 1; i < withLoopback.size(); i++) {
            LocalAddress before = withLoopback.get(i - 1);
            LocalAddress after = withLoopback.get(i);
            if (before.interfaceName().equals(after.interfaceName())) {
                assertFalse(before.isIpv6() && !after.isIpv6(), "IPv4 first: " + before + ", " + after);
            }
        }
    }
}
