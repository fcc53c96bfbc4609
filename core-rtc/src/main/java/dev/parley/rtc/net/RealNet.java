package dev.parley.rtc.net;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.SocketOption;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The operating system's {@link Net}, on Java NIO.
 *
 * <p>One I/O thread per instance ({@code parley-net-io}, a daemon started with the first socket)
 * runs a selector over every socket: it reads datagrams and streams, accepts, finishes connects
 * and flushes stream write queues. Handlers never run there: each received datagram or chunk is
 * handed to the socket's {@link SerialExecutor}. Serial executors are single daemon threads named
 * {@code parley-<name>} on {@link System#nanoTime()}.
 *
 * <p>{@link #close()} closes every socket and every executor made here, and stops the I/O thread.
 */
public final class RealNet implements Net {

    /** How long {@link #connectTcp} waits for the peer before failing with a timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Asked of the OS for each UDP socket's buffers; the OS may grant less. */
    static final int UDP_BUFFER_BYTES = 1024 * 1024;

    private static final String IO_THREAD_NAME = "parley-net-io";
    private static final int TCP_BACKLOG = 128;

    private final Duration connectTimeout;
    private final OwnedResources sockets = new OwnedResources();
    private final Set<ThreadSerialExecutor> executors = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private NioLoop loop; // guarded by lock; started with the first socket
    private volatile boolean closed;

    public RealNet() {
        this(DEFAULT_CONNECT_TIMEOUT);
    }

    /** @param connectTimeout how long a TCP connect may take before its future fails */
    public RealNet(Duration connectTimeout) {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
        }
        this.connectTimeout = connectTimeout;
    }

    @Override
    public List<LocalAddress> localAddresses(boolean includeLoopback) throws IOException {
        return InterfaceAddresses.list(includeLoopback);
    }

    /** @throws IllegalStateException once this Net is closed */
    @Override
    public SerialExecutor newSerialExecutor(String name) {
        Objects.requireNonNull(name, "name");
        String threadName = name.startsWith("parley-") ? name : "parley-" + name;
        ThreadSerialExecutor[] self = new ThreadSerialExecutor[1];
        self[0] = new ThreadSerialExecutor(threadName, () -> executors.remove(self[0]));
        executors.add(self[0]);
        if (closed) {
            self[0].close();
            throw new IllegalStateException("RealNet is closed");
        }
        return self[0];
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public UdpSocket openUdp(InetSocketAddress bind, DatagramHandler handler, SerialExecutor executor)
            throws IOException {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(executor, "executor");
        NioLoop ioLoop = loop();
        DatagramChannel channel = open(() -> DatagramChannel.open(familyOf(bind)));
        try {
            channel.configureBlocking(false);
            trySetOption(channel, StandardSocketOptions.SO_RCVBUF, UDP_BUFFER_BYTES);
            trySetOption(channel, StandardSocketOptions.SO_SNDBUF, UDP_BUFFER_BYTES);
            channel.bind(bind);
            return adopt(new NioUdpSocket(ioLoop, channel, handler, executor, sockets));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw asIoException(e, "binding UDP to " + bind);
        }
    }

    @Override
    public TcpListener listenTcp(InetSocketAddress bind, TcpListener.AcceptHandler handler, SerialExecutor executor)
            throws IOException {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(executor, "executor");
        NioLoop ioLoop = loop();
        ServerSocketChannel channel = open(() -> ServerSocketChannel.open(familyOf(bind)));
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(bind, TCP_BACKLOG);
            return adopt(new NioTcpListener(ioLoop, channel, handler, executor, sockets));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw asIoException(e, "listening on TCP " + bind);
        }
    }

    @Override
    public CompletableFuture<TcpConnection> connectTcp(
            InetSocketAddress bind, InetSocketAddress remote, StreamHandler handler, SerialExecutor executor) {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(executor, "executor");
        SocketChannel channel = null;
        try {
            NioLoop ioLoop = loop();
            if (remote.isUnresolved()) {
                throw new IOException("unresolved address " + remote);
            }
            channel = open(() -> SocketChannel.open(familyOf(remote)));
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (bind != null) {
                channel.bind(bind);
            }
            return NioTcpConnect.start(ioLoop, channel, remote, handler, executor, sockets, connectTimeout);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            IOException failure = asIoException(e, "connecting to " + remote);
            CompletableFuture<TcpConnection> failed = new CompletableFuture<>();
            NioTcpConnect.completeOn(executor, () -> failed.completeExceptionally(failure));
            return failed;
        }
    }

    /** Channel callbacks that threw and were closed for it, plus I/O loop errors, since the start. */
    public long ioFailures() {
        synchronized (lock) {
            return loop == null ? 0 : loop.failures();
        }
    }

    @Override
    public void close() {
        NioLoop ioLoop;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            ioLoop = loop;
        }
        sockets.closeAll(); // closes are posted to the loop, which runs them before it stops
        if (ioLoop != null) {
            ioLoop.close();
        }
        sockets.closeAll(); // anything that slipped in meanwhile closes inline now
        List<ThreadSerialExecutor> made = List.copyOf(executors);
        made.forEach(ThreadSerialExecutor::close);
        awaitTermination(made);
    }

    private NioLoop loop() throws IOException {
        synchronized (lock) {
            if (closed) {
                throw new IOException("RealNet is closed");
            }
            if (loop == null) {
                loop = new NioLoop(IO_THREAD_NAME);
            }
            return loop;
        }
    }

    private <T extends AutoCloseable> T adopt(T socket) throws IOException {
        if (!sockets.adopt(socket)) {
            throw new IOException("RealNet is closed");
        }
        return socket;
    }

    /** Waits a little for executor threads to end, so a closed Net leaves no threads behind. */
    private static void awaitTermination(List<ThreadSerialExecutor> made) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (ThreadSerialExecutor executor : made) {
            if (executor.inExecutor()) {
                continue; // closing from one of our own tasks: it ends when that task returns
            }
            try {
                executor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static ProtocolFamily familyOf(InetSocketAddress address) throws IOException {
        Objects.requireNonNull(address, "address");
        if (address.isUnresolved()) {
            throw new IOException("unresolved address " + address);
        }
        return address.getAddress() instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
    }

    private interface ChannelOpener<C extends NetworkChannel> {
        C open() throws IOException;
    }

    /** Opens a channel; a family the OS lacks (no IPv6) becomes an {@link IOException}. */
    private static <C extends NetworkChannel> C open(ChannelOpener<C> opener) throws IOException {
        try {
            return opener.open();
        } catch (UnsupportedOperationException e) {
            throw new IOException("address family not supported here", e);
        }
    }

    private static <T> void trySetOption(NetworkChannel channel, SocketOption<T> option, T value) {
        try {
            channel.setOption(option, value);
        } catch (IOException | UnsupportedOperationException e) {
            // The OS keeps its default; sockets still work, only with smaller buffers.
        }
    }

    private static IOException asIoException(Exception e, String what) {
        return e instanceof IOException io ? io : new IOException(what + ": " + e, e);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Nothing more to release.
        }
    }
}
