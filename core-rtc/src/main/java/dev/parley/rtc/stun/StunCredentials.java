package dev.parley.rtc.stun;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Keys for MESSAGE-INTEGRITY(-SHA256) (RFC 8489 §9) and the USERHASH value (§14.4).
 *
 * <p>The RFC prepares passwords and realms with OpaqueString (RFC 8265; SASLprep in RFC 5389)
 * before hashing. This class does not implement that profile: callers pass already-prepared
 * strings. For ICE it makes no difference, since ice-pwd is made of ALPHA / DIGIT / "+" / "/"
 * (RFC 8839 §5.4), which OpaqueString leaves alone.
 */
public final class StunCredentials {
    private StunCredentials() {}

    /** Short-term credential key: the password's UTF-8 bytes (RFC 8489 §9.1.1). */
    public static byte[] shortTermKey(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }

    /** Long-term credential key, MD5(username ":" realm ":" password) (RFC 8489 §9.2.2). */
    public static byte[] longTermKey(String username, String realm, String password) {
        return digest("MD5", username + ":" + realm + ":" + password);
    }

    /**
     * Long-term key under PASSWORD-ALGORITHM SHA-256, SHA-256(username ":" realm ":" password)
     * (RFC 8489 §9.2.2, §18.5.1.2).
     */
    public static byte[] longTermKeySha256(String username, String realm, String password) {
        return digest("SHA-256", username + ":" + realm + ":" + password);
    }

    /** USERHASH value, SHA-256(username ":" realm) (RFC 8489 §14.4). */
    public static byte[] userHash(String username, String realm) {
        return digest("SHA-256", username + ":" + realm);
    }

    private static byte[] digest(String algorithm, String text) {
        try {
            return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has " + algorithm, e);
        }
    }
}
