package dev.parley.rtc.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link RealNet#close()} leaves nothing behind: no sockets, no {@code parley-} threads (of those
 * started during the test: other code in this JVM may have its own).
 */
class RealNetCloseTest {

    private final Set<Thread> threadsBefore = Set.copyOf(Thread.getAllStackTraces().keySet());

    private static final InetSocketAddress LOOPBACK_ANY_PORT = new InetSocketAddress("127.0.0.1", 0);

    @Test
    void closeStopsEveryThreadItStarted() throws Exception {
        RealNet net = new RealNet();
        SerialExecutor a = net.newSerialExecutor("close-a");
        SerialExecutor b = net.newSerialExecutor("close-b");
        CountDownLatch got = new CountDownLatch(1);
        UdpSocket udp = net.openUdp(LOOPBACK_ANY_PORT, (data, from) -> got.countDown(), a);
        TcpListener listener = net.listenTcp(LOOPBACK_ANY_PORT, c -> new NoOpStream(), b);
        TcpConnection connection = net.connectTcp(null, listener.localAddress(), new NoOpStream(), a)
                .get(5, TimeUnit.SECONDS);
        assertTrue(udp.send(new byte[] {1}, udp.localAddress()));
        assertTrue(got.await(5, TimeUnit.SECONDS), "threads were running");
        a.schedule(() -> {}, 1, TimeUnit.HOURS); // a pending timer must not keep a thread alive
        assertFalse(parleyThreads().isEmpty());

        net.close();

        assertFalse(udp.send(new byte[] {1}, udp.localAddress()));
        assertFalse(connection.write(new byte[] {1}));
        assertNoParleyThreadsWithin(5_000);
        net.close(); // again: harmless
    }

    @Test
    void closeFromOneOfItsOwnExecutorsDoesNotDeadlock() throws Exception {
        RealNet net = new RealNet();
        SerialExecutor executor = net.newSerialExecutor("close-self");
        net.openUdp(LOOPBACK_ANY_PORT, (data, from) -> {}, executor);
        CompletableFuture<Void> closed = new CompletableFuture<>();
        executor.execute(() -> {
            net.close();
            closed.complete(null);
        });
        closed.get(5, TimeUnit.SECONDS);
        assertNoParleyThreadsWithin(5_000);
    }

    @Test
    void aNetThatOpenedNothingStartsNoIoThread() {
        try (RealNet net = new RealNet()) {
            assertEquals(0, net.ioFailures());
            assertFalse(parleyThreads().contains("parley-net-io"));
        }
    }

    private void assertNoParleyThreadsWithin(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        List<String> left = parleyThreads();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10); // polling a condition with a deadline, not waiting and hoping
            left = parleyThreads();
        }
        assertEquals(List.of(), left);
    }

    private List<String> parleyThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(thread -> !threadsBefore.contains(thread))
                .map(Thread::getName)
                .filter(name -> name.startsWith("parley-"))
                .sorted()
                .toList();
    }

    private static final class NoOpStream implements StreamHandler {
        @Override
        public void onData(TcpConnection connection, byte[] data) {}
    }
}
