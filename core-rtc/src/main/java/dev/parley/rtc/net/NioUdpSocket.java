package dev.parley.rtc.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A non-blocking UDP socket on a {@link NioLoop}. The loop thread reads datagrams and hands each,
 * as a fresh exact-size array, to the handler on the socket's executor; {@link #send} writes
 * straight from the caller's thread (a {@link DatagramChannel} allows one sender and one receiver
 * at a time) and never waits.
 */
final class NioUdpSocket extends NioEndpoint<DatagramChannel> implements UdpSocket {

    /** Datagrams read per readiness event before the loop serves other channels. */
    private static final int MAX_READS_PER_EVENT = 256;

    private final DatagramHandler handler;
    private final AtomicLong droppedSends = new AtomicLong();

    /** Takes over a bound, non-blocking {@code channel} and starts reading it on {@code loop}. */
    NioUdpSocket(NioLoop loop, DatagramChannel channel, DatagramHandler handler, SerialExecutor executor,
            OwnedResources owner) throws IOException {
        super(loop, channel, executor, owner);
        this.handler = Objects.requireNonNull(handler, "handler");
        start(SelectionKey.OP_READ, "UDP socket");
    }

    @Override
    public boolean send(byte[] data, int offset, int length, InetSocketAddress to) {
        ByteBuffer datagram = ByteBuffer.wrap(data, offset, length);
        if (closed || to == null) {
            droppedSends.incrementAndGet();
            return false;
        }
        try {
            if (channel.send(datagram, to) > 0 || length == 0) {
                return true;
            }
            // 0 bytes sent: the socket's send buffer is full; UDP just drops it.
        } catch (IOException | RuntimeException e) {
            // Closed meanwhile, no route, unresolved or wrong-family address, ICMP error:
            // all mean "not sent", which the caller learns from the return value.
        }
        droppedSends.incrementAndGet();
        return false;
    }

    @Override
    public long droppedSends() {
        return droppedSends.get();
    }

    @Override
    public void onReady(SelectionKey key) throws IOException {
        for (int i = 0; i < MAX_READS_PER_EVENT && !closed; i++) {
            ByteBuffer buffer = loop.ioBuffer();
            SocketAddress from;
            try {
                from = channel.receive(buffer);
            } catch (PortUnreachableException e) {
                continue; // an ICMP error for an earlier send: nothing to do with receiving
            } catch (ClosedChannelException e) {
                if (closed) {
                    return; // closed from another thread meanwhile: not a failure
                }
                throw e;
            }
            if (from == null) {
                return; // drained
            }
            buffer.flip();
            byte[] data = new byte[buffer.remaining()];
            buffer.get(data);
            deliver(data, (InetSocketAddress) from);
        }
    }

    private void deliver(byte[] data, InetSocketAddress from) {
        try {
            executor.execute(() -> {
                if (!closed) {
                    handler.onDatagram(data, from);
                }
            });
        } catch (RejectedExecutionException e) {
            // The owner's executor is shut: nobody is listening any more.
        }
    }
}
