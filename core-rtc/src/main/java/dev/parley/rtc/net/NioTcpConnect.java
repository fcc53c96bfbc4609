package dev.parley.rtc.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One outgoing TCP connect in progress on a {@link NioLoop}: a non-blocking connect finished on
 * {@code OP_CONNECT}, bounded by a timeout. Its future completes on the caller's executor with a
 * {@link NioTcpConnection}, or exceptionally with the {@link IOException} (refused, unreachable,
 * {@link SocketTimeoutException}). Cancelling the future abandons the attempt.
 */
final class NioTcpConnect implements NioLoop.IoHandler, AutoCloseable {

    private final NioLoop loop;
    private final SocketChannel channel;
    private final InetSocketAddress remote;
    private final StreamHandler handler;
    private final SerialExecutor executor;
    private final OwnedResources owner;
    private final Duration timeout;
    private final CompletableFuture<TcpConnection> future = new CompletableFuture<>();

    // On the loop thread (or, once the loop stopped, on the closing thread), under this lock:
    private SelectionKey key;
    private NioLoop.Timer timer;
    private boolean done;

    private NioTcpConnect(NioLoop loop, SocketChannel channel, InetSocketAddress remote, StreamHandler handler,
            SerialExecutor executor, OwnedResources owner, Duration timeout) {
        this.loop = loop;
        this.channel = channel;
        this.remote = remote;
        this.handler = handler;
        this.executor = executor;
        this.owner = owner;
        this.timeout = timeout;
    }

    /** Starts connecting {@code channel} (open, non-blocking, bound if wanted) to {@code remote}. */
    static CompletableFuture<TcpConnection> start(NioLoop loop, SocketChannel channel, InetSocketAddress remote,
            StreamHandler handler, SerialExecutor executor, OwnedResources owner, Duration timeout) {
        NioTcpConnect attempt = new NioTcpConnect(loop, channel, remote, handler, executor, owner, timeout);
        if (owner.adopt(attempt) && !loop.execute(attempt::begin)) {
            attempt.close();
        }
        attempt.future.whenComplete((connection, failure) -> {
            if (attempt.future.isCancelled()) {
                attempt.close();
            }
        });
        return attempt.future;
    }

    /** Abandons the attempt (the future fails) if it has not finished yet; from any thread. */
    @Override
    public void close() {
        Runnable abandon = () -> fail(new IOException("connect to " + remote + " abandoned: closed"));
        if (!loop.execute(abandon)) {
            synchronized (this) {
                abandon.run();
            }
        }
    }

    @Override
    public void onReady(SelectionKey readyKey) {
        if (!readyKey.isConnectable()) {
            return;
        }
        try {
            if (channel.finishConnect()) {
                connected();
            }
        } catch (IOException e) {
            fail(e); // refused, unreachable: an outcome, not a fault of the loop
        }
    }

    @Override
    public void onFailure(Throwable failure) {
        fail(failure);
    }

    private synchronized void begin() {
        if (done) {
            return;
        }
        try {
            key = loop.register(channel, 0, this);
            if (channel.connect(remote)) {
                connected();
                return;
            }
            key.interestOps(SelectionKey.OP_CONNECT);
            timer = loop.schedule(() -> fail(new SocketTimeoutException(
                    "connect to " + remote + " timed out after " + timeout.toMillis() + " ms")),
                    timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    private synchronized void connected() throws IOException {
        key.interestOps(0);
        NioTcpConnection connection = new NioTcpConnection(loop, channel, key, executor, owner);
        done = true;
        cancelTimer();
        owner.release(this);
        if (!owner.adopt(connection)) {
            complete(null, new IOException("RealNet closed while connecting to " + remote));
            return;
        }
        // Posted before reading starts, so the owner has the connection before its first onData.
        complete(connection, null);
        connection.startReading(handler);
    }

    private synchronized void fail(Throwable failure) {
        if (done) {
            return;
        }
        done = true;
        cancelTimer();
        owner.release(this);
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing more to release.
        }
        complete(null, failure instanceof IOException io ? io : new IOException(failure));
    }

    private void complete(NioTcpConnection connection, IOException failure) {
        completeOn(executor, () -> {
            if (failure != null) {
                future.completeExceptionally(failure);
            } else if (!future.complete(connection) && future.isCancelled()) {
                connection.close(); // the caller cancelled: nobody wants it
            }
        });
    }

    /**
     * Runs an idempotent future {@code completion} on {@code executor}, or here if the executor
     * is closed or refuses it: a future that never completes would hang whoever waits on it.
     * (A foreign executor that drops tasks silently after close can still strand it.)
     */
    static void completeOn(SerialExecutor executor, Runnable completion) {
        ThreadSerialExecutor.Completion mustRun = completion::run; // runs even if queued at close
        try {
            executor.execute(mustRun);
        } catch (RejectedExecutionException e) {
            completion.run();
            return;
        }
        if (executor instanceof ThreadSerialExecutor threadExecutor && threadExecutor.isClosed()) {
            completion.run(); // it may have been discarded there
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }
}
