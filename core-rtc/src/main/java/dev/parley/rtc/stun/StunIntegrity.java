package dev.parley.rtc.stun;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * MESSAGE-INTEGRITY, MESSAGE-INTEGRITY-SHA256 and FINGERPRINT, computed and checked exactly as
 * RFC 8489 §14.5–14.7 say: over the message bytes before the attribute, with the header's length
 * field set as if the message ended right after it.
 *
 * <p>The checks take the raw received bytes. Re-serialising a parsed message would not do: the
 * MAC covers the sender's padding and reserved bits, which parsing does not promise to keep.
 */
public final class StunIntegrity {
    static final String HMAC_SHA1 = "HmacSHA1";
    static final String HMAC_SHA256 = "HmacSHA256";
    /** RFC 8489 §14.7: the CRC-32 is XOR-ed with this, so that FINGERPRINT differs from other protocols' CRCs. */
    static final int FINGERPRINT_XOR = 0x5354554E;

    private StunIntegrity() {}

    /** Whether the message carries a MESSAGE-INTEGRITY (HMAC-SHA1) that is valid under {@code key}. */
    public static boolean checkIntegrity(byte[] raw, byte[] key) {
        return checkIntegrity(raw, 0, raw.length, key);
    }

    public static boolean checkIntegrity(byte[] buf, int off, int len, byte[] key) {
        return checkMac(buf, off, len, key, StunAttributeType.MESSAGE_INTEGRITY, HMAC_SHA1);
    }

    /** Whether the message carries a MESSAGE-INTEGRITY-SHA256 that is valid under {@code key}. */
    public static boolean checkIntegritySha256(byte[] raw, byte[] key) {
        return checkIntegritySha256(raw, 0, raw.length, key);
    }

    public static boolean checkIntegritySha256(byte[] buf, int off, int len, byte[] key) {
        return checkMac(buf, off, len, key, StunAttributeType.MESSAGE_INTEGRITY_SHA256, HMAC_SHA256);
    }

    /** Whether the message ends with a FINGERPRINT that matches its bytes (RFC 8489 §14.7). */
    public static boolean checkFingerprint(byte[] raw) {
        return checkFingerprint(raw, 0, raw.length);
    }

    public static boolean checkFingerprint(byte[] buf, int off, int len) {
        int at = locate(buf, off, len, StunAttributeType.FINGERPRINT);
        // FINGERPRINT must be the last attribute and 4 bytes long.
        if (at < 0 || at + 8 != len || Bytes.u16(buf, off + at + 2) != 4) {
            return false;
        }
        int expected = fingerprint(buf, off, at);
        return expected == (int) Bytes.u32(buf, off + at + 4);
    }

    private static boolean checkMac(byte[] buf, int off, int len, byte[] key, int attributeType, String algorithm) {
        int at = locate(buf, off, len, attributeType);
        if (at < 0) {
            return false;
        }
        int macLength = Bytes.u16(buf, off + at + 2);
        boolean lengthOk = attributeType == StunAttributeType.MESSAGE_INTEGRITY
                ? macLength == MessageIntegrity.LENGTH
                : MessageIntegritySha256.validLength(macLength);
        if (!lengthOk) {
            return false;
        }
        byte[] expected = hmac(algorithm, key, buf, off, at, at + 4 + macLength - StunMessage.HEADER_LENGTH);
        byte[] received = new byte[macLength];
        System.arraycopy(buf, off + at + 4, received, 0, macLength);
        byte[] truncated = new byte[macLength];
        System.arraycopy(expected, 0, truncated, 0, macLength);
        // Constant time, so that timing does not reveal how much of a forged MAC was right.
        return MessageDigest.isEqual(truncated, received);
    }

    /**
     * Offset (from {@code off}) of the first attribute of {@code type} that an agent would act
     * on, its value within the bytes present; or -1: none, not STUN, malformed, or only after
     * an attribute that ends what is covered (FINGERPRINT; MESSAGE-INTEGRITY-SHA256 hides a
     * later MESSAGE-INTEGRITY, §14.6).
     */
    private static int locate(byte[] buf, int off, int len, int type) {
        if (!StunMessage.looksLikeStun(buf, off, len)) {
            return -1;
        }
        int pos = StunMessage.HEADER_LENGTH;
        while (pos + 4 <= len) {
            int attrType = Bytes.u16(buf, off + pos);
            int attrLength = Bytes.u16(buf, off + pos + 2);
            if (attrLength > len - pos - 4) {
                return -1;
            }
            if (attrType == type) {
                return pos;
            }
            if (attrType == StunAttributeType.FINGERPRINT
                    || (attrType == StunAttributeType.MESSAGE_INTEGRITY_SHA256
                            && type == StunAttributeType.MESSAGE_INTEGRITY)) {
                return -1;
            }
            pos += 4 + Bytes.padded(attrLength);
        }
        return -1;
    }

    /**
     * HMAC over the header (length field replaced by {@code adjustedLength}) and the bytes from
     * the end of the header up to {@code end} (relative to {@code off}) — RFC 8489 §14.5.
     */
    static byte[] hmac(String algorithm, byte[] key, byte[] buf, int off, int end, int adjustedLength) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            // HMAC zero-pads short keys to the block size (RFC 2104 §2), so an empty key is the
            // same key as one zero byte; SecretKeySpec refuses empty keys.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
            mac.update(adjustedHeader(buf, off, adjustedLength));
            mac.update(buf, off + StunMessage.HEADER_LENGTH, end - StunMessage.HEADER_LENGTH);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has " + algorithm, e);
        }
    }

    /** FINGERPRINT value for an attribute at {@code at}: CRC-32 XOR 0x5354554E (RFC 8489 §14.7). */
    static int fingerprint(byte[] buf, int off, int at) {
        CRC32 crc = new CRC32();
        crc.update(adjustedHeader(buf, off, at + 8 - StunMessage.HEADER_LENGTH));
        crc.update(buf, off + StunMessage.HEADER_LENGTH, at - StunMessage.HEADER_LENGTH);
        return (int) crc.getValue() ^ FINGERPRINT_XOR;
    }

    private static byte[] adjustedHeader(byte[] buf, int off, int adjustedLength) {
        byte[] header = new byte[StunMessage.HEADER_LENGTH];
        System.arraycopy(buf, off, header, 0, StunMessage.HEADER_LENGTH);
        Bytes.put16(header, 2, adjustedLength);
        return header;
    }
}
