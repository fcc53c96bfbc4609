package dev.parley.rtc.dtls;

import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Locale;
import javax.crypto.KeyAgreement;
import org.bouncycastle.jcajce.util.DefaultJcaJceHelper;
import org.bouncycastle.jcajce.util.JcaJceHelper;
import org.bouncycastle.jcajce.util.ProviderJcaJceHelper;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.tls.crypto.impl.jcajce.JcaTlsCrypto;

/**
 * The crypto under our DTLS: each algorithm from the provider that does it fastest on the JDKs we
 * run on.
 *
 * <ul>
 *   <li>Elliptic curves (ECDHE key exchange over X25519 or P-256, ECDSA signatures, EC keys) from
 *       BouncyCastle's provider: on JDK 17 its P-256 is about five times faster than SunEC's (key
 *       generation ~0.1 vs ~0.5 ms, ECDH ~0.2 vs ~1.0 ms, verify ~0.25 vs ~1.1 ms on this
 *       machine) and its X25519 about twice (~0.08 vs ~0.16 ms), and a handshake does four such
 *       operations per side on the path to "connected".
 *   <li>Everything else from the JDK's providers, above all AES-GCM for the record layer: the
 *       JDK's uses AES-NI and CLMUL (~1.8 GB/s per core) where BouncyCastle's Java AES-GCM does
 *       ~100 MB/s, and data channels are bound by it.
 * </ul>
 *
 * BouncyCastle's provider is used directly, never installed with {@code Security.addProvider}:
 * the process's provider list is not ours to change.
 */
final class DtlsCrypto extends JcaTlsCrypto {

    private DtlsCrypto(JcaJceHelper helper, SecureRandom random) {
        super(helper, random, random);
    }

    /** Crypto for one DTLS handshake and its record layer. */
    static JcaTlsCrypto create(SecureRandom random) {
        return new DtlsCrypto(new EcFromBouncyCastle(), random);
    }

    /** JCA lookups: elliptic-curve algorithms from BouncyCastle, the rest as the JDK's provider list says. */
    private static final class EcFromBouncyCastle extends DefaultJcaJceHelper {
        private final ProviderJcaJceHelper bouncyCastle = new ProviderJcaJceHelper(BouncyCastleHolder.PROVIDER);

        @Override
        public KeyAgreement createKeyAgreement(String algorithm) throws NoSuchAlgorithmException {
            return isEllipticCurve(algorithm) ? bouncyCastle.createKeyAgreement(algorithm) : super.createKeyAgreement(algorithm);
        }

        @Override
        public KeyPairGenerator createKeyPairGenerator(String algorithm) throws NoSuchAlgorithmException {
            return isEllipticCurve(algorithm) ? bouncyCastle.createKeyPairGenerator(algorithm)
                    : super.createKeyPairGenerator(algorithm);
        }

        @Override
        public KeyFactory createKeyFactory(String algorithm) throws NoSuchAlgorithmException {
            return isEllipticCurve(algorithm) ? bouncyCastle.createKeyFactory(algorithm) : super.createKeyFactory(algorithm);
        }

        @Override
        public AlgorithmParameters createAlgorithmParameters(String algorithm) throws NoSuchAlgorithmException {
            return isEllipticCurve(algorithm) ? bouncyCastle.createAlgorithmParameters(algorithm)
                    : super.createAlgorithmParameters(algorithm);
        }

        @Override
        public Signature createSignature(String algorithm) throws NoSuchAlgorithmException {
            return isEllipticCurve(algorithm) ? bouncyCastle.createSignature(algorithm) : super.createSignature(algorithm);
        }

        /** "EC", "ECDH", "SHA256withECDSA", "NONEwithECDSA", "X25519", "XDH", … */
        private static boolean isEllipticCurve(String algorithm) {
            String name = algorithm.toUpperCase(Locale.ROOT);
            return name.equals("EC") || name.startsWith("ECDH") || name.endsWith("ECDSA")
                    || name.equals("X25519") || name.equals("X448") || name.equals("XDH");
        }
    }

    /**
     * BouncyCastle's provider, built once: building it registers hundreds of algorithms (tens of
     * milliseconds), and it is immutable and stateless afterwards, so every handshake shares it.
     */
    private static final class BouncyCastleHolder {
        static final Provider PROVIDER = new BouncyCastleProvider();
    }
}
