package dev.parley.ui.call;

import dev.parley.rtc.RTCCertificate;
import dev.parley.rtc.RTCPeerConnection;
import dev.parley.rtc.dtls.CertificateFingerprints;
import dev.parley.rtc.sdp.Fingerprint;
import dev.parley.rtc.sdp.SdpParseException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The short code two people compare aloud to know that no one sits between them: four words
 * derived from both ends' DTLS certificate fingerprints. The fingerprints travel in the
 * signalling, which a server could alter; the certificates are what DTLS actually authenticated.
 * If someone relayed the call with their own certificates, each side would see a different
 * remote certificate and the two screens would show different words.
 *
 * <p>Derivation (version 1; both sides must agree on every step):
 * <ol>
 *   <li>each fingerprint in its canonical form {@code "sha-256 AB:CD:…"} (lower-case hash name,
 *       upper-case hex), so a peer writing hex in lower case still gets the same code;</li>
 *   <li>the two sorted (String order) and joined by {@code '\n'}, so both sides feed the same
 *       bytes whichever is "local";</li>
 *   <li>PBKDF2-HMAC-SHA256 over that, salt {@value #SALT} (ASCII), {@value #ITERATIONS}
 *       iterations, 32 bits out: the iterations make searching for a certificate whose code
 *       matches a given one 100,000 times dearer than one hash per try;</li>
 *   <li>the 4 bytes as PGP words, even and odd lists alternating ({@link PgpWordList}).</li>
 * </ol>
 * 32 bits: an attacker who must commit to a certificate before seeing the other side's (as in a
 * relayed call) matches the code by chance once in four billion.
 */
public final class SecurityCode {
    static final String SALT = "parley security code v1";
    static final int ITERATIONS = 100_000;
    private static final int BYTES = 4;
    private static final String HASH = CertificateFingerprints.SHA_256;

    private final List<String> words;

    private SecurityCode(List<String> words) {
        this.words = List.copyOf(words);
    }

    /**
     * The code for a call between two certificates; the argument order does not matter. The word
     * list is read from the classpath on each call: a few kilobytes next to PBKDF2's tens of
     * milliseconds, and no state shared between calls.
     *
     * @param localFingerprint our certificate's fingerprint, {@code "sha-256 AB:CD:…"} (32 bytes)
     * @param remoteFingerprint the peer's, in the same form
     * @throws IllegalArgumentException if either is not a SHA-256 fingerprint in that form
     */
    public static SecurityCode of(String localFingerprint, String remoteFingerprint) {
        String local = canonical(localFingerprint, "local");
        String remote = canonical(remoteFingerprint, "remote");
        boolean localFirst = local.compareTo(remote) <= 0;
        byte[] derived = pbkdf2(localFirst ? local + "\n" + remote : remote + "\n" + local);
        return new SecurityCode(PgpWordList.load().words(derived));
    }

    /**
     * The code of a connected call: our certificate and the one the peer's DTLS presented (which
     * passed the check against its signalled fingerprint). Empty until the handshake succeeded.
     */
    public static Optional<SecurityCode> of(RTCPeerConnection pc) {
        List<byte[]> remote = pc.dtlsTransport().getRemoteCertificates();
        if (remote.isEmpty()) {
            return Optional.empty();
        }
        RTCCertificate local = pc.getConfiguration().certificates().get(0);
        Fingerprint localFingerprint = local.getFingerprints().stream()
                .filter(f -> f.hashFunction().equalsIgnoreCase(HASH)).findFirst()
                .orElseThrow(() -> new IllegalStateException("our certificate has no sha-256 fingerprint"));
        return Optional.of(of(localFingerprint.toValue(), CertificateFingerprints.of(HASH, remote.get(0)).toValue()));
    }

    private static String canonical(String fingerprint, String which) {
        if (fingerprint == null) {
            throw new IllegalArgumentException("the " + which + " fingerprint is missing");
        }
        Fingerprint parsed;
        try {
            parsed = Fingerprint.parse(fingerprint.trim());
        } catch (SdpParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + which + " fingerprint is not \"sha-256 AB:CD:…\": \""
                    + fingerprint + "\" (" + e.getMessage() + ")", e);
        }
        if (!parsed.hashFunction().toLowerCase(Locale.ROOT).equals(HASH)) {
            throw new IllegalArgumentException("the " + which + " fingerprint must be sha-256, not "
                    + parsed.hashFunction() + ": \"" + fingerprint + "\"");
        }
        return new Fingerprint(HASH, parsed.bytes()).toValue();
    }

    private static byte[] pbkdf2(String password) {
        // ASCII only (canonical fingerprints), so the JDK's char-to-byte step cannot differ between ends.
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), SALT.getBytes(StandardCharsets.US_ASCII),
                ITERATIONS, BYTES * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // Every Java SE 8+ platform ships PBKDF2WithHmacSHA256.
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** The four words, to show and read aloud in this order. */
    public List<String> words() {
        return words;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecurityCode && ((SecurityCode) o).words.equals(words);
    }

    @Override
    public int hashCode() {
        return words.hashCode();
    }

    /** The words separated by single spaces, e.g. {@code "stairway repellent bombast tradition"}. */
    @Override
    public String toString() {
        return String.join(" ", words);
    }
}
