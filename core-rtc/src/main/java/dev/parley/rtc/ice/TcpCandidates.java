package dev.parley.rtc.ice;

import dev.parley.rtc.net.LocalAddress;
import dev.parley.rtc.net.Net;
import dev.parley.rtc.net.TcpListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers ICE-TCP host candidates (RFC 6544 §4.1), two per local address as browsers offer them:
 * a <em>passive</em> one on a listening socket, and an <em>active</em> one, which has no socket of
 * its own — it opens a connection per pair — and so is signalled with the discard port 9
 * (RFC 6544 §4.5). Simultaneous-open candidates are not gathered. Owns the listeners; connections
 * belong to {@link TcpCheckConnections}.
 */
final class TcpCandidates {
    private static final Logger LOG = LoggerFactory.getLogger(TcpCandidates.class);
    /** RFC 6544 §4.5: an active candidate's port in signalling. */
    static final int DISCARD_PORT = 9;
    /** RFC 6544 §4.2: the other-preference is 13 bits. */
    private static final int MAX_OTHER_PREFERENCE = 8191;

    private final IceAgent agent;
    private final Net net;
    private final TcpCheckConnections connections;
    private final List<TcpListener> listeners = new ArrayList<>();

    TcpCandidates(IceAgent agent, Net net, TcpCheckConnections connections) {
        this.agent = agent;
        this.net = net;
        this.connections = connections;
    }

    /**
     * The passive and active host candidates of one local address (the passive one only if a
     * listener could be opened there).
     *
     * @param position the address's rank among the gathered ones, 0 best, as for UDP host candidates
     */
    List<LocalCandidate> open(LocalAddress address, int position) {
        // RFC 6544 §4.2: local preference = 2^13 * direction-preference + other-preference, the
        // other-preference ranking interfaces as the UDP local preference does. The direction
        // preference tops out at 6, so a TCP host candidate always ranks below the UDP host
        // candidate of the same address (65535 - 128 * position): UDP is preferred where it works.
        int other = Math.max(0, MAX_OTHER_PREFERENCE - 128 * position);
        List<LocalCandidate> opened = new ArrayList<>(2);
        LocalCandidate passive = openPassive(address.address(), other);
        if (passive != null) {
            opened.add(passive);
        }
        opened.add(candidate(TcpType.ACTIVE, new InetSocketAddress(address.address(), DISCARD_PORT), other));
        return opened;
    }

    /** Closes the listeners and every connection. */
    void close() {
        for (TcpListener listener : listeners) {
            listener.close();
        }
        listeners.clear();
        connections.close();
    }

    /**
     * The tcptype of a peer-reflexive candidate learned from a check over TCP (RFC 6544 §7.2):
     * the one that pairs with the local candidate the check reached — a check arriving at our
     * passive candidate came over a connection the peer's active candidate opened.
     */
    static TcpType peerReflexiveTcpType(TcpType local) {
        switch (local) {
            case PASSIVE:
                return TcpType.ACTIVE;
            case ACTIVE:
                return TcpType.PASSIVE;
            default:
                return TcpType.SIMULTANEOUS_OPEN;
        }
    }

    private LocalCandidate openPassive(InetAddress address, int other) {
        LocalCandidate[] self = new LocalCandidate[1];
        TcpListener listener;
        try {
            listener = net.listenTcp(new InetSocketAddress(address, 0),
                    connection -> connections.accepted(self[0], connection), agent.executor());
        } catch (IOException e) {
            LOG.warn("cannot listen on TCP at {}", address.getHostAddress(), e);
            return null;
        }
        listeners.add(listener);
        self[0] = candidate(TcpType.PASSIVE, listener.localAddress(), other);
        return self[0];
    }

    private LocalCandidate candidate(TcpType tcpType, InetSocketAddress address, int other) {
        int localPreference = CandidatePriority.tcpLocalPreference(tcpType, other);
        IceCandidate candidate = new IceCandidate(
                Foundations.of(CandidateType.HOST, address.getAddress(), null, TransportProtocol.TCP), 1,
                TransportProtocol.TCP, CandidatePriority.of(CandidateType.HOST, localPreference, 1), address,
                CandidateType.HOST, null, tcpType);
        TcpCandidateTransport transport = new TcpCandidateTransport(connections, agent.executor());
        LocalCandidate local = new LocalCandidate(candidate, transport, localPreference);
        transport.ownedBy(local);
        return local;
    }
}
