package dev.parley.rtc.dtls;

import dev.parley.rtc.RTCDtlsTransportState;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.sdp.Fingerprint;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The fingerprint check is WebRTC's whole authentication: a mismatch must end both sides, keyless. */
class DtlsFingerprintMismatchTest {
    private static final DtlsCertificate STRANGER = DtlsCertificate.generate(DtlsPair.RANDOM);

    /** {@code checker} expects a stranger's fingerprint instead of its peer's. */
    @ParameterizedTest
    @EnumSource(DtlsRole.class)
    void mismatchFailsBothSidesWithoutKeysOrData(DtlsRole checkerRole) throws Exception {
        try (DtlsPair p = DtlsPair.perfect()) {
            p.a.start(checkerRole, List.of(STRANGER.fingerprint()));
            p.b.start(DtlsPair.other(checkerRole), List.of(DtlsPair.CERT_A.fingerprint()));

            assertEquals(RTCDtlsTransportState.FAILED, p.aEvents.ended.get(10, TimeUnit.SECONDS));
            String reason = p.a.failureReason().orElseThrow();
            assertTrue(reason.contains("does not match"), reason);
            assertTrue(reason.contains(DtlsPair.CERT_B.fingerprint().toValue()), "names the certificate seen: " + reason);
            assertTrue(reason.contains(STRANGER.fingerprint().toValue()), "names the one expected: " + reason);

            // The peer learns of it through the bad_certificate alert.
            assertEquals(RTCDtlsTransportState.FAILED, p.bEvents.ended.get(10, TimeUnit.SECONDS));
            String peerReason = p.b.failureReason().orElseThrow();
            assertTrue(peerReason.contains("bad_certificate"), peerReason);

            for (DtlsTransport t : List.of(p.a, p.b)) {
                assertTrue(t.srtpKeyingMaterial().isEmpty(), "no keys after a failed handshake");
                assertTrue(t.remoteCertificate().isEmpty());
                assertFalse(t.send(new byte[] {1, 2, 3}));
            }
            assertFalse(p.aEvents.states.contains(RTCDtlsTransportState.CONNECTED));
            assertFalse(p.bEvents.states.contains(RTCDtlsTransportState.CONNECTED));
            assertTrue(p.aEvents.data.isEmpty() && p.bEvents.data.isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(DtlsRole.class)
    void unsupportedHashFunctionMatchesNothing(DtlsRole checkerRole) throws Exception {
        Fingerprint md5 = new Fingerprint("md5", new byte[16]);
        try (DtlsPair p = DtlsPair.perfect()) {
            p.a.start(checkerRole, List.of(md5));
            p.b.start(DtlsPair.other(checkerRole), List.of(DtlsPair.CERT_A.fingerprint()));
            assertEquals(RTCDtlsTransportState.FAILED, p.aEvents.ended.get(10, TimeUnit.SECONDS));
            assertEquals(RTCDtlsTransportState.FAILED, p.bEvents.ended.get(10, TimeUnit.SECONDS));
            assertTrue(p.a.srtpKeyingMaterial().isEmpty() && p.b.srtpKeyingMaterial().isEmpty());
        }
    }
}
