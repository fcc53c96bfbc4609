package dev.parley.rtc.ice;

import dev.parley.rtc.net.Net;
import dev.parley.rtc.net.PacketDemultiplexer;
import dev.parley.rtc.net.PacketKind;
import dev.parley.rtc.net.StreamHandler;
import dev.parley.rtc.net.TcpConnection;
import dev.parley.rtc.stun.StunClientTransactions;
import dev.parley.rtc.stun.StunMessage;
import dev.parley.rtc.stun.StunParseException;
import dev.parley.rtc.stun.StunResponse;
import dev.parley.rtc.stun.TransactionId;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's ICE-TCP connections, one per local TCP candidate and remote address, which is one
 * per candidate pair: an active candidate's connection is opened by the first check of its pair
 * (RFC 6544 §7.1); a passive candidate's is the peer's, accepted, and belongs to the pair whose
 * check first authenticates on it (RFC 6544 §7.2). A connection then carries its pair's checks and,
 * once the pair is selected, its packets.
 *
 * <p>It also turns frames into what the agent already knows how to handle: requests go to the
 * {@link BindingRequestHandler}, responses to the transactions (remembering which connection they
 * came on, so a check over TCP accepts only answers on its own connection), other packets to the
 * pair, as datagrams would.
 *
 * <p>Hostile input: an accepted connection may send only STUN until one of its checks
 * authenticates; anything else, malformed STUN, or a check or response that fails authentication
 * closes it (counted in {@link IceCounters#tcpConnectionsDropped()}). At most
 * {@value #MAX_UNASSOCIATED} accepted connections wait for a first authenticated check, each for
 * at most {@link #UNASSOCIATED_TIMEOUT}; more are closed on arrival (counted in
 * {@link IceCounters#tcpConnectionsRefused()}), so a flood of connections cannot grow memory.
 * Executor-confined, except {@link #find}, which {@link IceAgent#send} calls from any thread.
 */
final class TcpCheckConnections {
    private static final Logger LOG = LoggerFactory.getLogger(TcpCheckConnections.class);
    static final int MAX_UNASSOCIATED = 32;
    /** Longer than a check's wait over TCP (8 s by default), so a slow but honest peer is not cut off. */
    static final Duration UNASSOCIATED_TIMEOUT = Duration.ofSeconds(10);

    private static final StreamHandler DISCARD = (connection, data) -> {};

    private final IceAgent agent;
    private final Net net;
    private final Map<Key, IceTcpConnection> connections = new ConcurrentHashMap<>();
    private int unassociated;
    /** The connection whose STUN response is being offered to the transactions, else {@code null}. */
    private IceTcpConnection arriving;

    TcpCheckConnections(IceAgent agent, Net net) {
        this.agent = agent;
        this.net = net;
    }

    /** The connection of this local candidate to this remote address, or {@code null}; any thread. */
    IceTcpConnection find(IceCandidate local, InetSocketAddress remote) {
        return connections.get(new Key(local, remote));
    }

    /**
     * Opens a connection from an active candidate's address (any port: the 9 in its signalling is
     * a placeholder, RFC 6544 §4.5) to a remote passive candidate. Writes are held until it is up;
     * if it cannot be set up, the checks written to it fail (RFC 6544 §7.1).
     */
    IceTcpConnection connect(LocalCandidate active, InetSocketAddress remote) {
        IceTcpConnection c = new IceTcpConnection(active, remote, null);
        connections.put(new Key(active.candidate(), remote), c);
        InetSocketAddress bind = new InetSocketAddress(active.candidate().address().getAddress(), 0);
        net.connectTcp(bind, remote, handler(c), agent.executor()).whenComplete((connection, failure) -> {
            if (failure == null) {
                c.connected(connection); // closes it if we gave up meanwhile
            } else if (!c.isClosed()) {
                LOG.debug("ICE-TCP connection {} failed: {}", c, failure.toString());
                lost(c);
            }
        });
        return c;
    }

    /** A connection accepted on a passive candidate's listener: unassociated until a check authenticates. */
    StreamHandler accepted(LocalCandidate passive, TcpConnection connection) {
        if (agent.closed()) {
            connection.close();
            return DISCARD;
        }
        if (unassociated >= MAX_UNASSOCIATED) {
            agent.counters().tcpConnectionsRefused++;
            connection.close();
            return DISCARD;
        }
        IceTcpConnection c = new IceTcpConnection(passive, connection.remoteAddress(), connection);
        IceTcpConnection previous = find(passive.candidate(), c.remote());
        if (previous != null) {
            lost(previous); // the peer's earlier connection from the same port is gone, or it could not reuse the port
        }
        connections.put(new Key(passive.candidate(), c.remote()), c);
        unassociated++;
        agent.executor().schedule(() -> {
            if (!c.associated() && !c.isClosed()) {
                drop(c, "no authenticated check within " + UNASSOCIATED_TIMEOUT.toSeconds() + " s");
            }
        }, UNASSOCIATED_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS);
        return handler(c);
    }

    /**
     * For the validator of a check sent on a TCP pair: true while the response being judged arrived
     * on that pair's connection. Responses over TCP must come back on the connection the check went
     * out on (RFC 6544 §7.1); there is one connection per local candidate and remote address, so
     * this and the validator's source check together pin it.
     */
    boolean arrivingOn(IceCandidate local) {
        return arriving != null && arriving.local().candidate().equals(local);
    }

    /** Accepted connections still waiting for their first authenticated check. */
    int unassociated() {
        return unassociated;
    }

    /** Closes every connection (the agent is closing: no pair needs failing). */
    void close() {
        for (IceTcpConnection c : connections.values()) {
            c.close();
        }
        connections.clear();
        unassociated = 0;
    }

    private StreamHandler handler(IceTcpConnection c) {
        return new StreamHandler() {
            @Override
            public void onData(TcpConnection connection, byte[] data) {
                if (c.isClosed()) {
                    return;
                }
                for (byte[] frame : c.feed(data)) {
                    onFrame(c, frame);
                    if (c.isClosed()) {
                        return; // dropped for this frame: the rest is not read
                    }
                }
            }

            @Override
            public void onClosed(TcpConnection connection, IOException cause) {
                if (!c.isClosed()) {
                    LOG.debug("ICE-TCP connection {} closed by the peer or the network: {}", c, cause);
                    lost(c);
                }
            }
        };
    }

    private void onFrame(IceTcpConnection c, byte[] frame) {
        if (agent.closed()) {
            return;
        }
        if (PacketDemultiplexer.classify(frame) != PacketKind.STUN) {
            if (!c.associated()) {
                drop(c, "non-STUN before any authenticated check");
                return;
            }
            agent.onDatagram(c.local(), frame, c.remote()); // to the pair, as a datagram would go
            return;
        }
        StunMessage message;
        try {
            message = StunMessage.parse(frame);
        } catch (StunParseException e) {
            agent.counters().malformedStun++;
            drop(c, "malformed STUN");
            return;
        }
        switch (message.messageClass()) {
            case REQUEST:
                // Answered on this connection: the local candidate's transport finds it by the peer's address.
                if (agent.requests().onRequest(c.local(), message, frame, c.remote())) {
                    associate(c);
                } else {
                    drop(c, "a check that failed authentication");
                }
                break;
            case SUCCESS_RESPONSE:
            case ERROR_RESPONSE:
                if (!c.associated()) {
                    drop(c, "a response where no check was sent");
                } else {
                    offerResponse(c, message, frame);
                }
                break;
            default:
                if (!c.associated()) {
                    drop(c, "an indication before any authenticated check");
                }
                // Otherwise a keepalive (RFC 8445 §11): nothing to do.
        }
    }

    private void offerResponse(IceTcpConnection c, StunMessage message, byte[] frame) {
        StunClientTransactions transactions = agent.transactions();
        long rejectedBefore = transactions.rejectedResponses();
        boolean matched;
        arriving = c;
        try {
            matched = transactions.onResponse(new StunResponse(message, frame, c.remote()));
        } finally {
            arriving = null;
        }
        if (!matched) {
            agent.counters().unmatchedResponses++;
        } else if (transactions.rejectedResponses() > rejectedBefore) {
            drop(c, "a response that failed authentication");
        } else {
            c.answered(message.transactionId());
        }
    }

    private void associate(IceTcpConnection c) {
        if (!c.associated()) {
            c.associate();
            unassociated--;
        }
    }

    private void drop(IceTcpConnection c, String why) {
        agent.counters().tcpConnectionsDropped++;
        LOG.debug("closing ICE-TCP connection {}: {}", c, why);
        lost(c);
    }

    /**
     * The connection is gone (closed by us or the peer, reset, or never set up): checks waiting on
     * it fail now rather than at their timeout, a pair that succeeded over it fails, and if it was
     * the selected pair's, nothing can be sent any more: consent is lost.
     */
    private void lost(IceTcpConnection c) {
        List<TransactionId> unanswered = c.close();
        if (connections.remove(new Key(c.local().candidate(), c.remote()), c) && c.accepted() && !c.associated()) {
            unassociated--;
        }
        if (agent.closed()) {
            return;
        }
        for (TransactionId id : unanswered) {
            agent.transactions().cancel(id); // ConnectivityChecks fails the pair when its check is cancelled
        }
        CandidatePair pair = agent.checkList().find(c.local().candidate(), c.remote());
        if (pair != null && pair.state() == CandidatePairState.SUCCEEDED) {
            pair.state(CandidatePairState.FAILED);
            agent.checks().evaluateFailure();
        }
        CandidatePair selected = agent.selectedPair();
        if (selected != null && selected.local().equals(c.local().candidate())
                && selected.remote().address().equals(c.remote())) {
            agent.consentLost();
        }
    }

    private record Key(IceCandidate local, InetSocketAddress remote) {}
}
