package dev.parley.rtc.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link RealNet}'s TCP listeners and connections, over loopback only (127.0.0.1 and ::1). */
class RealNetTcpTest {

    private static final InetSocketAddress IPV4_LOOPBACK_ANY_PORT = new InetSocketAddress("127.0.0.1", 0);

    private final RealNet net = new RealNet();

    @AfterEach
    void closeNet() {
        net.close();
    }

    /** Records a stream's bytes and its end, asserting every call comes on {@code executor}. */
    static final class Recorder implements StreamHandler {
        final SerialExecutor executor;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream(); // on executor only
        final AtomicInteger closedCalls = new AtomicInteger();
        final AtomicInteger offExecutorCalls = new AtomicInteger();
        final CompletableFuture<IOException> closed = new CompletableFuture<>();
        final int expectedBytes;
        final CountDownLatch gotAll = new CountDownLatch(1);

        Recorder(SerialExecutor executor, int expectedBytes) {
            this.executor = executor;
            this.expectedBytes = expectedBytes;
        }

        @Override
        public void onData(TcpConnection connection, byte[] data) {
            checkThread();
            bytes.write(data, 0, data.length);
            if (bytes.size() >= expectedBytes) {
                gotAll.countDown();
            }
        }

        @Override
        public void onClosed(TcpConnection connection, IOException cause) {
            checkThread();
            closedCalls.incrementAndGet();
            closed.complete(cause);
        }

        private void checkThread() {
            if (!executor.inExecutor()) {
                offExecutorCalls.incrementAndGet();
            }
        }
    }

    /** A StreamHandler that writes every chunk back. */
    static final class Echo implements StreamHandler {
        @Override
        public void onData(TcpConnection connection, byte[] data) {
            assertTrue(connection.write(data));
        }
    }

    @Test
    void echoesAMebibyteOfRandomSizedWritesIntactAndInOrder() throws Exception {
        echoAMebibyte(IPV4_LOOPBACK_ANY_PORT);
    }

    @Test
    void echoesOverIpv6() throws Exception {
        assumeTrue(RealNetUdpTest.ipv6LoopbackWorks(), "this OS has no ::1");
        echoAMebibyte(new InetSocketAddress("::1", 0));
    }

    private void echoAMebibyte(InetSocketAddress bind) throws Exception {
        SerialExecutor serverExec = net.newSerialExecutor("tcp-server");
        SerialExecutor clientExec = net.newSerialExecutor("tcp-client");
        TcpListener listener = net.listenTcp(bind, connection -> new Echo(), serverExec);
        assertEquals(bind.getAddress(), listener.localAddress().getAddress());

        int total = 1 << 20;
        byte[] payload = new byte[total];
        Random random = new Random(11);
        random.nextBytes(payload);
        Recorder client = new Recorder(clientExec, total);
        TcpConnection connection = net.connectTcp(null, listener.localAddress(), client, clientExec)
                .get(5, TimeUnit.SECONDS);
        assertEquals(listener.localAddress(), connection.remoteAddress());

        for (int offset = 0; offset < total; ) {
            int length = Math.min(total - offset, 1 + random.nextInt(20_000));
            assertTrue(connection.write(payload, offset, length));
            offset += length;
        }
        assertTrue(client.gotAll.await(10, TimeUnit.SECONDS), "all bytes echoed");
        byte[] echoed = onExecutor(clientExec, client.bytes::toByteArray);
        assertArrayEquals(payload, echoed);
        assertEquals(0, client.offExecutorCalls.get());
    }

    @Test
    void theConnectFutureCompletesOnTheGivenExecutor() throws Exception {
        SerialExecutor exec = net.newSerialExecutor("tcp-connect");
        TcpListener listener = net.listenTcp(IPV4_LOOPBACK_ANY_PORT, connection -> new Echo(), exec);
        AtomicReference<Boolean> inExecutor = new AtomicReference<>();
        // Hold the executor until the callback is attached: a completion on the executor then
        // queues behind the gate, and one completed elsewhere would run the callback right here.
        CountDownLatch gate = new CountDownLatch(1);
        exec.execute(() -> {
            try {
                gate.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        CompletableFuture<TcpConnection> connecting = net.connectTcp(null, listener.localAddress(), new Echo(), exec)
                .whenComplete((c, failure) -> inExecutor.set(exec.inExecutor()));
        gate.countDown();
        TcpConnection connection = connecting.get(5, TimeUnit.SECONDS);
        assertNotNull(connection);
        assertTrue(inExecutor.get());
    }

    @Test
    void connectingToAClosedPortFailsWithAnIoException() throws Exception {
        SerialExecutor exec = net.newSerialExecutor("tcp-refused");
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = probe.getLocalPort();
        }
        CompletableFuture<TcpConnection> future =
                net.connectTcp(null, new InetSocketAddress("127.0.0.1", closedPort), new Echo(), exec);
        ExecutionException failure = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, failure.getCause());
    }

    @Test
    void aConnectNobodyAnswersTimesOut() throws Exception {
        // A listener whose accept queue is full drops further SYNs, so those connects hang.
        try (RealNet impatient = new RealNet(Duration.ofMillis(300));
                ServerSocket full = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            SerialExecutor exec = impatient.newSerialExecutor("tcp-timeout");
            List<CompletableFuture<TcpConnection>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(impatient.connectTcp(
                        null, (InetSocketAddress) full.getLocalSocketAddress(), new Echo(), exec));
            }
            int timedOut = 0;
            for (CompletableFuture<TcpConnection> attempt : attempts) {
                try {
                    attempt.get(5, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof SocketTimeoutException) {
                        timedOut++;
                    }
                }
            }
            assumeTrue(timedOut > 0, "this OS answered every SYN; cannot provoke a connect timeout here");
        }
    }

    @Test
    void closingTheNetWhileConnectsHangCompletesTheirFutures() throws Exception {
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            ThreadSerialExecutor exec = (ThreadSerialExecutor) net.newSerialExecutor("tcp-close-pending");
            List<CompletableFuture<TcpConnection>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                attempts.add(net.connectTcp(null, (InetSocketAddress) full.getLocalSocketAddress(), new Echo(), exec));
            }
            // Keep the executor busy so the failures are still queued on it when it closes.
            CountDownLatch release = new CountDownLatch(1);
            exec.execute(() -> awaitQuietly(release));
            Thread closer = new Thread(net::close, "test-closer");
            closer.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!exec.isClosed() && System.nanoTime() < deadline) {
                Thread.sleep(5); // polling a condition with a deadline
            }
            assertTrue(exec.isClosed());
            release.countDown();
            for (CompletableFuture<TcpConnection> attempt : attempts) {
                try {
                    attempt.get(5, TimeUnit.SECONDS); // connected before the close: fine too
                } catch (ExecutionException e) {
                    assertInstanceOf(IOException.class, e.getCause());
                }
            }
            closer.join(5_000);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void peerCloseGivesOnClosedWithoutCauseOnce() throws Exception {
        SerialExecutor serverExec = net.newSerialExecutor("tcp-peer-close-server");
        SerialExecutor clientExec = net.newSerialExecutor("tcp-peer-close-client");
        Recorder server = new Recorder(serverExec, 0);
        TcpListener listener = net.listenTcp(IPV4_LOOPBACK_ANY_PORT, connection -> {
            connection.write("bye".getBytes());
            connection.close(); // before the handler is even returned: it still hears of the close
            return server;
        }, serverExec);
        Recorder client = new Recorder(clientExec, 3);
        TcpConnection connection = net.connectTcp(null, listener.localAddress(), client, clientExec)
                .get(5, TimeUnit.SECONDS);
        assertNull(client.closed.get(5, TimeUnit.SECONDS));
        assertEquals("bye", new String(onExecutor(clientExec, client.bytes::toByteArray)), "data before the end");
        assertFalse(connection.write(new byte[] {1}), "no writes after the end");
        connection.close(); // after the peer's close: must not call onClosed again
        awaitIoLoopAndExecutor(clientExec);
        assertEquals(1, client.closedCalls.get());
        assertEquals(0, client.offExecutorCalls.get());
        assertNull(server.closed.get(5, TimeUnit.SECONDS));
        assertEquals(1, server.closedCalls.get());
    }

    @Test
    void localCloseGivesOnClosedWithoutCauseOnceOnBothEnds() throws Exception {
        SerialExecutor serverExec = net.newSerialExecutor("tcp-local-close-server");
        SerialExecutor clientExec = net.newSerialExecutor("tcp-local-close-client");
        Recorder server = new Recorder(serverExec, 0);
        TcpListener listener = net.listenTcp(IPV4_LOOPBACK_ANY_PORT, connection -> server, serverExec);
        Recorder client = new Recorder(clientExec, 0);
        TcpConnection connection = net.connectTcp(null, listener.localAddress(), client, clientExec)
                .get(5, TimeUnit.SECONDS);
        connection.close();
        assertFalse(connection.write(new byte[] {1}));
        assertNull(client.closed.get(5, TimeUnit.SECONDS));
        assertNull(server.closed.get(5, TimeUnit.SECONDS), "the peer saw an orderly end");
        connection.close();
        awaitIoLoopAndExecutor(clientExec);
        assertEquals(1, client.closedCalls.get());
    }

    @Test
    void peerResetGivesOnClosedWithTheCause() throws Exception {
        SerialExecutor exec = net.newSerialExecutor("tcp-reset");
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Recorder client = new Recorder(exec, 0);
            CompletableFuture<TcpConnection> future = net.connectTcp(
                    null, (InetSocketAddress) plain.getLocalSocketAddress(), client, exec);
            plain.setSoTimeout(5_000);
            try (Socket accepted = plain.accept()) {
                future.get(5, TimeUnit.SECONDS);
                accepted.setSoLinger(true, 0); // close with RST
            }
            IOException cause = client.closed.get(5, TimeUnit.SECONDS);
            assertNotNull(cause, "a reset is not an orderly end");
            awaitIoLoopAndExecutor(exec);
            assertEquals(1, client.closedCalls.get());
        }
    }

    @Test
    void writesBeyondTheQueueLimitAreRefused() throws Exception {
        SerialExecutor exec = net.newSerialExecutor("tcp-full");
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            TcpConnection connection = net.connectTcp(
                    null, (InetSocketAddress) plain.getLocalSocketAddress(), new Echo(), exec)
                    .get(5, TimeUnit.SECONDS);
            // Nobody reads: kernel buffers fill, then our queue; a write must be refused eventually.
            byte[] chunk = new byte[256 * 1024];
            long accepted = 0;
            boolean refused = false;
            for (int i = 0; i < 400 && !refused; i++) {
                if (connection.write(chunk)) {
                    accepted += chunk.length;
                } else {
                    refused = true;
                }
            }
            assertTrue(refused, "refused after " + accepted + " bytes");
            assertTrue(accepted >= NioTcpConnection.MAX_QUEUED_BYTES - chunk.length, "accepted " + accepted);
        }
    }

    @Test
    void anAcceptHandlerThatRefusesClosesTheConnection() throws Exception {
        SerialExecutor serverExec = net.newSerialExecutor("tcp-refuse-server");
        SerialExecutor clientExec = net.newSerialExecutor("tcp-refuse-client");
        TcpListener listener = net.listenTcp(IPV4_LOOPBACK_ANY_PORT, connection -> null, serverExec);
        Recorder client = new Recorder(clientExec, 0);
        net.connectTcp(null, listener.localAddress(), client, clientExec).get(5, TimeUnit.SECONDS);
        assertNull(client.closed.get(5, TimeUnit.SECONDS));
    }

    @Test
    void closingTheNetClosesListenersAndConnections() throws Exception {
        SerialExecutor exec = net.newSerialExecutor("tcp-net-close");
        TcpListener listener = net.listenTcp(IPV4_LOOPBACK_ANY_PORT, connection -> new Echo(), exec);
        TcpConnection connection = net.connectTcp(null, listener.localAddress(), new Echo(), exec)
                .get(5, TimeUnit.SECONDS);
        net.close();
        assertFalse(connection.write(new byte[] {1}));
        assertThrows(IOException.class, () -> net.listenTcp(IPV4_LOOPBACK_ANY_PORT, c -> new Echo(), exec));
        ExecutionException late = assertThrows(ExecutionException.class, () -> net.connectTcp(
                null, listener.localAddress(), new Echo(), exec).get(1, TimeUnit.SECONDS));
        assertInstanceOf(IOException.class, late.getCause());
    }

    /**
     * Returns once the I/O loop has run everything posted to it so far and {@code executor} has
     * run everything that produced: a datagram to ourselves is read after the loop's pending
     * tasks, and delivered on {@code executor} after what they dispatched there.
     */
    private void awaitIoLoopAndExecutor(SerialExecutor executor) throws Exception {
        CountDownLatch delivered = new CountDownLatch(1);
        try (UdpSocket marker = net.openUdp(IPV4_LOOPBACK_ANY_PORT, (data, from) -> delivered.countDown(), executor)) {
            assertTrue(marker.send(new byte[] {0}, marker.localAddress()));
            assertTrue(delivered.await(5, TimeUnit.SECONDS));
        }
    }

    private static <T> T onExecutor(SerialExecutor executor, java.util.function.Supplier<T> read)
            throws InterruptedException {
        BlockingQueue<T> result = new ArrayBlockingQueue<>(1);
        executor.execute(() -> result.add(read.get()));
        T value = result.poll(5, TimeUnit.SECONDS);
        assertNotNull(value, "executor answered");
        return value;
    }
}
