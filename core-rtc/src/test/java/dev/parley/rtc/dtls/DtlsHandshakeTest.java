package dev.parley.rtc.dtls;

import dev.parley.rtc.RTCDtlsTransportState;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.rtc.srtp.SrtpSession;

import dev.parley.rtc.srtp.SrtpProfile;

import dev.parley.rtc.srtp.SrtpException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.tls.CipherSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DtlsHandshakeTest {

    @ParameterizedTest
    @EnumSource(DtlsRole.class)
    void bothRolesAgreeOnSrtpKeysAndCarryDataBothWays(DtlsRole aRole) throws Exception {
        try (DtlsPair p = DtlsPair.perfect()) {
            p.start(aRole);
            p.awaitConnected();

            SrtpKeyingMaterial aKeys = p.a.srtpKeyingMaterial().orElseThrow();
            SrtpKeyingMaterial bKeys = p.b.srtpKeyingMaterial().orElseThrow();
            assertEquals(aKeys, bKeys);
            assertEquals(SrtpProfile.SRTP_AEAD_AES_128_GCM, aKeys.profile(), "server picks our first preference");
            assertEquals(0x0007, aKeys.profile().id());
            // DTLS-SRTP end to end: each side's SRTP session, keyed by its role, reads the other's packets.
            DtlsRole bRole = aRole == DtlsRole.CLIENT ? DtlsRole.SERVER : DtlsRole.CLIENT;
            SrtpSession aSrtp = aKeys.keysFor(aRole).newSession();
            SrtpSession bSrtp = bKeys.keysFor(bRole).newSession();
            byte[] fromA = rtp(0x0A0A0A0A, "media from a");
            byte[] fromB = rtp(0x0B0B0B0B, "media from b");
            assertArrayEquals(fromA, bSrtp.unprotectRtp(aSrtp.protectRtp(fromA)));
            assertArrayEquals(fromB, aSrtp.unprotectRtp(bSrtp.protectRtp(fromB)));
            assertThrows(SrtpException.class, () -> aSrtp.unprotectRtp(aSrtp.protectRtp(rtp(0x0C0C0C0C, "x"))),
                    "each direction has its own key: a's own packet does not pass a's receiver");
            assertEquals(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, p.a.cipherSuite());
            assertEquals(p.a.cipherSuite(), p.b.cipherSuite());
            assertEquals(aRole, p.a.role().orElseThrow());
            assertArrayEquals(DtlsPair.CERT_B.encoded(), p.a.remoteCertificate().orElseThrow());
            assertArrayEquals(DtlsPair.CERT_A.encoded(), p.b.remoteCertificate().orElseThrow());
            assertEquals(List.of(RTCDtlsTransportState.CONNECTING, RTCDtlsTransportState.CONNECTED), p.aEvents.states);

            assertTrue(p.a.send(bytes("hello from a")));
            assertTrue(p.b.send(bytes("hello from b")));
            assertArrayEquals(bytes("hello from a"), p.bEvents.data.poll(5, TimeUnit.SECONDS));
            assertArrayEquals(bytes("hello from b"), p.aEvents.data.poll(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void manyRecordsArriveInOrderAndWhole() throws Exception {
        try (DtlsPair p = DtlsPair.perfect()) {
            p.start(DtlsRole.CLIENT);
            p.awaitConnected();
            int max = p.a.maxApplicationDataSize();
            assertTrue(max >= 1100 && max < 1200, "records fit the 1200-byte MTU: " + max);
            for (int i = 0; i < 200; i++) {
                byte[] msg = new byte[1 + (i * 37) % max];
                msg[0] = (byte) i;
                assertTrue(p.a.send(msg));
            }
            for (int i = 0; i < 200; i++) {
                byte[] got = p.bEvents.data.poll(5, TimeUnit.SECONDS);
                assertNotNull(got, "record " + i);
                assertEquals(1 + (i * 37) % max, got.length);
                assertEquals((byte) i, got[0]);
            }
        }
    }

    /** Senders on many threads while the DTLS thread receives: BouncyCastle's record layer is guarded. */
    @Test
    void concurrentSendersBothWays() throws Exception {
        try (DtlsPair p = DtlsPair.perfect()) {
            p.start(DtlsRole.CLIENT);
            p.awaitConnected();
            int threads = 4;
            int each = 250;
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2 * threads);
            try {
                List<java.util.concurrent.Future<?>> sends = new java.util.ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int id = t;
                    sends.add(pool.submit(() -> sendMany(p.a, id, each)));
                    sends.add(pool.submit(() -> sendMany(p.b, id, each)));
                }
                for (java.util.concurrent.Future<?> f : sends) {
                    f.get(10, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertAccountedFor(p.bEvents, p.b, threads, each);
            assertAccountedFor(p.aEvents, p.a, threads, each);
        }
    }

    private static void sendMany(DtlsTransport t, int thread, int count) {
        for (int i = 0; i < count; i++) {
            assertTrue(t.send(new byte[] {(byte) thread, (byte) (i >> 8), (byte) i}));
        }
    }

    /**
     * Every record is either delivered once or counted as dropped by the full receive queue (DTLS
     * is unreliable; SCTP recovers), and each thread's records arrive in its order: sequence
     * numbers are allocated and sent under one lock, so none is mangled or replay-rejected.
     */
    private static void assertAccountedFor(RecordingListener events, DtlsTransport receiver, int threads, int each)
            throws InterruptedException {
        int[] last = new int[threads];
        java.util.Arrays.fill(last, -1);
        int delivered = 0;
        while (delivered + receiver.discardedPackets() < threads * each) {
            byte[] d = events.data.poll(5, TimeUnit.SECONDS);
            assertNotNull(d, "delivered " + delivered + ", dropped " + receiver.discardedPackets());
            int thread = d[0];
            int seq = ((d[1] & 0xFF) << 8) | (d[2] & 0xFF);
            assertTrue(seq > last[thread], "thread " + thread + ": " + seq + " after " + last[thread]);
            last[thread] = seq;
            delivered++;
        }
        assertEquals(threads * each, delivered + receiver.discardedPackets());
        assertTrue(delivered >= Math.min(threads * each, DtlsSettings.defaults().receiveQueueCapacity()),
                "delivered " + delivered);
    }

    @Test
    void rsaClientCertificateWithEcdsaServer() throws Exception {
        DtlsCertificate rsa = DtlsCertificate.generate(DtlsCertificate.KeyType.RSA_2048, DtlsPair.RANDOM,
                java.time.Instant.now(), Duration.ofDays(1));
        try (DtlsPair p = new DtlsPair(MemoryLink.perfect(), MemoryLink.perfect(), DtlsSettings.defaults(),
                rsa, DtlsPair.CERT_B)) {
            p.start(DtlsRole.CLIENT);
            p.awaitConnected();
            assertEquals(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, p.a.cipherSuite());
            assertEquals(p.a.srtpKeyingMaterial(), p.b.srtpKeyingMaterial());
        }
    }

    @Test
    void rsaServerNegotiatesEcdheRsa() throws Exception {
        DtlsCertificate rsa = DtlsCertificate.generate(DtlsCertificate.KeyType.RSA_2048, DtlsPair.RANDOM,
                java.time.Instant.now(), Duration.ofDays(1));
        try (DtlsPair p = new DtlsPair(MemoryLink.perfect(), MemoryLink.perfect(), DtlsSettings.defaults(),
                DtlsPair.CERT_A, rsa)) {
            p.start(DtlsRole.CLIENT);
            p.awaitConnected();
            assertEquals(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, p.b.cipherSuite());
        }
    }

    @Test
    void fingerprintsWithOtherHashFunctionsAreAccepted() throws Exception {
        try (DtlsPair p = DtlsPair.perfect()) {
            p.a.start(DtlsRole.CLIENT, List.of(DtlsPair.CERT_B.fingerprint("sha-384")));
            p.b.start(DtlsRole.SERVER, List.of(DtlsPair.CERT_A.fingerprint("sha-1"), DtlsPair.CERT_A.fingerprint("sha-512")));
            p.awaitConnected();
        }
    }

    @Test
    void packetsArrivingBeforeStartAreKept() throws Exception {
        try (DtlsPair p = DtlsPair.perfect()) {
            // The client's ClientHello reaches b before b knows its role, as Chromium's does.
            p.a.start(DtlsRole.CLIENT, List.of(DtlsPair.CERT_B.fingerprint()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (p.aToB.delivered.get() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(p.aToB.delivered.get() > 0, "ClientHello sent");
            assertEquals(RTCDtlsTransportState.NEW, p.b.state());
            // Long initial retransmit: only the buffered first ClientHello can make this fast.
            p.b.start(DtlsRole.SERVER, List.of(DtlsPair.CERT_A.fingerprint()));
            p.awaitConnected();
            assertEquals(0, p.b.discardedPackets());
        }
    }

    @Test
    void closeNotifyClosesThePeer() throws Exception {
        try (DtlsPair p = DtlsPair.perfect()) {
            p.start(DtlsRole.SERVER);
            p.awaitConnected();
            p.a.close();
            assertEquals(RTCDtlsTransportState.CLOSED, p.a.state());
            assertEquals(RTCDtlsTransportState.CLOSED, p.bEvents.ended.get(5, TimeUnit.SECONDS));
            assertEquals(RTCDtlsTransportState.CLOSED, p.b.state());
            assertTrue(p.b.failureReason().isEmpty());
            assertFalse(p.a.send(bytes("late")));
            assertFalse(p.b.send(bytes("late")));
            assertEquals(List.of(RTCDtlsTransportState.CONNECTING, RTCDtlsTransportState.CONNECTED,
                    RTCDtlsTransportState.CLOSED), p.bEvents.states);
        }
    }

    @Test
    void closeDuringHandshakeIsClosedNotFailed() throws Exception {
        MemoryLink blackHole = MemoryLink.blackHole();
        RecordingListener events = new RecordingListener();
        DtlsTransport t = new DtlsTransport(DtlsPair.CERT_A, blackHole, DtlsSettings.defaults(), Runnable::run,
                events, DtlsPair.RANDOM);
        t.start(DtlsRole.CLIENT, List.of(DtlsPair.CERT_B.fingerprint()));
        t.close();
        assertEquals(RTCDtlsTransportState.CLOSED, events.ended.get(5, TimeUnit.SECONDS));
        assertEquals(RTCDtlsTransportState.CLOSED, t.state());
        assertTrue(t.failureReason().isEmpty());
    }

    @Test
    void silentPeerFailsAtTheHandshakeTimeout() throws Exception {
        MemoryLink blackHole = MemoryLink.blackHole();
        RecordingListener events = new RecordingListener();
        DtlsSettings quick = DtlsSettings.defaults().withHandshakeTimeout(Duration.ofMillis(600));
        DtlsTransport t = new DtlsTransport(DtlsPair.CERT_A, blackHole, quick, Runnable::run, events, DtlsPair.RANDOM);
        t.start(DtlsRole.CLIENT, List.of(DtlsPair.CERT_B.fingerprint()));
        assertEquals(RTCDtlsTransportState.FAILED, events.ended.get(10, TimeUnit.SECONDS));
        assertTrue(t.failureReason().orElseThrow().toLowerCase().contains("time"), t.failureReason().get());
        assertTrue(blackHole.dropped.get() >= 2, "the ClientHello was retransmitted: " + blackHole.dropped.get());
        assertTrue(t.srtpKeyingMaterial().isEmpty());
    }

    @Test
    void throwingListenerDoesNotBreakTheTransport() throws Exception {
        RecordingListener events = new RecordingListener();
        DtlsTransportListener throwing = new DtlsTransportListener() {
            @Override
            public void onStateChange(RTCDtlsTransportState state) {
                events.onStateChange(state);
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onApplicationData(byte[] data) {
                events.onApplicationData(data);
                throw new IllegalStateException("listener bug");
            }
        };
        MemoryLink aToB = MemoryLink.perfect();
        MemoryLink bToA = MemoryLink.perfect();
        try (DtlsPair p = new DtlsPair(aToB, bToA, DtlsSettings.defaults())) {
            DtlsTransport c = new DtlsTransport(DtlsPair.CERT_A, aToB, DtlsSettings.defaults(), Runnable::run,
                    throwing, DtlsPair.RANDOM);
            bToA.connectTo(c::onPacket); // c replaces p.a
            c.start(DtlsRole.CLIENT, List.of(DtlsPair.CERT_B.fingerprint()));
            p.b.start(DtlsRole.SERVER, List.of(DtlsPair.CERT_A.fingerprint()));
            events.connected.get(10, TimeUnit.SECONDS);
            p.bEvents.connected.get(10, TimeUnit.SECONDS);
            assertTrue(p.b.send(bytes("one")));
            assertTrue(p.b.send(bytes("two")));
            assertArrayEquals(bytes("one"), events.data.poll(5, TimeUnit.SECONDS));
            assertArrayEquals(bytes("two"), events.data.poll(5, TimeUnit.SECONDS));
            assertEquals(RTCDtlsTransportState.CONNECTED, c.state());
            c.close();
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A minimal RTP packet (RFC 3550 §5.1): V=2, PT 111, sequence 1, timestamp 0, the SSRC, then the payload. */
    private static byte[] rtp(int ssrc, String payload) {
        byte[] body = bytes(payload);
        return java.nio.ByteBuffer.allocate(12 + body.length).put((byte) 0x80).put((byte) 111).putShort((short) 1)
                .putInt(0).putInt(ssrc).put(body).array();
    }
}
