package dev.parley.rtc.stun;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * MESSAGE-INTEGRITY-SHA256: HMAC-SHA256 of the message up to this attribute, possibly truncated
 * to 16..32 bytes in steps of 4 (RFC 8489 §14.6). Add it with
 * {@link StunMessageBuilder#addMessageIntegritySha256}; check it with
 * {@link StunIntegrity#checkIntegritySha256}.
 */
public record MessageIntegritySha256(byte[] hmac) implements StunAttribute {
    public MessageIntegritySha256 {
        if (!validLength(hmac.length)) {
            throw new IllegalArgumentException("HMAC-SHA256 value must be 16..32 bytes in steps of 4, not "
                    + hmac.length);
        }
        hmac = hmac.clone();
    }

    /** RFC 8489 §14.6: at least 16 bytes, at most 32, a multiple of 4. */
    static boolean validLength(int length) {
        return length >= 16 && length <= 32 && length % 4 == 0;
    }

    @Override
    public byte[] hmac() {
        return hmac.clone();
    }

    @Override
    public int type() {
        return StunAttributeType.MESSAGE_INTEGRITY_SHA256;
    }

    @Override
    public byte[] encodeValue(TransactionId transactionId) {
        return hmac.clone();
    }

    static MessageIntegritySha256 decode(AttributeValue v) throws StunParseException {
        if (!validLength(v.length)) {
            throw v.error("length " + v.length + ", expected 16..32 in steps of 4");
        }
        return new MessageIntegritySha256(v.bytes());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageIntegritySha256 other && Arrays.equals(hmac, other.hmac);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hmac);
    }

    @Override
    public String toString() {
        return "MessageIntegritySha256[" + HexFormat.of().formatHex(hmac) + "]";
    }
}
