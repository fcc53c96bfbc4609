package dev.parley.rtc.testutil;

import dev.parley.rtc.net.DatagramHandler;
import dev.parley.rtc.net.LocalAddress;
import dev.parley.rtc.net.Net;
import dev.parley.rtc.net.PacketDemultiplexer;
import dev.parley.rtc.net.PacketKind;
import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.net.StreamHandler;
import dev.parley.rtc.net.TcpConnection;
import dev.parley.rtc.net.TcpListener;
import dev.parley.rtc.net.UdpSocket;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link Net} whose UDP sockets hand the RTP datagrams they send (SRTP, by the RFC 7983 first
 * byte and RFC 5761 second byte) to {@link #sendRtp}, where a subclass plays a link that loses or
 * delays them; STUN, DTLS and RTCP pass untouched, so a call connects and only media meets the
 * link. Closing it leaves the wrapped Net to its owner.
 */
public abstract class RtpLinkNet implements Net {
    private final Net net;

    protected RtpLinkNet(Net net) {
        this.net = net;
    }

    /**
     * One outgoing RTP datagram; sends it through {@code socket} now, later or never.
     *
     * @return what a socket's send returns: false only if the socket refused it
     */
    protected abstract boolean sendRtp(UdpSocket socket, byte[] data, int offset, int length, InetSocketAddress to);

    /** The SSRC of an RTP datagram (its header is clear under SRTP, RFC 3711 §3.1). */
    protected static long ssrcOf(byte[] data, int offset) {
        return ((data[offset + 8] & 0xFFL) << 24) | ((data[offset + 9] & 0xFFL) << 16)
                | ((data[offset + 10] & 0xFFL) << 8) | (data[offset + 11] & 0xFFL);
    }

    @Override
    public List<LocalAddress> localAddresses(boolean includeLoopback) throws IOException {
        return net.localAddresses(includeLoopback);
    }

    @Override
    public SerialExecutor newSerialExecutor(String name) {
        return net.newSerialExecutor(name);
    }

    @Override
    public long nanoTime() {
        return net.nanoTime();
    }

    @Override
    public UdpSocket openUdp(InetSocketAddress bind, DatagramHandler handler, SerialExecutor executor)
            throws IOException {
        UdpSocket socket = net.openUdp(bind, handler, executor);
        return new UdpSocket() {
            @Override
            public InetSocketAddress localAddress() {
                return socket.localAddress();
            }

            @Override
            public boolean send(byte[] data, int offset, int length, InetSocketAddress to) {
                if (PacketDemultiplexer.classify(data, offset, length) == PacketKind.RTP) {
                    return sendRtp(socket, data, offset, length, to);
                }
                return socket.send(data, offset, length, to);
            }

            @Override
            public long droppedSends() {
                return socket.droppedSends();
            }

            @Override
            public void close() {
                socket.close();
            }
        };
    }

    @Override
    public TcpListener listenTcp(InetSocketAddress bind, TcpListener.AcceptHandler handler, SerialExecutor executor)
            throws IOException {
        return net.listenTcp(bind, handler, executor);
    }

    @Override
    public CompletableFuture<TcpConnection> connectTcp(InetSocketAddress bind, InetSocketAddress remote,
            StreamHandler handler, SerialExecutor executor) {
        return net.connectTcp(bind, remote, handler, executor);
    }

    @Override
    public void close() {
        // the wrapped Net belongs to whoever made it
    }
}
