package dev.parley.rtc.net;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * One end of an established virtual TCP stream. Bytes reach the peer after the path's fixed
 * one-way delay, reliably and in order (equal delays plus the clock's FIFO order keep them so); a
 * close reaches the peer after the same delay, behind any bytes still in flight.
 */
final class VirtualTcpConnection implements TcpConnection {
    private final VirtualClock clock;
    private final VirtualHost host;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private final SerialExecutor executor;
    private final long oneWayDelayNanos;
    private final Runnable onRelease;
    private VirtualTcpConnection peer;
    private StreamHandler handler;
    /** Set by {@link #close()}: bytes arriving later are not delivered. */
    private boolean closedLocally;
    /** Set by either side's close: no more writes; {@code onClosed} has been queued. */
    private boolean finished;

    /** @param onRelease gives back what the connection held (port, NAT mapping) once it is closed */
    VirtualTcpConnection(VirtualClock clock, VirtualHost host, InetSocketAddress local, InetSocketAddress remote,
            SerialExecutor executor, long oneWayDelayNanos, Runnable onRelease) {
        this.clock = clock;
        this.host = host;
        this.local = local;
        this.remote = remote;
        this.executor = executor;
        this.oneWayDelayNanos = oneWayDelayNanos;
        this.onRelease = onRelease;
    }

    static void pair(VirtualTcpConnection a, VirtualTcpConnection b) {
        a.peer = b;
        b.peer = a;
    }

    void setHandler(StreamHandler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public boolean write(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (finished) {
            return false;
        }
        byte[] copy = Arrays.copyOfRange(data, offset, offset + length);
        VirtualTcpConnection to = peer;
        clock.schedule(oneWayDelayNanos, () -> to.receive(copy));
        return true;
    }

    @Override
    public void close() {
        if (finished) {
            return;
        }
        closedLocally = true;
        finish();
        VirtualTcpConnection to = peer;
        clock.schedule(oneWayDelayNanos, to::peerClosed);
    }

    private void receive(byte[] data) {
        if (closedLocally) {
            return;
        }
        executor.execute(() -> {
            if (!closedLocally && handler != null) {
                handler.onData(this, data);
            }
        });
    }

    private void peerClosed() {
        if (!finished) {
            finish();
        }
    }

    private void finish() {
        finished = true;
        host.disown(this);
        onRelease.run();
        executor.execute(() -> {
            if (handler != null) {
                handler.onClosed(this, null);
            }
        });
    }

    @Override
    public String toString() {
        return "VirtualTcpConnection[" + local + " -> " + remote + (finished ? ", closed]" : "]");
    }
}
