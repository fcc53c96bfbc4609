package dev.parley.rtc.net;

import java.net.InetSocketAddress;

/** A listening TCP port on a {@link VirtualHost}; the {@link VirtualTcpRouter} brings it connection attempts. */
final class VirtualTcpListener implements TcpListener {
    private final VirtualHost host;
    private final AcceptHandler handler;
    private final SerialExecutor executor;
    private InetSocketAddress local;
    private boolean closed;

    VirtualTcpListener(VirtualHost host, AcceptHandler handler, SerialExecutor executor) {
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

    AcceptHandler handler() {
        return handler;
    }

    SerialExecutor executor() {
        return executor;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    /** Stops accepting; connections already accepted stay open. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            host.unbindTcp(local, this);
        }
    }

    @Override
    public String toString() {
        return "VirtualTcpListener[" + local + (closed ? ", closed]" : "]");
    }
}
