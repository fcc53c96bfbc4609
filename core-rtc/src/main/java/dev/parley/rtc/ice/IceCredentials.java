package dev.parley.rtc.ice;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * An ICE username fragment and password (RFC 8445 §5.3, RFC 8839 §5.4): at least 4 and 22
 * characters of {@code ice-char} (letters, digits, '+', '/'), and at most 256. Generated ones carry
 * 24 and 128 bits of randomness, as RFC 8445 asks.
 */
public record IceCredentials(String ufrag, String password) {
    private static final String ICE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public IceCredentials {
        Objects.requireNonNull(ufrag, "ufrag");
        Objects.requireNonNull(password, "password");
        check("ice-ufrag", ufrag, 4);
        check("ice-pwd", password, 22);
    }

    /** Fresh random credentials: a 4-character ufrag and a 24-character password (6 bits each). */
    public static IceCredentials random(SecureRandom random) {
        return new IceCredentials(randomIceChars(random, 4), randomIceChars(random, 24));
    }

    private static String randomIceChars(SecureRandom random, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(ICE_CHARS.charAt(random.nextInt(ICE_CHARS.length())));
        }
        return s.toString();
    }

    private static void check(String what, String value, int minLength) {
        if (value.length() < minLength || value.length() > 256) {
            throw new IllegalArgumentException(what + " must be " + minLength + "..256 characters, not " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            if (ICE_CHARS.indexOf(value.charAt(i)) < 0) {
                throw new IllegalArgumentException(what + " has a character outside ALPHA / DIGIT / '+' / '/' at " + i);
            }
        }
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "IceCredentials[ufrag=" + ufrag + ", password=<" + password.length() + " chars>]";
    }
}
