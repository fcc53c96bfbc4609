package dev.parley.rtc.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;

/**
 * An established, non-blocking TCP stream on a {@link NioLoop}.
 *
 * <p>{@link #write} copies the bytes into a bounded queue from any thread; the loop thread writes
 * the queue out, arming {@code OP_WRITE} while the socket's buffer is full. The loop thread reads
 * and hands each chunk to the handler on the executor. Every close — by the peer (EOF: cause
 * {@code null}), by an error (reset: the cause), by {@link #close()} or by the {@link RealNet}
 * closing — ends on the loop thread, so {@code onClosed} follows the last {@code onData} and
 * comes once.
 */
final class NioTcpConnection implements TcpConnection, NioLoop.IoHandler {

    /** Bytes a connection may have queued and unsent before {@link #write} refuses more. */
    static final int MAX_QUEUED_BYTES = 4 * 1024 * 1024;

    /** Reads per readiness event before the loop serves other channels. */
    private static final int MAX_READS_PER_EVENT = 16;

    private final NioLoop loop;
    private final SocketChannel channel;
    private final SelectionKey key;
    private final InetSocketAddress localAddress;
    private final InetSocketAddress remoteAddress;
    private final SerialExecutor executor;
    private final OwnedResources owner;

    private final Object writeLock = new Object();
    private final ArrayDeque<ByteBuffer> writeQueue = new ArrayDeque<>(); // guarded by writeLock
    private int queuedBytes; // guarded by writeLock
    /** A flush task is posted or OP_WRITE is armed: a write need not post another. Guarded by writeLock. */
    private boolean flushPending;

    private volatile StreamHandler handler; // null until an accepted connection's owner gives one
    private volatile boolean closeRequested; // closing or closed: write() refuses
    private volatile boolean closedByOwner; // close() was called: data not yet delivered is dropped
    private boolean closedBeforeStart; // under this lock: closed while handler was null
    private IOException closeCause; // under this lock: what closedBeforeStart still has to tell
    private volatile boolean closed; // set on the loop thread (or under this lock once the loop stopped)

    /**
     * Takes over a connected {@code channel} already registered as {@code key} (loop thread only).
     * Bytes are read once {@link #startReading} gives a handler.
     */
    NioTcpConnection(NioLoop loop, SocketChannel channel, SelectionKey key, SerialExecutor executor,
            OwnedResources owner) throws IOException {
        this.loop = loop;
        this.channel = channel;
        this.key = key;
        this.localAddress = (InetSocketAddress) channel.getLocalAddress();
        this.remoteAddress = (InetSocketAddress) channel.getRemoteAddress();
        this.executor = executor;
        this.owner = owner;
        key.attach(this);
    }

    /** Starts delivering the stream to {@code streamHandler}; from any thread. */
    void startReading(StreamHandler streamHandler) {
        this.handler = Objects.requireNonNull(streamHandler, "streamHandler");
        onLoop(this::startReadingOnLoop);
    }

    private synchronized void startReadingOnLoop() {
        if (!closed) {
            key.interestOps(key.interestOps() | SelectionKey.OP_READ);
        } else if (closedBeforeStart) {
            // Closed (say, from inside the accept handler) before there was a handler to tell.
            closedBeforeStart = false;
            IOException cause = closeCause;
            StreamHandler target = handler;
            dispatch(() -> target.onClosed(this, cause));
        }
    }

    @Override
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    @Override
    public boolean write(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        boolean postFlush;
        synchronized (writeLock) {
            if (closeRequested || length > MAX_QUEUED_BYTES - queuedBytes) {
                return false;
            }
            if (length == 0) {
                return true;
            }
            byte[] copy = new byte[length];
            System.arraycopy(data, offset, copy, 0, length);
            writeQueue.add(ByteBuffer.wrap(copy));
            queuedBytes += length;
            postFlush = !flushPending;
            flushPending = true;
        }
        if (postFlush) {
            onLoop(this::flushOrFail);
        }
        return true;
    }

    @Override
    public void close() {
        closedByOwner = true;
        closeRequested = true;
        onLoop(() -> closeOnLoop(null));
    }

    @Override
    public void onReady(SelectionKey key) {
        if (key.isWritable()) {
            flushOrFail();
        }
        if (!closed && key.isReadable()) {
            read();
        }
    }

    @Override
    public void onFailure(Throwable failure) {
        closeOnLoop(failure instanceof IOException io ? io : new IOException(failure));
    }

    private void read() {
        for (int i = 0; i < MAX_READS_PER_EVENT; i++) {
            ByteBuffer buffer = loop.ioBuffer();
            int n;
            try {
                n = channel.read(buffer);
            } catch (IOException e) {
                closeOnLoop(e); // reset by the peer, or another fatal error
                return;
            }
            if (n < 0) {
                closeOnLoop(null); // orderly end of the peer's stream
                return;
            }
            if (n == 0) {
                return;
            }
            buffer.flip();
            byte[] data = new byte[n];
            buffer.get(data);
            StreamHandler target = handler;
            dispatch(() -> {
                if (!closedByOwner) {
                    target.onData(this, data);
                }
            });
        }
    }

    private void flushOrFail() {
        try {
            flush();
        } catch (IOException e) {
            closeOnLoop(e);
        } catch (RuntimeException e) {
            closeOnLoop(new IOException(e));
        }
    }

    /** Writes what the socket takes; arms OP_WRITE for the rest. Loop thread only. */
    private void flush() throws IOException {
        if (closed) {
            return;
        }
        boolean more;
        synchronized (writeLock) {
            while (!writeQueue.isEmpty()) {
                ByteBuffer head = writeQueue.peek();
                queuedBytes -= channel.write(head);
                if (head.hasRemaining()) {
                    break;
                }
                writeQueue.poll();
            }
            more = !writeQueue.isEmpty();
            flushPending = more;
        }
        int ops = key.interestOps();
        key.interestOps(more ? ops | SelectionKey.OP_WRITE : ops & ~SelectionKey.OP_WRITE);
    }

    private synchronized void closeOnLoop(IOException cause) {
        if (closed) {
            return;
        }
        closeRequested = true;
        if (cause == null) {
            try {
                flush(); // best effort: what fits in the socket buffer now still goes out
            } catch (IOException | RuntimeException ignored) {
                // The stream is ending anyway.
            }
        }
        closed = true;
        synchronized (writeLock) {
            writeQueue.clear();
            queuedBytes = 0;
        }
        key.cancel();
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing more to release.
        }
        owner.release(this);
        StreamHandler target = handler;
        if (target != null) {
            dispatch(() -> target.onClosed(this, cause));
        } else {
            closedBeforeStart = true;
            closeCause = cause;
        }
    }

    /** Runs {@code task} on the loop, or here if the loop has stopped (then only closes are left). */
    private void onLoop(Runnable task) {
        if (!loop.execute(task)) {
            synchronized (this) {
                task.run();
            }
        }
    }

    private void dispatch(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            // The owner's executor is shut: nobody is listening any more.
        }
    }
}
