package dev.parley.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.dtls.CertificateFingerprints;
import dev.parley.rtc.sdp.Fingerprint;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RTCPeerConnection#dtlsTransport()}: its state follows the handshake, and once connected
 * each side holds the certificate the other one made — what a security code shown on both
 * screens is computed from.
 */
class PeerConnectionDtlsTransportTest {
    private static final long S = Loopback.SECONDS;
    private final Loopback loopback = new Loopback();

    @AfterEach
    void close() throws Exception {
        loopback.close();
    }

    private static Fingerprint localFingerprint(RTCPeerConnection pc) {
        return pc.getConfiguration().certificates().get(0).getFingerprints().get(0);
    }

    private static Fingerprint remoteFingerprint(RTCPeerConnection pc) {
        List<byte[]> chain = pc.dtlsTransport().getRemoteCertificates();
        assertEquals(1, chain.size(), "one self-signed certificate");
        return CertificateFingerprints.of(CertificateFingerprints.SHA_256, chain.get(0));
    }

    @Test
    void connected_eachSideHoldsTheOthersCertificate_emptyBefore() throws Exception {
        RTCPeerConnection a = loopback.pc();
        RTCPeerConnection b = loopback.pc();
        PcEvents ea = PcEvents.on(a);
        PcEvents eb = PcEvents.on(b);
        a.createDataChannel("chat");
        for (RTCPeerConnection pc : List.of(a, b)) {
            assertEquals(RTCDtlsTransportState.NEW, pc.dtlsTransport().state());
            assertTrue(pc.dtlsTransport().getRemoteCertificates().isEmpty(), "no certificate before connecting");
        }
        RTCDtlsTransport before = a.dtlsTransport();

        Loopback.negotiate(a, b);
        ea.awaitConnection(RTCPeerConnectionState.CONNECTED, S);
        eb.awaitConnection(RTCPeerConnectionState.CONNECTED, S);

        assertSame(before, a.dtlsTransport(), "one transport object for the connection's life");
        assertSame(a.dtlsTransport(), a.sctp().orElseThrow().transport(), "W3C sctp.transport: the bundled one");
        for (RTCPeerConnection pc : List.of(a, b)) {
            assertEquals(RTCDtlsTransportState.CONNECTED, pc.dtlsTransport().state());
        }
        assertEquals(localFingerprint(b), remoteFingerprint(a));
        assertEquals(localFingerprint(a), remoteFingerprint(b));
        assertNotEquals(localFingerprint(a), localFingerprint(b));

        // The caller gets copies: scribbling on one changes nothing for the next.
        byte[] der = a.dtlsTransport().getRemoteCertificates().get(0);
        der[0] ^= 1;
        assertEquals(localFingerprint(b), remoteFingerprint(a));

        a.close();
        assertEquals(RTCDtlsTransportState.CLOSED, a.dtlsTransport().state());
        assertEquals(localFingerprint(b), remoteFingerprint(a), "after close: still the certificate the call had");
    }

    @Test
    void aForgedFingerprint_failsTheTransport_andReleasesNoCertificate() throws Exception {
        RTCPeerConnection a = loopback.pc();
        RTCPeerConnection b = loopback.pc();
        PcEvents ea = PcEvents.on(a);
        a.addTransceiver("audio", RTCRtpTransceiverInit.SENDRECV);
        Loopback.negotiate(a, b, PeerConnectionDtlsTransportTest::forgeFingerprint);
        ea.awaitConnection(RTCPeerConnectionState.FAILED, S);
        assertEquals(RTCDtlsTransportState.FAILED, a.dtlsTransport().state());
        assertTrue(a.dtlsTransport().getRemoteCertificates().isEmpty(), "a certificate that failed the check is not shown");
    }

    /** Changes one hex digit of the SDP's fingerprint: the peer presents a certificate that does not match. */
    private static String forgeFingerprint(String sdp) {
        int at = sdp.indexOf("a=fingerprint:sha-256 ") + "a=fingerprint:sha-256 ".length();
        char c = sdp.charAt(at);
        return sdp.substring(0, at) + (c == 'A' ? 'B' : 'A') + sdp.substring(at + 1);
    }
}
