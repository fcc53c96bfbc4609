package dev.parley.rtc.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The engine's window on the world: local addresses, sockets, time and serial executors.
 *
 * <p>Everything in the engine that touches the network or a clock goes through a {@code Net}, so
 * the same ICE, DTLS and SCTP code runs on the operating system ({@link RealNet}) and on an
 * in-memory network with NATs, loss and a virtual clock ({@code VirtualNetwork}) for fast,
 * deterministic tests — as pion's {@code vnet} does.
 *
 * <p>Callbacks of sockets opened here run on the {@link SerialExecutor} passed when the socket is
 * opened, never on an I/O thread, so each owner (an ICE agent, a peer connection) sees its events
 * in order on its own thread.
 */
public interface Net extends AutoCloseable {

    /** Addresses of the up interfaces usable for ICE gathering; loopback only if asked for. */
    List<LocalAddress> localAddresses(boolean includeLoopback) throws IOException;

    /** A fresh serial executor on this Net's clock; the caller closes it. */
    SerialExecutor newSerialExecutor(String name);

    /** Nanoseconds on this Net's clock (monotonic; virtual in tests). */
    long nanoTime();

    /**
     * Binds a UDP socket. Port 0 picks a free port.
     *
     * @param handler receives each datagram on {@code executor}
     */
    UdpSocket openUdp(InetSocketAddress bind, DatagramHandler handler, SerialExecutor executor)
            throws IOException;

    /** Listens for TCP connections (ICE-TCP passive candidates, RFC 6544). */
    TcpListener listenTcp(InetSocketAddress bind, TcpListener.AcceptHandler handler, SerialExecutor executor)
            throws IOException;

    /**
     * Connects a TCP stream (ICE-TCP active candidates, TURN over TCP/TLS). The future completes on
     * {@code executor} with the connection, or exceptionally with the {@link IOException}.
     *
     * @param bind local address to bind, or {@code null} for any
     */
    CompletableFuture<TcpConnection> connectTcp(
            InetSocketAddress bind, InetSocketAddress remote, StreamHandler handler, SerialExecutor executor);

    /** Closes every socket and executor this Net still owns. */
    @Override
    void close();
}
