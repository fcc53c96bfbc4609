package dev.parley.rtc.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.sdp.Fingerprint;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DtlsCertificateTest {

    @Test
    void ecdsaP256SelfSignedWithAShortLife() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        DtlsCertificate c = DtlsCertificate.generate(DtlsCertificate.KeyType.ECDSA_P256, DtlsPair.RANDOM, now,
                Duration.ofDays(30));
        X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(c.encoded()));
        assertEquals("CN=WebRTC", x509.getSubjectX500Principal().getName());
        assertEquals(x509.getSubjectX500Principal(), x509.getIssuerX500Principal());
        x509.verify(x509.getPublicKey()); // self-signed
        assertEquals("SHA256withECDSA", x509.getSigAlgName());
        assertEquals(256, ((ECPublicKey) x509.getPublicKey()).getParams().getCurve().getField().getFieldSize());
        assertEquals(now.minus(Duration.ofDays(1)), x509.getNotBefore().toInstant());
        assertEquals(now.plus(Duration.ofDays(30)), x509.getNotAfter().toInstant());
        assertEquals(c.expires(), x509.getNotAfter().toInstant());
        assertTrue(x509.getSerialNumber().signum() > 0);
    }

    @Test
    void serialsAndKeysDiffer() {
        DtlsCertificate a = DtlsCertificate.generate(DtlsPair.RANDOM);
        DtlsCertificate b = DtlsCertificate.generate(DtlsPair.RANDOM);
        assertNotEquals(a.fingerprint(), b.fingerprint());
        assertFalse(java.util.Arrays.equals(a.privateKey().getEncoded(), b.privateKey().getEncoded()));
    }

    @Test
    void fingerprintsAreDigestsOfTheDerInSdpForm() throws Exception {
        DtlsCertificate c = DtlsPair.CERT_A;
        byte[] der = c.encoded();
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(der), c.fingerprint().bytes());
        assertEquals("sha-256", c.fingerprint().hashFunction());
        assertArrayEquals(MessageDigest.getInstance("SHA-1").digest(der), c.fingerprint("sha-1").bytes());
        assertArrayEquals(MessageDigest.getInstance("SHA-384").digest(der), c.fingerprint("SHA-384").bytes());
        assertArrayEquals(MessageDigest.getInstance("SHA-512").digest(der), c.fingerprint("sha-512").bytes());
        // Round trip through the SDP attribute value.
        assertEquals(c.fingerprint(), Fingerprint.parse(c.fingerprint().toValue()));
        assertTrue(c.fingerprint().toValue().matches("sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}"));
        assertTrue(CertificateFingerprints.matches(Fingerprint.parse(c.fingerprint().toValue().toLowerCase()), der));
        assertFalse(CertificateFingerprints.matches(DtlsPair.CERT_B.fingerprint(), der));
        assertFalse(CertificateFingerprints.matches(new Fingerprint("md5", new byte[16]), der));
        assertThrows(IllegalArgumentException.class, () -> c.fingerprint("md5"));
    }

    @Test
    void rsa2048() throws Exception {
        DtlsCertificate c = DtlsCertificate.generate(DtlsCertificate.KeyType.RSA_2048, DtlsPair.RANDOM,
                Instant.now(), Duration.ofDays(1));
        X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(c.encoded()));
        assertEquals("SHA256withRSA", x509.getSigAlgName());
        x509.verify(x509.getPublicKey());
    }

    @Test
    void toStringNeverShowsTheKey() {
        DtlsCertificate c = DtlsPair.CERT_A;
        String s = c.toString();
        assertTrue(s.contains(c.fingerprint().toValue()), s);
        String keyHex = HexFormat.of().formatHex(c.privateKey().getEncoded());
        String scalarTail = keyHex.substring(keyHex.length() - 16);
        assertFalse(s.toLowerCase().contains(scalarTail));
        assertFalse(s.contains("PrivateKey") || s.contains("BEGIN"));
    }
}
