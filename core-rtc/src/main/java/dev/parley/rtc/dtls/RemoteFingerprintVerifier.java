package dev.parley.rtc.dtls;

import dev.parley.rtc.sdp.Fingerprint;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.TlsFatalAlert;

/**
 * Checks the peer's certificate against the fingerprints its SDP signalled. This check is the
 * whole of WebRTC's authentication (RFC 8827 §6.5, RFC 8122 §5): the certificate is self-signed
 * and no chain is validated, so a mismatch must end the handshake with {@code bad_certificate}
 * before any key is derived for use.
 *
 * <p>The leaf certificate is accepted if it matches any of the signalled fingerprints whose hash
 * function we support; with none supported, nothing can match and the handshake fails.
 */
final class RemoteFingerprintVerifier {
    private final List<Fingerprint> expected;
    private volatile String failure;
    private volatile byte[] accepted;

    RemoteFingerprintVerifier(List<Fingerprint> expected) {
        this.expected = List.copyOf(expected);
        if (this.expected.isEmpty()) {
            throw new IllegalArgumentException("at least one remote fingerprint is needed");
        }
    }

    /** Called by BouncyCastle with the peer's Certificate message; throws to abort the handshake. */
    void verify(Certificate chain) throws IOException {
        if (chain == null || chain.isEmpty()) {
            // RFC 5246 §7.4.6: a server that requires a client certificate answers none with handshake_failure.
            throw fail(AlertDescription.handshake_failure, "the peer sent no certificate");
        }
        byte[] leaf = chain.getCertificateAt(0).getEncoded();
        for (Fingerprint f : expected) {
            if (CertificateFingerprints.matches(f, leaf)) {
                accepted = leaf;
                return;
            }
        }
        String signalled = expected.stream().map(Fingerprint::toValue).collect(Collectors.joining(", "));
        String actual = CertificateFingerprints.of(CertificateFingerprints.SHA_256, leaf).toValue();
        throw fail(AlertDescription.bad_certificate,
                "remote certificate " + actual + " does not match the signalled fingerprint " + signalled);
    }

    private TlsFatalAlert fail(short alert, String reason) {
        failure = reason;
        return new TlsFatalAlert(alert, reason);
    }

    /** The DER leaf certificate that passed, or null. */
    byte[] acceptedCertificate() {
        return accepted;
    }

    /** Why {@link #verify} rejected the certificate, or null. */
    String failure() {
        return failure;
    }
}
