package dev.parley.rtc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.dtls.DtlsCertificate;
import dev.parley.rtc.dtls.DtlsRole;
import dev.parley.rtc.ice.IceCandidate;
import dev.parley.rtc.ice.IceCredentials;
import dev.parley.rtc.net.RealNet;
import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.rtp.ReceiverReport;
import dev.parley.rtc.rtp.RtcpCompound;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.sdp.Fingerprint;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two bundled transports on real UDP sockets on 127.0.0.1: ICE connects, DTLS authenticates both
 * certificates against the signalled fingerprints, and SRTP carries RTP and RTCP both ways — or,
 * with a forged fingerprint, the handshake fails and no media is delivered.
 */
class BundleTransportTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final RealNet net = new RealNet();
    private Side offerer;
    private Side answerer;

    @AfterEach
    void close() {
        if (offerer != null) {
            offerer.close();
        }
        if (answerer != null) {
            answerer.close();
        }
        net.close();
    }

    @Test
    void connectsAndCarriesSrtpBothWays() throws Exception {
        offerer = new Side("offerer", true);
        answerer = new Side("answerer", false);
        connect(answerer.certificate.fingerprint(), offerer.certificate.fingerprint());

        assertEquals(RTCDtlsTransportState.CONNECTED, offerer.dtlsConnected.get(10, TimeUnit.SECONDS));
        assertEquals(RTCDtlsTransportState.CONNECTED, answerer.dtlsConnected.get(10, TimeUnit.SECONDS));

        byte[] rtp = RtpPacket.builder().payloadType(0).sequenceNumber(7).timestamp(160).ssrc(0x1234)
                .payload(new byte[160]).build().toBytes();
        byte[] rtcp = RtcpCompound.of(new ReceiverReport(0x1234, List.of())).toBytes();
        assertTrue(offerer.sendOnExecutor(() -> offerer.transport.sendRtp(rtp)));
        assertTrue(answerer.sendOnExecutor(() -> answerer.transport.sendRtcp(rtcp)));
        assertArrayEquals(rtp, answerer.rtp.poll(5, TimeUnit.SECONDS), "answerer receives the offerer's RTP");
        assertArrayEquals(rtcp, offerer.rtcp.poll(5, TimeUnit.SECONDS), "offerer receives the answerer's RTCP");
        assertTrue(answerer.sendOnExecutor(() -> answerer.transport.sendRtp(rtp)));
        assertArrayEquals(rtp, offerer.rtp.poll(5, TimeUnit.SECONDS), "offerer receives the answerer's RTP");
        assertEquals("SRTP_AEAD_AES_128_GCM", offerer.transport.srtpSession().profile().name());
    }

    @Test
    void forgedFingerprintFailsBeforeAnyMedia() throws Exception {
        offerer = new Side("offerer", true);
        answerer = new Side("answerer", false);
        DtlsCertificate impostor = DtlsCertificate.generate(RANDOM);
        // The answerer is told the offerer's fingerprint is the impostor's.
        connect(answerer.certificate.fingerprint(), impostor.fingerprint());

        assertEquals(RTCDtlsTransportState.FAILED, answerer.dtlsFailed.get(10, TimeUnit.SECONDS));
        assertEquals(RTCDtlsTransportState.FAILED, offerer.dtlsFailed.get(10, TimeUnit.SECONDS));
        byte[] rtp = RtpPacket.builder().payloadType(0).sequenceNumber(1).timestamp(0).ssrc(1)
                .payload(new byte[20]).build().toBytes();
        assertTrue(!offerer.sendOnExecutor(() -> offerer.transport.sendRtp(rtp)), "no keys: nothing is sent");
        assertNull(offerer.transport.srtpSession());
        assertNull(answerer.transport.srtpSession());
        assertTrue(answerer.rtp.isEmpty() && offerer.rtp.isEmpty());
    }

    /**
     * Signals like an offer/answer exchange: the answerer is the DTLS client (setup:active).
     *
     * @param answererSeesOfferer the fingerprint the answerer is told for the offerer
     */
    private void connect(Fingerprint offererSeesAnswerer, Fingerprint answererSeesOfferer) {
        offerer.remote = answerer;
        answerer.remote = offerer;
        offerer.onExecutor(() -> {
            offerer.transport.gather();
            offerer.transport.setRemote(answerer.credentials, List.of(offererSeesAnswerer), DtlsRole.SERVER);
        });
        answerer.onExecutor(() -> {
            answerer.transport.gather();
            answerer.transport.setRemote(offerer.credentials, List.of(answererSeesOfferer), DtlsRole.CLIENT);
        });
    }

    private final class Side implements BundleTransport.Listener {
        final DtlsCertificate certificate = DtlsCertificate.generate(RANDOM);
        final IceCredentials credentials = IceCredentials.random(RANDOM);
        final SerialExecutor executor;
        final BundleTransport transport;
        final BlockingQueue<byte[]> rtp = new LinkedBlockingQueue<>();
        final BlockingQueue<byte[]> rtcp = new LinkedBlockingQueue<>();
        final CompletableFuture<RTCDtlsTransportState> dtlsConnected = new CompletableFuture<>();
        final CompletableFuture<RTCDtlsTransportState> dtlsFailed = new CompletableFuture<>();
        volatile Side remote;

        Side(String name, boolean controlling) {
            executor = net.newSerialExecutor(name);
            EngineSettings settings = EngineSettings.builder().net(net)
                    .ice(EngineSettings.defaults().ice().loopbackOnly()).build();
            transport = new BundleTransport(net, executor, settings, RTCConfiguration.defaults(), certificate,
                    credentials, controlling, this);
        }

        void onExecutor(Runnable task) {
            executor.execute(task);
        }

        boolean sendOnExecutor(java.util.function.BooleanSupplier send) throws Exception {
            CompletableFuture<Boolean> sent = new CompletableFuture<>();
            executor.execute(() -> sent.complete(send.getAsBoolean()));
            return sent.get(5, TimeUnit.SECONDS);
        }

        @Override
        public void onLocalCandidate(IceCandidate candidate) {
            Side peer = remote;
            peer.executor.execute(() -> peer.transport.addRemoteCandidate(candidate));
        }

        @Override
        public void onDtlsStateChange(RTCDtlsTransportState state) {
            if (state == RTCDtlsTransportState.CONNECTED) {
                dtlsConnected.complete(state);
            } else if (state == RTCDtlsTransportState.FAILED) {
                dtlsFailed.complete(state);
            }
        }

        @Override
        public void onRtp(byte[] packet) {
            rtp.add(packet);
        }

        @Override
        public void onRtcp(byte[] packet) {
            rtcp.add(packet);
        }

        void close() {
            executor.execute(transport::close);
            CompletableFuture<Void> drained = new CompletableFuture<>();
            executor.execute(() -> drained.complete(null));
            drained.orTimeout(5, TimeUnit.SECONDS).join();
            executor.close();
        }
    }
}
