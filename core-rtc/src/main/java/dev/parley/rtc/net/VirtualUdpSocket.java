package dev.parley.rtc.net;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Objects;

/** A UDP socket of a {@link VirtualHost}; its datagrams travel through the network's {@link VirtualUdpRouter}. */
final class VirtualUdpSocket implements UdpSocket {
    private final VirtualHost host;
    private final DatagramHandler handler;
    private final SerialExecutor executor;
    private InetSocketAddress local;
    private boolean closed;
    private long droppedSends;

    VirtualUdpSocket(VirtualHost host, DatagramHandler handler, SerialExecutor executor) {
        this.host = host;
        this.handler = handler;
        this.executor = executor;
    }

    void bound(InetSocketAddress address) {
        this.local = address;
    }

    VirtualHost host() {
        return host;
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public boolean send(byte[] data, int offset, int length, InetSocketAddress to) {
        Objects.checkFromIndexSize(offset, length, data.length);
        Objects.requireNonNull(to, "to");
        // Copy now: the caller may reuse its buffer before the datagram arrives.
        boolean sent = !closed && host.network().udpRouter().send(this, Arrays.copyOfRange(data, offset, offset + length), to);
        if (!sent) {
            droppedSends++;
        }
        return sent;
    }

    /** Hands a datagram that reached this socket to its handler, on its executor. */
    void deliver(byte[] data, InetSocketAddress from) {
        executor.execute(() -> {
            if (!closed) {
                handler.onDatagram(data, from);
            }
        });
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public long droppedSends() {
        return droppedSends;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            host.unbindUdp(this);
        }
    }

    @Override
    public String toString() {
        return "VirtualUdpSocket[" + local + (closed ? ", closed]" : "]");
    }
}
