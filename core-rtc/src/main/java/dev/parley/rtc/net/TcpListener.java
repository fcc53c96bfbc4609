package dev.parley.rtc.net;

import java.net.InetSocketAddress;

/** A listening TCP socket. */
public interface TcpListener extends AutoCloseable {

    InetSocketAddress localAddress();

    @Override
    void close();

    /** Decides what reads each accepted connection. */
    @FunctionalInterface
    interface AcceptHandler {
        /** Returns the handler for the new connection's bytes (called on the listener's executor). */
        StreamHandler onAccept(TcpConnection connection);
    }
}
