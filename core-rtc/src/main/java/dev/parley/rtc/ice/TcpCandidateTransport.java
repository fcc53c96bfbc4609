package dev.parley.rtc.ice;

import dev.parley.rtc.net.SerialExecutor;
import java.net.InetSocketAddress;

/**
 * How an ICE-TCP host candidate sends: to a remote address over the connection of that pair
 * (see {@link TcpCheckConnections}), framed by {@link IceTcpConnection}. An active candidate opens
 * the connection with the first check it sends to a remote passive candidate (RFC 6544 §7.1); a
 * passive one can only send on connections the peer opened, so a send with none is dropped.
 */
final class TcpCandidateTransport implements CandidateTransport {
    private final TcpCheckConnections connections;
    private final SerialExecutor executor;
    private volatile LocalCandidate owner;

    TcpCandidateTransport(TcpCheckConnections connections, SerialExecutor executor) {
        this.connections = connections;
        this.executor = executor;
    }

    /** Names the candidate this transport sends for (built after it, as it holds the transport). */
    void ownedBy(LocalCandidate candidate) {
        owner = candidate;
    }

    @Override
    public boolean send(byte[] packet, InetSocketAddress to) {
        LocalCandidate self = owner;
        if (self == null) {
            return false;
        }
        IceTcpConnection connection = connections.find(self.candidate(), to);
        if (connection == null) {
            // Only checks open connections, and they run on the executor; media needs a selected
            // pair, whose connection exists (or it would not have been selected).
            if (self.candidate().tcpType() != TcpType.ACTIVE || !executor.inExecutor()) {
                return false;
            }
            connection = connections.connect(self, to);
        }
        return connection.write(packet);
    }

    /** Nothing of its own to release: listeners and connections belong to {@link TcpCandidates}. */
    @Override
    public void close() {}
}
