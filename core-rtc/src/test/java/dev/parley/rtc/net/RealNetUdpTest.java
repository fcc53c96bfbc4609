package dev.parley.rtc.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link RealNet}'s UDP sockets, over loopback only (127.0.0.1 and ::1). */
class RealNetUdpTest {

    private static final InetSocketAddress IPV4_LOOPBACK_ANY_PORT = new InetSocketAddress("127.0.0.1", 0);
    private static final InetSocketAddress IPV6_LOOPBACK_ANY_PORT = new InetSocketAddress("::1", 0);

    private final RealNet net = new RealNet();

    @AfterEach
    void closeNet() {
        net.close();
    }

    /** What a handler saw, recorded on its executor. */
    record Received(byte[] data, InetSocketAddress from, boolean inExecutor, String thread) {}

    @Test
    void echoesBothWaysOverIpv4WithHandlersOnTheirExecutors() throws Exception {
        echoBothWays(IPV4_LOOPBACK_ANY_PORT);
    }

    @Test
    void echoesBothWaysOverIpv6() throws Exception {
        assumeTrue(ipv6LoopbackWorks(), "this OS has no ::1");
        echoBothWays(IPV6_LOOPBACK_ANY_PORT);
    }

    private void echoBothWays(InetSocketAddress bind) throws Exception {
        SerialExecutor aExec = net.newSerialExecutor("udp-a");
        SerialExecutor bExec = net.newSerialExecutor("udp-b");
        BlockingQueue<Received> atA = new ArrayBlockingQueue<>(10);
        BlockingQueue<Received> atB = new ArrayBlockingQueue<>(10);
        UdpSocket a = net.openUdp(bind, recorder(atA, aExec), aExec);
        UdpSocket[] b = new UdpSocket[1];
        b[0] = net.openUdp(bind, (data, from) -> {
            recorder(atB, bExec).onDatagram(data, from);
            b[0].send(("echo:" + new String(data)).getBytes(), from);
        }, bExec);
        assertNotEquals(0, a.localAddress().getPort());
        assertEquals(bind.getAddress(), a.localAddress().getAddress());

        assertTrue(a.send("ping".getBytes(), b[0].localAddress()));

        Received gotB = atB.poll(5, TimeUnit.SECONDS);
        assertEquals("ping", new String(gotB.data()));
        assertEquals(a.localAddress(), gotB.from());
        assertTrue(gotB.inExecutor());
        assertEquals("parley-udp-b", gotB.thread());

        Received gotA = atA.poll(5, TimeUnit.SECONDS);
        assertEquals("echo:ping", new String(gotA.data()));
        assertEquals(b[0].localAddress(), gotA.from());
        assertTrue(gotA.inExecutor());
        assertEquals("parley-udp-a", gotA.thread());
        assertEquals(0, a.droppedSends());
        assertEquals(0, b[0].droppedSends());
    }

    @Test
    void aBurstOfAThousandDatagramsArrivesInOrder() throws Exception {
        SerialExecutor exec = net.newSerialExecutor("udp-burst");
        int count = 1000;
        List<Integer> sequence = new ArrayList<>(); // on exec only
        CountDownLatch all = new CountDownLatch(count);
        UdpSocket receiver = net.openUdp(IPV4_LOOPBACK_ANY_PORT, (data, from) -> {
            sequence.add(ByteBuffer.wrap(data).getInt());
            all.countDown();
        }, exec);
        UdpSocket sender = net.openUdp(IPV4_LOOPBACK_ANY_PORT, (data, from) -> {}, exec);
        int accepted = 0;
        for (int i = 0; i < count; i++) {
            byte[] datagram = ByteBuffer.allocate(200).putInt(i).array();
            if (sender.send(datagram, receiver.localAddress())) {
                accepted++;
            }
        }
        assertEquals(count, accepted + sender.droppedSends());
        all.await(3, TimeUnit.SECONDS); // loopback may drop a few under pressure: don't insist on all
        List<Integer> got = onExecutor(exec, () -> List.copyOf(sequence));
        assertTrue(got.size() >= count * 99 / 100, "received " + got.size() + " of " + count);
        for (int i = 1; i < got.size(); i++) {
            assertTrue(got.get(i) > got.get(i - 1), "in order at " + i + ": " + got.get(i - 1) + ", " + got.get(i));
        }
    }

    @Test
    void oneByteAndSixtyThousandByteDatagramsArriveIntact() throws Exception {
        SerialExecutor exec = net.newSerialExecutor("udp-sizes");
        BlockingQueue<Received> received = new ArrayBlockingQueue<>(10);
        UdpSocket receiver = net.openUdp(IPV4_LOOPBACK_ANY_PORT, recorder(received, exec), exec);
        UdpSocket sender = net.openUdp(IPV4_LOOPBACK_ANY_PORT, (data, from) -> {}, exec);
        Random random = new Random(7);
        for (int size : new int[] {1, 60_000}) {
            byte[] payload = new byte[size];
            random.nextBytes(payload);
            assertTrue(sender.send(payload, receiver.localAddress()));
            Received got = received.poll(5, TimeUnit.SECONDS);
            assertArrayEquals(payload, got.data(), "size " + size);
        }
    }

    @Test
    void sendHonoursOffsetAndLength() throws Exception {
        SerialExecutor exec = net.newSerialExecutor("udp-slice");
        BlockingQueue<Received> received = new ArrayBlockingQueue<>(10);
        UdpSocket receiver = net.openUdp(IPV4_LOOPBACK_ANY_PORT, recorder(received, exec), exec);
        UdpSocket sender = net.openUdp(IPV4_LOOPBACK_ANY_PORT, (data, from) -> {}, exec);
        assertTrue(sender.send("xxhelloyy".getBytes(), 2, 5, receiver.localAddress()));
        assertEquals("hello", new String(received.poll(5, TimeUnit.SECONDS).data()));
    }

    @Test
    void sendAfterCloseReturnsFalseAndCounts() throws Exception {
        SerialExecutor exec = net.newSerialExecutor("udp-closed");
        UdpSocket socket = net.openUdp(IPV4_LOOPBACK_ANY_PORT, (data, from) -> {}, exec);
        InetSocketAddress self = socket.localAddress();
        socket.close();
        assertFalse(socket.send(new byte[] {1}, self));
        assertFalse(socket.send(new byte[] {2}, self));
        assertEquals(2, socket.droppedSends());
        assertEquals(self, socket.localAddress(), "still known after close");
        socket.close(); // again: harmless
    }

    @Test
    void sendToAnAddressTheSocketCannotReachReturnsFalseAndCounts() throws Exception {
        SerialExecutor exec = net.newSerialExecutor("udp-bad-address");
        UdpSocket socket = net.openUdp(IPV4_LOOPBACK_ANY_PORT, (data, from) -> {}, exec);
        // An IPv6 destination from an IPv4 socket, port 0, an unresolved name, no address at all.
        assertFalse(socket.send(new byte[] {1}, new InetSocketAddress(InetAddress.getByName("::1"), 9)));
        assertFalse(socket.send(new byte[] {1}, new InetSocketAddress("127.0.0.1", 0)));
        assertFalse(socket.send(new byte[] {1}, InetSocketAddress.createUnresolved("parley.invalid", 9)));
        assertFalse(socket.send(new byte[] {1}, null));
        assertEquals(4, socket.droppedSends());
        // The socket still works afterwards.
        BlockingQueue<Received> received = new ArrayBlockingQueue<>(1);
        UdpSocket receiver = net.openUdp(IPV4_LOOPBACK_ANY_PORT, recorder(received, exec), exec);
        assertTrue(socket.send(new byte[] {42}, receiver.localAddress()));
        assertArrayEquals(new byte[] {42}, received.poll(5, TimeUnit.SECONDS).data());
    }

    @Test
    void aHandlerThatThrowsDoesNotStopLaterDatagrams() throws Exception {
        SerialExecutor exec = net.newSerialExecutor("udp-throws");
        BlockingQueue<Received> received = new ArrayBlockingQueue<>(10);
        DatagramHandler record = recorder(received, exec);
        UdpSocket receiver = net.openUdp(IPV4_LOOPBACK_ANY_PORT, (data, from) -> {
            if (data[0] == 0) {
                throw new IllegalStateException("deliberate failure in a test handler");
            }
            record.onDatagram(data, from);
        }, exec);
        UdpSocket sender = net.openUdp(IPV4_LOOPBACK_ANY_PORT, (data, from) -> {}, exec);
        assertTrue(sender.send(new byte[] {0}, receiver.localAddress()));
        assertTrue(sender.send(new byte[] {1}, receiver.localAddress()));
        assertArrayEquals(new byte[] {1}, received.poll(5, TimeUnit.SECONDS).data());
        assertEquals(1, ((ThreadSerialExecutor) exec).taskFailures());
    }

    @Test
    void bindingAPortInUseFails() throws Exception {
        SerialExecutor exec = net.newSerialExecutor("udp-in-use");
        UdpSocket first = net.openUdp(IPV4_LOOPBACK_ANY_PORT, (data, from) -> {}, exec);
        assertThrows(IOException.class, () -> net.openUdp(first.localAddress(), (data, from) -> {}, exec));
    }

    @Test
    void closingTheNetClosesItsSockets() throws Exception {
        SerialExecutor exec = net.newSerialExecutor("udp-net-close");
        UdpSocket socket = net.openUdp(IPV4_LOOPBACK_ANY_PORT, (data, from) -> {}, exec);
        net.close();
        assertFalse(socket.send(new byte[] {1}, socket.localAddress()));
        assertThrows(IOException.class, () -> net.openUdp(IPV4_LOOPBACK_ANY_PORT, (data, from) -> {}, exec));
    }

    private static DatagramHandler recorder(BlockingQueue<Received> into, SerialExecutor executor) {
        return (data, from) -> into.add(
                new Received(data, from, executor.inExecutor(), Thread.currentThread().getName()));
    }

    private static <T> T onExecutor(SerialExecutor executor, java.util.function.Supplier<T> read)
            throws InterruptedException {
        BlockingQueue<T> result = new ArrayBlockingQueue<>(1);
        executor.execute(() -> result.add(read.get()));
        T value = result.poll(5, TimeUnit.SECONDS);
        assertTrue(value != null, "executor answered");
        return value;
    }

    static boolean ipv6LoopbackWorks() {
        try (DatagramChannel probe = DatagramChannel.open(java.net.StandardProtocolFamily.INET6)) {
            probe.bind(IPV6_LOOPBACK_ANY_PORT);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
