package dev.parley.rtc.dtls;

import dev.parley.rtc.sdp.Fingerprint;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/**
 * Certificate fingerprints as SDP carries them (RFC 8122 §5): the hash of the DER certificate,
 * formatted by {@link Fingerprint}. We compute and check sha-1, sha-224, sha-256, sha-384 and
 * sha-512; md2 and md5 are refused (RFC 8122 §5 forbids them for new fingerprints).
 */
public final class CertificateFingerprints {
    /** The hash function WebRTC endpoints put in their SDP (RFC 8827 §6.5). */
    public static final String SHA_256 = "sha-256";

    private CertificateFingerprints() {}

    /** The fingerprint of a DER-encoded certificate with the SDP hash function {@code hashFunction}. */
    public static Fingerprint of(String hashFunction, byte[] derCertificate) {
        String jca = jcaName(hashFunction).orElseThrow(
                () -> new IllegalArgumentException("unsupported fingerprint hash function " + hashFunction));
        return new Fingerprint(hashFunction.toLowerCase(Locale.ROOT), digest(jca, derCertificate));
    }

    public static boolean isSupported(String hashFunction) {
        return jcaName(hashFunction).isPresent();
    }

    /** True if {@code expected} is a supported fingerprint of {@code derCertificate}, compared in constant time. */
    public static boolean matches(Fingerprint expected, byte[] derCertificate) {
        Optional<String> jca = jcaName(expected.hashFunction());
        return jca.isPresent() && expected.matches(digest(jca.get(), derCertificate));
    }

    private static Optional<String> jcaName(String sdpName) {
        switch (sdpName.toLowerCase(Locale.ROOT)) {
            case "sha-1":
                return Optional.of("SHA-1");
            case "sha-224":
                return Optional.of("SHA-224");
            case "sha-256":
                return Optional.of("SHA-256");
            case "sha-384":
                return Optional.of("SHA-384");
            case "sha-512":
                return Optional.of("SHA-512");
            default:
                return Optional.empty();
        }
    }

    private static byte[] digest(String jcaName, byte[] data) {
        try {
            return MessageDigest.getInstance(jcaName).digest(data);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-1 and SHA-256; the others ship with every JDK.
            throw new IllegalStateException(jcaName + " missing from this JDK", e);
        }
    }
}
