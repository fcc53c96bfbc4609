package dev.parley.rtc.ice;

import dev.parley.rtc.net.TcpConnection;
import dev.parley.rtc.stun.TransactionId;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One TCP connection of an ICE-TCP candidate (RFC 6544): it frames what is sent (RFC 4571 §2, as
 * RFC 6544 §3 asks) and reassembles what arrives, holds sends while an outgoing connection is
 * still being set up, and remembers which checks it carries so they fail if it breaks.
 *
 * <pre>
 *   outgoing:  connecting ──connected──▶ open ──close / reset──▶ closed
 *                   └────refused / unreachable─────────────────────▲
 *   accepted:                            open ──close / reset / garbage──▶ closed
 * </pre>
 *
 * An accepted connection starts <em>unassociated</em>: until a check on it authenticates, only STUN
 * may arrive on it ({@link TcpCheckConnections} judges that). State changes happen on the agent's
 * executor; {@link #write} may be called from any thread (it is {@link IceAgent#send}'s path).
 */
final class IceTcpConnection {
    /** Frames held while connecting: the first checks of a pair, never media (a pair is not selected before it works). */
    private static final int MAX_HELD_FRAMES = 16;
    /** Checks remembered for {@link #carriedChecks}; older ones have long been answered or timed out. */
    private static final int MAX_CARRIED_CHECKS = 32;

    private final LocalCandidate local;
    private final InetSocketAddress remote;
    private final boolean accepted;
    private final Rfc4571Framing framing = new Rfc4571Framing();
    private final Deque<byte[]> held = new ArrayDeque<>();
    private final Set<TransactionId> carriedChecks = new LinkedHashSet<>();
    private TcpConnection connection;
    private boolean associated;
    private boolean closed;

    /**
     * @param remote the peer's address and port on this connection: its passive candidate for one
     *     we opened, its ephemeral port (its active candidate, as learned) for one we accepted
     * @param connection the connection, or {@code null} while an outgoing one is being set up
     */
    IceTcpConnection(LocalCandidate local, InetSocketAddress remote, TcpConnection connection) {
        this.local = local;
        this.remote = remote;
        this.connection = connection;
        this.accepted = connection != null;
        // We open connections for a pair of ours, so they belong to it from the start.
        this.associated = !accepted;
    }

    LocalCandidate local() {
        return local;
    }

    InetSocketAddress remote() {
        return remote;
    }

    boolean accepted() {
        return accepted;
    }

    boolean associated() {
        return associated;
    }

    void associate() {
        associated = true;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Frames and sends one packet; while connecting, holds it. False if closed, over the limits, or too big. */
    synchronized boolean write(byte[] packet) {
        if (closed || packet.length > Rfc4571Framing.MAX_FRAME) {
            return false;
        }
        rememberCheck(packet);
        byte[] framed = Rfc4571Framing.frame(packet, 0, packet.length);
        if (connection == null) {
            if (held.size() >= MAX_HELD_FRAMES) {
                return false;
            }
            held.addLast(framed);
            return true;
        }
        return connection.write(framed);
    }

    /** The outgoing connection is up: held frames go out in order. */
    synchronized void connected(TcpConnection established) {
        if (closed) {
            established.close();
            return;
        }
        connection = established;
        while (!held.isEmpty()) {
            established.write(held.pollFirst());
        }
    }

    /** Reassembles frames from received bytes (executor only). */
    List<byte[]> feed(byte[] data) {
        return framing.feed(data);
    }

    /** A response to one of our checks arrived here: it no longer needs failing with the connection. */
    synchronized void answered(TransactionId id) {
        carriedChecks.remove(id);
    }

    /**
     * Marks this closed and closes the socket; returns the checks still waiting for an answer on
     * it, so their transactions can fail at once (RFC 6544 §7.1: a broken connection fails the check).
     */
    synchronized List<TransactionId> close() {
        if (closed) {
            return List.of();
        }
        closed = true;
        held.clear();
        if (connection != null) {
            connection.close();
        }
        List<TransactionId> unanswered = new ArrayList<>(carriedChecks);
        carriedChecks.clear();
        return unanswered;
    }

    /**
     * Notes the transaction id of a STUN request (RFC 8489 §5: top bits and class bits clear, the
     * magic cookie in bytes 4..7, the id in bytes 8..19); other packets are not checks.
     */
    private void rememberCheck(byte[] packet) {
        if (packet.length < 20 || (packet[0] & 0xC1) != 0 || (packet[1] & 0x10) != 0
                || packet[4] != 0x21 || packet[5] != 0x12 || packet[6] != (byte) 0xA4 || packet[7] != 0x42) {
            return;
        }
        if (carriedChecks.size() >= MAX_CARRIED_CHECKS) {
            carriedChecks.remove(carriedChecks.iterator().next());
        }
        carriedChecks.add(new TransactionId(Arrays.copyOfRange(packet, 8, 20)));
    }

    @Override
    public synchronized String toString() {
        InetSocketAddress from = connection != null ? connection.localAddress() : local.candidate().address();
        return "IceTcpConnection[" + from + (accepted ? " <- " : " -> ") + remote
                + (closed ? ", closed]" : associated ? "]" : ", unassociated]");
    }
}
