package dev.parley.rtc.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectableChannel;
import java.util.Objects;

/**
 * What a UDP socket and a TCP listener on a {@link NioLoop} share: a bound channel registered with
 * the loop, delivering on the owner's executor, closed once from any thread and released from
 * the {@link OwnedResources} of its {@link RealNet}.
 */
abstract class NioEndpoint<C extends SelectableChannel & NetworkChannel> implements NioLoop.IoHandler, AutoCloseable {
    final NioLoop loop;
    final C channel;
    final InetSocketAddress localAddress;
    final SerialExecutor executor;
    private final OwnedResources owner;
    volatile boolean closed;

    NioEndpoint(NioLoop loop, C channel, SerialExecutor executor, OwnedResources owner) throws IOException {
        this.loop = loop;
        this.channel = channel;
        this.localAddress = (InetSocketAddress) channel.getLocalAddress();
        this.executor = Objects.requireNonNull(executor, "executor");
        this.owner = owner;
    }

    /**
     * Registers for {@code interestOps} on the loop thread. Called last by the subclass's
     * constructor, so the loop never sees a half-built endpoint.
     *
     * @param what names the endpoint in failure reports
     */
    final void start(int interestOps, String what) throws IOException {
        if (!loop.execute(() -> register(interestOps, what))) {
            close();
            throw new IOException("RealNet is closed");
        }
    }

    public InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close(); // safe from any thread; the selector drops the key on its next round
        } catch (IOException ignored) {
            // Nothing more to release.
        }
        // The OS socket (and its port) is freed only when the selector deregisters the key: wake
        // it, or an idle loop would keep the port taken until its next event.
        loop.execute(() -> { });
        owner.release(this);
    }

    @Override
    public void onFailure(Throwable failure) {
        close();
    }

    private void register(int interestOps, String what) {
        if (closed) {
            return;
        }
        try {
            loop.register(channel, interestOps, this);
        } catch (IOException | RuntimeException e) {
            loop.reportFailure("registering " + what + " " + localAddress, e);
            close();
        }
    }
}
