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
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Net} that loses a share of the RTP datagrams its UDP sockets send (SRTP, by the RFC 7983
 * first byte and RFC 5761 second byte), as a lossy link would; STUN, DTLS and RTCP pass, so a call
 * connects and only media meets the loss. Seeded: the same calls lose the same packets. Closing it
 * leaves the wrapped Net to its owner.
 */
public final class RtpLossNet implements Net {
    private final Net net;
    private final double lossRate;
    private final Random random;
    private final AtomicLong dropped = new AtomicLong();

    public RtpLossNet(Net net, double lossRate, long seed) {
        this.net = net;
        this.lossRate = lossRate;
        this.random = new Random(seed);
    }

    /** RTP datagrams lost so far. */
    public long dropped() {
        return dropped.get();
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
                if (PacketDemultiplexer.classify(data, offset, length) == PacketKind.RTP && lose()) {
                    dropped.incrementAndGet();
                    return true; // gone on the link, not refused by the socket
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

    private boolean lose() {
        synchronized (random) {
            return random.nextDouble() < lossRate;
        }
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
