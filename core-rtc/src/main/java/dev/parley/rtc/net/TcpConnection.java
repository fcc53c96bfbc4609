package dev.parley.rtc.net;

import java.net.InetSocketAddress;

/** An established TCP stream. Writes are queued and never block the caller. */
public interface TcpConnection extends AutoCloseable {

    InetSocketAddress localAddress();

    InetSocketAddress remoteAddress();

    /**
     * Queues {@code length} bytes for sending. Returns {@code false} if the connection is closed
     * or its send queue is over its limit (the bytes are then not sent: a stream cannot drop
     * part of a frame, so callers frame whole messages per write).
     */
    boolean write(byte[] data, int offset, int length);

    default boolean write(byte[] data) {
        return write(data, 0, data.length);
    }

    /** Closes the stream; the handler's {@code onClosed} follows with a {@code null} cause. */
    @Override
    void close();
}
