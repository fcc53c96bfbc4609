package dev.parley.rtc.dtls;

import dev.parley.rtc.srtp.SrtpProfile;

import java.util.Optional;

import java.util.List;

import java.io.IOException;
import java.util.Arrays;
import java.util.Vector;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/** What our DTLS client and server share: versions, cipher suites, and how we sign with our certificate. */
final class WebRtcDtlsPolicy {
    /**
     * DTLS 1.2 only. BouncyCastle's default list includes (D)TLS 1.3, which its DTLS classes do not
     * implement: offered to Chromium, the client fails with internal_error and the server sends
     * protocol_version. Chromium offers DTLS 1.3 and falls back to 1.2.
     */
    static final ProtocolVersion[] VERSIONS = ProtocolVersion.DTLSv12.only();

    /** AEAD suites first, as browsers order them; CBC kept for older peers. */
    private static final int[] ECDSA_SUITES = {
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
    };
    private static final int[] RSA_SUITES = {
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
    };

    private WebRtcDtlsPolicy() {}

    /**
     * The server's suites: only those its own certificate can authenticate, so with an ECDSA key,
     * ECDHE_ECDSA only (the suite names the server's key type).
     */
    static int[] serverCipherSuites(JcaTlsCrypto crypto, DtlsCertificate certificate) {
        int[] wanted = certificate.keyType() == DtlsCertificate.KeyType.ECDSA_P256 ? ECDSA_SUITES : RSA_SUITES;
        return TlsUtils.getSupportedCipherSuites(crypto, wanted);
    }

    /**
     * The client's suites: it cannot know the server's key type before the ServerHello, so it
     * offers both, ECDSA first (an {@code RTCCertificate} may be RSA; the client's own key type
     * does not limit the suite).
     */
    static int[] clientCipherSuites(JcaTlsCrypto crypto) {
        int[] both = Arrays.copyOf(ECDSA_SUITES, ECDSA_SUITES.length + RSA_SUITES.length);
        System.arraycopy(RSA_SUITES, 0, both, ECDSA_SUITES.length, RSA_SUITES.length);
        return TlsUtils.getSupportedCipherSuites(crypto, both);
    }

    /** Our certificate and key as a signer, with a signature algorithm from the peer's list. */
    static TlsCredentialedSigner signer(TlsContext context, JcaTlsCrypto crypto, DtlsCertificate certificate,
            Vector<?> peerSignatureAlgorithms) throws IOException {
        SignatureAndHashAlgorithm algorithm = TlsUtils.chooseSignatureAndHashAlgorithm(context,
                peerSignatureAlgorithms, certificate.signatureAlgorithm());
        return new JcaDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto,
                certificate.privateKey(), certificate.chain(crypto), algorithm);
    }

    /**
     * RFC 5764 §4.2: {@code EXTRACTOR-dtls_srtp}, no context, 2 * (key + salt) bytes. BouncyCastle
     * allows the export only from {@code notifyHandshakeComplete}, and only with an extended master
     * secret; null when no profile was negotiated.
     */
    static SrtpKeyingMaterial exportSrtpKeys(TlsContext context, SrtpProfile profile) {
        if (profile == null) {
            return null;
        }
        byte[] material = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, profile.exportedKeyingMaterialLength());
        try {
            return new SrtpKeyingMaterial(profile, material);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /** Our SRTP profiles, most preferred first: one AEAD pass beats AES-CM plus HMAC. */
    static final List<SrtpProfile> SRTP_PREFERENCE =
            List.of(SrtpProfile.SRTP_AEAD_AES_128_GCM, SrtpProfile.SRTP_AES128_CM_HMAC_SHA1_80);

    /** Our profiles' ids, most preferred first, as offered in a ClientHello's use_srtp. */
    static int[] preferredSrtpIds() {
        return SRTP_PREFERENCE.stream().mapToInt(SrtpProfile::id).toArray();
    }

    /**
     * The server's choice (RFC 5764 §4.1.1): our most preferred profile among those the client
     * offered, whatever the client's order. Chromium offers [1, 8, 7]: we pick 7 (AEAD_AES_128_GCM).
     */
    static Optional<SrtpProfile> chooseSrtpProfile(int[] offered) {
        for (SrtpProfile ours : SRTP_PREFERENCE) {
            for (int theirs : offered) {
                if (ours.id() == theirs) {
                    return Optional.of(ours);
                }
            }
        }
        return Optional.empty();
    }

    /** One of our profiles by id, as a client accepts the server's choice. */
    static Optional<SrtpProfile> ourSrtpProfile(int id) {
        return SRTP_PREFERENCE.stream().filter(p -> p.id() == id).findFirst();
    }
}
