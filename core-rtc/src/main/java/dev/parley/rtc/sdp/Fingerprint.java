package dev.parley.rtc.sdp;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code a=fingerprint:<hash-func> <XX:XX:...>}, RFC 8122 §5: the hash of the DTLS certificate.
 * Hex digits are accepted in either case (the grammar says upper case; lenient as browsers are)
 * and written in upper case. For the hash functions RFC 8122 names, the byte count must match.
 */
public record Fingerprint(String hashFunction, byte[] bytes) implements AttributeValue {
    public static final String NAME = "fingerprint";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    public Fingerprint {
        if (!SdpTokens.isToken(hashFunction)) {
            throw new IllegalArgumentException("hash function must be a token: " + hashFunction);
        }
        bytes = bytes.clone();
        int expected = expectedLength(hashFunction);
        if (bytes.length == 0 || (expected > 0 && bytes.length != expected)) {
            throw new IllegalArgumentException(hashFunction + " fingerprint must have "
                    + (expected > 0 ? expected : "at least 1") + " bytes, got " + bytes.length);
        }
    }

    /** Digest length in bytes for the hash functions of RFC 8122 §5, or 0 for others. */
    static int expectedLength(String hashFunction) {
        switch (hashFunction.toLowerCase(Locale.ROOT)) {
            case "md2":
            case "md5":
                return 16;
            case "sha-1":
                return 20;
            case "sha-224":
                return 28;
            case "sha-256":
                return 32;
            case "sha-384":
                return 48;
            case "sha-512":
                return 64;
            default:
                return 0;
        }
    }

    public static Fingerprint parse(String value) throws SdpParseException {
        List<String> f = SdpTokens.fields(value, 2, "fingerprint");
        String hash = SdpTokens.token(f.get(0), "fingerprint hash function");
        byte[] bytes = parseHexPairs(f.get(1));
        int expected = expectedLength(hash);
        if (expected > 0 && bytes.length != expected) {
            throw new SdpParseException(hash + " fingerprint must have " + expected + " bytes, got " + bytes.length);
        }
        return new Fingerprint(hash, bytes);
    }

    /** {@code 2HEXDIG *(":" 2HEXDIG)}: the length is checked before allocating. */
    private static byte[] parseHexPairs(String s) throws SdpParseException {
        if ((s.length() + 1) % 3 != 0) {
            throw badHex(s);
        }
        byte[] out = new byte[(s.length() + 1) / 3];
        for (int i = 0; i < out.length; i++) {
            int p = i * 3;
            int hi = Character.digit(s.charAt(p), 16);
            int lo = Character.digit(s.charAt(p + 1), 16);
            boolean asciiHex = isAsciiHex(s.charAt(p)) && isAsciiHex(s.charAt(p + 1));
            if (!asciiHex || (p + 2 < s.length() && s.charAt(p + 2) != ':')) {
                throw badHex(s);
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    private static boolean isAsciiHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static SdpParseException badHex(String s) {
        return new SdpParseException("fingerprint " + SdpTokens.quote(s) + " is not colon-separated hex pairs (AB:CD:…)");
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** True if {@code digest} (the certificate hashed with {@link #hashFunction()}) matches, in constant time. */
    public boolean matches(byte[] digest) {
        return MessageDigest.isEqual(bytes, digest);
    }

    public String toValue() {
        StringBuilder sb = new StringBuilder(hashFunction).append(' ');
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(HEX[(bytes[i] >> 4) & 0xF]).append(HEX[bytes[i] & 0xF]);
        }
        return sb.toString();
    }

    @Override
    public Attribute toAttribute() {
        return new Attribute(NAME, toValue());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint && ((Fingerprint) o).hashFunction.equals(hashFunction)
                && Arrays.equals(((Fingerprint) o).bytes, bytes);
    }

    @Override
    public int hashCode() {
        return hashFunction.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Fingerprint[" + toValue() + "]";
    }
}
