package dev.parley.rtc.net;

import java.net.InetSocketAddress;

/** A bound UDP socket. Sends never block: a datagram the OS (or virtual link) cannot take is dropped and counted. */
public interface UdpSocket extends AutoCloseable {

    InetSocketAddress localAddress();

    /**
     * Sends {@code length} bytes of {@code data} from {@code offset} to {@code to}. Returns
     * {@code false} when the datagram was dropped locally (buffer full, socket closed, unroutable).
     */
    boolean send(byte[] data, int offset, int length, InetSocketAddress to);

    default boolean send(byte[] data, InetSocketAddress to) {
        return send(data, 0, data.length, to);
    }

    /** Datagrams dropped locally so far (see {@link #send}). */
    long droppedSends();

    @Override
    void close();
}
