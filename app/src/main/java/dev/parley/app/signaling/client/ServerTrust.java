package dev.parley.app.signaling.client;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.X509TrustManager;

/**
 * How a {@code wss://} server's certificate is judged: by the JDK's CA store and the host name
 * (the default), or — for a self-hosted server with a self-signed certificate — by exactly the
 * SHA-256 fingerprint the user confirmed, and nothing else.
 */
public final class ServerTrust {
    private final byte[] pinnedSha256;

    private ServerTrust(byte[] pinnedSha256) {
        this.pinnedSha256 = pinnedSha256;
    }

    /** CA-signed certificates valid for the host name. */
    public static ServerTrust systemDefault() {
        return new ServerTrust(null);
    }

    /**
     * Only the certificate with this SHA-256 fingerprint (hex, colons allowed: the form
     * {@code openssl x509 -fingerprint -sha256} prints). Host names are not checked: the pin
     * names the very certificate the user accepted, which a host name check cannot improve.
     */
    public static ServerTrust pinned(String sha256Fingerprint) {
        String hex = sha256Fingerprint.replace(":", "").strip().toLowerCase(Locale.ROOT);
        byte[] pin = HexFormat.of().parseHex(hex);
        if (pin.length != 32) {
            throw new IllegalArgumentException("a SHA-256 fingerprint has 32 bytes, this has " + pin.length);
        }
        return new ServerTrust(pin);
    }

    /** The pinned fingerprint, when this trust is a pin. */
    public Optional<String> pin() {
        return pinnedSha256 == null ? Optional.empty() : Optional.of(fingerprint(pinnedSha256));
    }

    /** A certificate's SHA-256 fingerprint as colon-separated upper-case hex. */
    public static String fingerprint(X509Certificate certificate) throws CertificateEncodingException {
        return fingerprint(sha256(certificate.getEncoded()));
    }

    private static String fingerprint(byte[] digest) {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }

    /**
     * True when {@code failure} (a failed {@code connect()}, possibly wrapped) is this trust
     * refusing the server's certificate — unknown issuer, a different certificate than the pin,
     * expired — as opposed to a server that is down, is not TLS, or refused the registration.
     */
    public static boolean refusedCertificate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CertificateException || t instanceof java.security.cert.CertPathValidatorException
                    || t instanceof java.security.cert.CertPathBuilderException) {
                return true;
            }
        }
        return false;
    }

    /** A trust manager that accepts exactly the pinned certificate as the server's leaf. */
    X509TrustManager pinnedTrustManager() {
        if (pinnedSha256 == null) {
            throw new IllegalStateException("not a pinned trust");
        }
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("this trust manager judges servers only");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                if (chain == null || chain.length == 0) {
                    throw new CertificateException("no server certificate");
                }
                if (!MessageDigest.isEqual(pinnedSha256, sha256(chain[0].getEncoded()))) {
                    throw new CertificateException("server certificate " + fingerprint(chain[0])
                            + " is not the pinned " + fingerprint(pinnedSha256));
                }
                chain[0].checkValidity();
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }
}
