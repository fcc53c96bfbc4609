package dev.parley.rtc.net;

import java.net.BindException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * One host's bound ports for one protocol. A wildcard bind ({@code 0.0.0.0} or {@code ::}) takes
 * the port on every address of its family ({@code ::} on both, as a dual-stack socket does).
 */
final class VirtualPortBindings<T> {
    static final int FIRST_EPHEMERAL = 49152;
    static final int LAST_EPHEMERAL = 65535;

    private final Map<Integer, Map<InetAddress, T>> byPort = new HashMap<>();
    private int nextEphemeral = FIRST_EPHEMERAL;

    /** Binds {@code owner} to {@code address:port}; port 0 picks the next free ephemeral port. Returns the port. */
    int bind(InetAddress address, int port, T owner) throws BindException {
        if (port == 0) {
            port = freeEphemeralPort(address);
        } else if (conflicts(address, port)) {
            throw new BindException("Address already in use: " + address.getHostAddress() + ":" + port);
        }
        byPort.computeIfAbsent(port, p -> new HashMap<>()).put(address, owner);
        return port;
    }

    void unbind(InetAddress address, int port, T owner) {
        Map<InetAddress, T> atPort = byPort.get(port);
        if (atPort != null && atPort.remove(address, owner) && atPort.isEmpty()) {
            byPort.remove(port);
        }
    }

    /** The owner that receives traffic for {@code address:port}: an exact bind first, else a wildcard one. */
    T lookup(InetAddress address, int port) {
        Map<InetAddress, T> atPort = byPort.get(port);
        if (atPort == null) {
            return null;
        }
        T exact = atPort.get(address);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<InetAddress, T> entry : atPort.entrySet()) {
            if (entry.getKey().isAnyLocalAddress() && wildcardCovers(entry.getKey(), address)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private boolean conflicts(InetAddress address, int port) {
        Map<InetAddress, T> atPort = byPort.get(port);
        if (atPort == null) {
            return false;
        }
        for (InetAddress bound : atPort.keySet()) {
            if (bound.equals(address)
                    || (bound.isAnyLocalAddress() && wildcardCovers(bound, address))
                    || (address.isAnyLocalAddress() && wildcardCovers(address, bound))) {
                return true;
            }
        }
        return false;
    }

    private int freeEphemeralPort(InetAddress address) throws BindException {
        int span = LAST_EPHEMERAL - FIRST_EPHEMERAL + 1;
        for (int i = 0; i < span; i++) {
            int port = nextEphemeral;
            nextEphemeral = port == LAST_EPHEMERAL ? FIRST_EPHEMERAL : port + 1;
            if (!conflicts(address, port)) {
                return port;
            }
        }
        throw new BindException("no free ephemeral port on " + address.getHostAddress());
    }

    private static boolean wildcardCovers(InetAddress wildcard, InetAddress address) {
        boolean v6Wildcard = wildcard.getAddress().length == 16;
        return v6Wildcard || address.getAddress().length == 4;
    }
}
