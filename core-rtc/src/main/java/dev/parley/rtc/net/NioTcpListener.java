package dev.parley.rtc.net;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;

/**
 * A listening TCP socket on a {@link NioLoop}. The loop thread accepts; the accept handler runs
 * on the listener's executor and picks the {@link StreamHandler}, and only then does the new
 * connection start reading, so no byte arrives before its handler exists. Closing the listener
 * stops accepting; connections already accepted live on.
 */
final class NioTcpListener extends NioEndpoint<ServerSocketChannel> implements TcpListener {

    /** Connections accepted per readiness event before the loop serves other channels. */
    private static final int MAX_ACCEPTS_PER_EVENT = 64;

    private final AcceptHandler acceptHandler;
    private final OwnedResources owner;

    /** Takes over a bound, non-blocking {@code channel} and starts accepting on {@code loop}. */
    NioTcpListener(NioLoop loop, ServerSocketChannel channel, AcceptHandler acceptHandler, SerialExecutor executor,
            OwnedResources owner) throws IOException {
        super(loop, channel, executor, owner);
        this.acceptHandler = Objects.requireNonNull(acceptHandler, "acceptHandler");
        this.owner = owner; // accepted connections are the RealNet's to close too
        start(SelectionKey.OP_ACCEPT, "TCP listener");
    }

    @Override
    public void onReady(SelectionKey key) throws IOException {
        for (int i = 0; i < MAX_ACCEPTS_PER_EVENT && !closed; i++) {
            SocketChannel accepted;
            try {
                accepted = channel.accept();
            } catch (ClosedChannelException e) {
                if (closed) {
                    return; // closed from another thread meanwhile: not a failure
                }
                throw e;
            }
            if (accepted == null) {
                return;
            }
            adopt(accepted);
        }
    }

    /** Sets up one accepted socket; a failure loses that connection only, not the listener. */
    private void adopt(SocketChannel accepted) {
        NioTcpConnection connection;
        try {
            accepted.configureBlocking(false);
            accepted.setOption(StandardSocketOptions.TCP_NODELAY, true);
            SelectionKey key = loop.register(accepted, 0, null);
            connection = new NioTcpConnection(loop, accepted, key, executor, owner);
        } catch (IOException | RuntimeException e) {
            loop.reportFailure("accepting on " + localAddress, e);
            try {
                accepted.close();
            } catch (IOException ignored) {
                // Already lost.
            }
            return;
        }
        if (!owner.adopt(connection)) {
            return;
        }
        try {
            executor.execute(() -> offer(connection));
        } catch (RejectedExecutionException e) {
            connection.close();
        }
    }

    private void offer(NioTcpConnection connection) {
        StreamHandler streamHandler = null;
        try {
            streamHandler = acceptHandler.onAccept(connection);
        } finally {
            if (streamHandler == null) {
                connection.close(); // refused, or the handler threw (the executor reports that)
            } else {
                connection.startReading(streamHandler);
            }
        }
    }
}
