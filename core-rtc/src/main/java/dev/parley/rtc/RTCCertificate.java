package dev.parley.rtc;

import dev.parley.rtc.dtls.DtlsCertificate;
import dev.parley.rtc.sdp.Fingerprint;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The W3C {@code RTCCertificate}: the DTLS identity of a peer connection. Made by
 * {@link RTCPeerConnection#generateCertificate}; passing the same certificate in several
 * {@link RTCConfiguration}s keeps the fingerprint stable across calls (certificate reuse).
 * The private key never leaves this object's DTLS use and never appears in {@link #toString()}.
 */
public final class RTCCertificate {
    private final DtlsCertificate certificate;

    RTCCertificate(DtlsCertificate certificate) {
        this.certificate = Objects.requireNonNull(certificate, "certificate");
    }

    /** When the certificate stops being valid. */
    public Instant expires() {
        return certificate.expires();
    }

    /** The W3C {@code getFingerprints()}: the SHA-256 fingerprint, as SDP writes it. */
    public List<Fingerprint> getFingerprints() {
        return List.of(certificate.fingerprint());
    }

    /** {@code ECDSA} (P-256) or {@code RSA} (2048). */
    public DtlsCertificate.KeyType keyType() {
        return certificate.keyType();
    }

    DtlsCertificate dtlsCertificate() {
        return certificate;
    }

    @Override
    public String toString() {
        return "RTCCertificate[" + certificate.keyType() + ", " + certificate.fingerprint() + ", expires " + expires() + "]";
    }
}
