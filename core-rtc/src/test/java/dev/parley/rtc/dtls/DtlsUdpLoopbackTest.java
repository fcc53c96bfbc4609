package dev.parley.rtc.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two transports over real UDP sockets on 127.0.0.1, and handshake timings for the report:
 * printed, never asserted (DESIGN.md: benchmarks print numbers).
 */
class DtlsUdpLoopbackTest {

    /** One UDP socket feeding a transport, with a reader thread; sends go to a fixed peer. */
    private static final class UdpEnd implements AutoCloseable {
        final DatagramSocket socket;
        volatile InetSocketAddress peer;
        volatile DtlsTransport transport;
        final Thread reader;

        UdpEnd() throws SocketException {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            reader = new Thread(this::read, "udp-reader");
            reader.setDaemon(true);
        }

        boolean send(byte[] d) {
            try {
                socket.send(new DatagramPacket(d, d.length, peer));
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        private void read() {
            byte[] buf = new byte[65536];
            while (!socket.isClosed()) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(p);
                } catch (IOException e) {
                    return;
                }
                transport.onPacket(Arrays.copyOf(p.getData(), p.getLength()));
            }
        }

        @Override
        public void close() {
            if (transport != null) {
                transport.close();
            }
            socket.close();
        }
    }

    /** Milliseconds from start() to both connected. */
    private static double handshake(DtlsRole aRole, boolean exchangeData) throws Exception {
        try (UdpEnd a = new UdpEnd(); UdpEnd b = new UdpEnd()) {
            a.peer = (InetSocketAddress) b.socket.getLocalSocketAddress();
            b.peer = (InetSocketAddress) a.socket.getLocalSocketAddress();
            RecordingListener ae = new RecordingListener();
            RecordingListener be = new RecordingListener();
            a.transport = new DtlsTransport(DtlsPair.CERT_A, a::send, DtlsSettings.defaults(), Runnable::run, ae, DtlsPair.RANDOM);
            b.transport = new DtlsTransport(DtlsPair.CERT_B, b::send, DtlsSettings.defaults(), Runnable::run, be, DtlsPair.RANDOM);
            a.reader.start();
            b.reader.start();
            long t0 = System.nanoTime();
            a.transport.start(aRole, List.of(DtlsPair.CERT_B.fingerprint()));
            b.transport.start(DtlsPair.other(aRole), List.of(DtlsPair.CERT_A.fingerprint()));
            ae.connected.get(10, TimeUnit.SECONDS);
            be.connected.get(10, TimeUnit.SECONDS);
            double ms = (System.nanoTime() - t0) / 1e6;
            assertEquals(a.transport.srtpKeyingMaterial(), b.transport.srtpKeyingMaterial());
            if (exchangeData) {
                a.transport.send(new byte[] {7, 7});
                b.transport.send(new byte[] {8});
                assertArrayEquals(new byte[] {7, 7}, be.data.poll(5, TimeUnit.SECONDS));
                assertArrayEquals(new byte[] {8}, ae.data.poll(5, TimeUnit.SECONDS));
            }
            return ms;
        }
    }

    @Test
    void handshakeOverUdpAndTimings() throws Exception {
        // The first handshake of this class: cold only if this class runs first in its JVM.
        double cold = handshake(DtlsRole.CLIENT, true);
        handshake(DtlsRole.SERVER, true);
        for (int i = 0; i < 20; i++) {
            handshake(i % 2 == 0 ? DtlsRole.CLIENT : DtlsRole.SERVER, false); // warm-up
        }
        double[] warm = new double[30];
        for (int i = 0; i < warm.length; i++) {
            warm[i] = handshake(i % 2 == 0 ? DtlsRole.CLIENT : DtlsRole.SERVER, false);
        }
        Arrays.sort(warm);
        System.out.printf("DTLS handshake over UDP 127.0.0.1 (ECDSA P-256, start -> both connected): "
                + "first %.1f ms; warm median %.1f ms, min %.1f, max %.1f (n=%d)%n",
                cold, warm[warm.length / 2], warm[0], warm[warm.length - 1], warm.length);
    }
}
