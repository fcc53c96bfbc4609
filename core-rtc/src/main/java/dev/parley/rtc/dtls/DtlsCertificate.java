package dev.parley.rtc.dtls;

import dev.parley.rtc.sdp.Fingerprint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCrypto;

/**
 * A self-signed certificate and its private key: the identity of our DTLS end, shown to the peer
 * only through its fingerprint in SDP (RFC 8827 §6.5, RFC 8122). One is made per peer connection
 * (or per application) and shared by its transports, as {@code RTCCertificate} is.
 *
 * <p>The key never leaves this object except to BouncyCastle's signer; {@link #toString()} shows
 * the key type, the fingerprint and the expiry only.
 */
public final class DtlsCertificate {
    /** The key types WebRTC uses; ECDSA P-256 is what browsers generate by default. */
    public enum KeyType {
        ECDSA_P256,
        RSA_2048
    }

    /** Like browsers: backdated a day against clock skew; short-lived, since it is only pinned by SDP. */
    private static final Duration BACKDATE = Duration.ofDays(1);
    private static final Duration DEFAULT_LIFETIME = Duration.ofDays(30);

    private final KeyType keyType;
    private final PrivateKey privateKey;
    /** The same key for BouncyCastle's lightweight TLS signer, converted once. */
    private final byte[] der;
    private final Instant notAfter;
    private final Fingerprint sha256;

    private DtlsCertificate(KeyType keyType, PrivateKey privateKey, byte[] der, Instant notAfter) throws IOException {
        this.keyType = keyType;
        this.privateKey = privateKey;
        this.der = der;
        this.notAfter = notAfter;
        this.sha256 = CertificateFingerprints.of(CertificateFingerprints.SHA_256, der);
    }

    /** An ECDSA P-256 certificate valid from a day ago for 30 days. */
    public static DtlsCertificate generate(SecureRandom random) {
        return generate(KeyType.ECDSA_P256, random, Instant.now(), DEFAULT_LIFETIME);
    }

    public static DtlsCertificate generate(KeyType keyType, SecureRandom random, Instant now, Duration lifetime) {
        Objects.requireNonNull(keyType, "keyType");
        try {
            KeyPair keys = keyPair(keyType, random);
            Instant notBefore = now.minus(BACKDATE);
            Instant notAfter = now.plus(lifetime);
            // A short CN like browsers use: the name means nothing, only the fingerprint is checked.
            X500Name name = new X500Name("CN=WebRTC");
            // Positive and random (RFC 5280 §4.1.2.2), so two certificates never share issuer+serial.
            BigInteger serial = new BigInteger(63, random).add(BigInteger.ONE);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial,
                    Date.from(notBefore), Date.from(notAfter), name, keys.getPublic());
            String signature = keyType == KeyType.ECDSA_P256 ? "SHA256withECDSA" : "SHA256withRSA";
            ContentSigner signer = new JcaContentSignerBuilder(signature).setSecureRandom(random)
                    .build(keys.getPrivate());
            byte[] der = builder.build(signer).getEncoded();
            return new DtlsCertificate(keyType, keys.getPrivate(), der, notAfter);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate a " + keyType + " certificate", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair keyPair(KeyType keyType, SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator;
        if (keyType == KeyType.ECDSA_P256) {
            generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        } else {
            generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), random);
        }
        return generator.generateKeyPair();
    }

    public KeyType keyType() {
        return keyType;
    }

    /** The SHA-256 fingerprint for {@code a=fingerprint} (RFC 8122 §5). */
    public Fingerprint fingerprint() {
        return sha256;
    }

    /** The fingerprint with another hash function (sha-1, sha-384, sha-512…). */
    public Fingerprint fingerprint(String hashFunction) {
        return CertificateFingerprints.of(hashFunction, der);
    }

    /** The DER encoding of the certificate (public; the key is not in it). */
    public byte[] encoded() {
        return der.clone();
    }

    public Instant expires() {
        return notAfter;
    }

    /** The key: the DTLS handshake signs with it (JCA), an {@code RTCCertificate} store keeps it; never logged. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** BouncyCastle's {@code SignatureAlgorithm} for this key. */
    short signatureAlgorithm() {
        return keyType == KeyType.ECDSA_P256 ? SignatureAlgorithm.ecdsa : SignatureAlgorithm.rsa;
    }

    /** The one-certificate chain a DTLS Certificate message carries. */
    org.bouncycastle.tls.Certificate chain(TlsCrypto crypto) throws IOException {
        TlsCertificate cert = crypto.createCertificate(der);
        return new org.bouncycastle.tls.Certificate(new TlsCertificate[] {cert});
    }

    @Override
    public String toString() {
        return "DtlsCertificate[" + keyType + ", " + sha256.toValue() + ", expires " + notAfter + "]";
    }
}
