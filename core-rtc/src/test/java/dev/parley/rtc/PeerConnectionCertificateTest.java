package dev.parley.rtc;

import static dev.parley.rtc.PeerConnectionSignalingTest.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.dtls.DtlsCertificate;
import dev.parley.rtc.sdp.Fingerprint;
import dev.parley.rtc.sdp.SessionDescription;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code RTCPeerConnection.generateCertificate}, certificates in {@link RTCConfiguration} (reuse,
 * expiry, no change by {@code setConfiguration}), and the ICE transport policy.
 */
class PeerConnectionCertificateTest {
    private static final long S = Loopback.SECONDS;
    private final Loopback loopback = new Loopback();

    @AfterEach
    void close() throws Exception {
        loopback.close();
    }

    private static Fingerprint offeredFingerprint(RTCPeerConnection pc) throws Exception {
        pc.addTransceiver("audio", RTCRtpTransceiverInit.SENDRECV);
        SessionDescription offer = SessionDescription.parse(get(pc.createOffer()).sdp());
        return offer.media().get(0).fingerprints().isEmpty() ? offer.fingerprints().get(0)
                : offer.media().get(0).fingerprints().get(0);
    }

    @Test
    void generateCertificate_ecdsaByDefault_rsaOnRequest_validForAWhile() throws Exception {
        RTCCertificate ecdsa = get(RTCPeerConnection.generateCertificate());
        RTCCertificate rsa = get(RTCPeerConnection.generateCertificate(DtlsCertificate.KeyType.RSA_2048));
        assertEquals(DtlsCertificate.KeyType.ECDSA_P256, ecdsa.keyType());
        assertEquals(DtlsCertificate.KeyType.RSA_2048, rsa.keyType());
        for (RTCCertificate c : new RTCCertificate[] {ecdsa, rsa}) {
            assertTrue(c.expires().isAfter(Instant.now().plus(Duration.ofDays(1))), "expires " + c.expires());
            assertEquals("sha-256", c.getFingerprints().get(0).hashFunction());
        }
        assertNotEquals(ecdsa.getFingerprints(), rsa.getFingerprints());
    }

    @Test
    void aCertificateReused_givesTheSameFingerprint_andConnects_rsaToo() throws Exception {
        RTCCertificate rsa = get(RTCPeerConnection.generateCertificate(DtlsCertificate.KeyType.RSA_2048));
        RTCConfiguration configuration = RTCConfiguration.builder().certificate(rsa).build();
        RTCPeerConnection first = loopback.pc(configuration);
        RTCPeerConnection second = loopback.pc(configuration);
        assertEquals(rsa.getFingerprints().get(0), offeredFingerprint(first));
        assertEquals(rsa.getFingerprints().get(0), offeredFingerprint(second));
        assertNotEquals(rsa.getFingerprints().get(0), offeredFingerprint(loopback.pc()), "without one: a new certificate");

        // An RSA identity really works for DTLS: the call connects, and stats name both certificates.
        RTCPeerConnection peer = loopback.pc();
        PcEvents events = PcEvents.on(first);
        Loopback.negotiate(first, peer);
        events.awaitConnection(RTCPeerConnectionState.CONNECTED, S);
        RTCStatsReport stats = get(first.getStats());
        RTCStats transport = stats.ofType("transport").get(0);
        RTCStats local = stats.get(transport.getString("localCertificateId").orElseThrow()).orElseThrow();
        assertEquals(rsa.getFingerprints().get(0).toValue(), "sha-256 " + local.getString("fingerprint").orElseThrow());
    }

    @Test
    void anExpiredCertificate_isRefused() {
        RTCCertificate expired = new RTCCertificate(DtlsCertificate.generate(DtlsCertificate.KeyType.ECDSA_P256,
                new SecureRandom(), Instant.now().minus(Duration.ofDays(10)), Duration.ofDays(2)));
        assertTrue(expired.expires().isBefore(Instant.now()));
        RTCException e = assertThrows(RTCException.class,
                () -> loopback.pc(RTCConfiguration.builder().certificate(expired).build()));
        assertEquals("InvalidAccessError", e.name());
    }

    @Test
    void getConfiguration_showsTheGeneratedCertificate_andTakesItBack() throws Exception {
        RTCPeerConnection pc = loopback.pc(RTCConfiguration.defaults());
        java.util.List<RTCCertificate> shown = pc.getConfiguration().certificates();
        assertEquals(1, shown.size(), "the certificate the connection made for itself");
        pc.setConfiguration(pc.getConfiguration()); // W3C: handing the configuration back is no change
        assertEquals(shown, pc.getConfiguration().certificates());
        get(pc.setLocalDescription());
        assertEquals(shown.get(0).getFingerprints().get(0), offeredFingerprint(pc));
    }

    @Test
    void setConfiguration_cannotChangeCertificatesOrBundlePolicy_butChangesIceServers() throws Exception {
        RTCCertificate mine = get(RTCPeerConnection.generateCertificate());
        RTCCertificate other = get(RTCPeerConnection.generateCertificate());
        RTCPeerConnection pc = loopback.pc(RTCConfiguration.builder().certificate(mine).build());
        RTCException certificates = assertThrows(RTCException.class,
                () -> pc.setConfiguration(RTCConfiguration.builder().certificate(other).build()));
        assertEquals("InvalidModificationError", certificates.name());
        RTCException bundle = assertThrows(RTCException.class, () -> pc.setConfiguration(
                RTCConfiguration.builder().bundlePolicy(RTCBundlePolicy.BALANCED).build()));
        assertEquals("InvalidModificationError", bundle.name());

        RTCIceServer stun = new RTCIceServer(java.util.List.of("stun:127.0.0.1:3478"), null, null);
        pc.setConfiguration(RTCConfiguration.builder().iceServer(stun).build());
        assertEquals(java.util.List.of(stun), pc.getConfiguration().iceServers());
        assertEquals(java.util.List.of(mine), pc.getConfiguration().certificates(), "the certificates stay");
        assertEquals(mine.getFingerprints().get(0), offeredFingerprint(pc));
    }

    @Test
    void relayPolicyWithoutTurnServers_gathersNoCandidates() throws Exception {
        RTCPeerConnection pc = loopback.pc(RTCConfiguration.builder().iceTransportPolicy(RTCIceTransportPolicy.RELAY).build());
        PcEvents events = PcEvents.on(pc);
        pc.addTransceiver("audio", RTCRtpTransceiverInit.SENDRECV);
        get(pc.setLocalDescription());
        events.awaitGatheringComplete(S);
        Loopback.await(() -> events.endOfCandidates == 1, "the end-of-candidates event arrives");
        assertTrue(events.candidates.isEmpty(), "no candidates: " + events.candidates);
        assertFalse(pc.localDescription().sdp().contains("a=candidate"), pc.localDescription().sdp());
    }
}
