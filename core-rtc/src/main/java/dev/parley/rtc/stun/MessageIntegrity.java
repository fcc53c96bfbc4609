package dev.parley.rtc.stun;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * MESSAGE-INTEGRITY: HMAC-SHA1 of the message up to this attribute (RFC 8489 §14.5). Add it
 * with {@link StunMessageBuilder#addMessageIntegrity}; check it on the received bytes with
 * {@link StunIntegrity#checkIntegrity}.
 */
public record MessageIntegrity(byte[] hmac) implements StunAttribute {
    public static final int LENGTH = 20;

    public MessageIntegrity {
        if (hmac.length != LENGTH) {
            throw new IllegalArgumentException("HMAC-SHA1 is 20 bytes, not " + hmac.length);
        }
        hmac = hmac.clone();
    }

    @Override
    public byte[] hmac() {
        return hmac.clone();
    }

    @Override
    public int type() {
        return StunAttributeType.MESSAGE_INTEGRITY;
    }

    @Override
    public byte[] encodeValue(TransactionId transactionId) {
        return hmac.clone();
    }

    static MessageIntegrity decode(AttributeValue v) throws StunParseException {
        v.requireLength(LENGTH);
        return new MessageIntegrity(v.bytes());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageIntegrity other && Arrays.equals(hmac, other.hmac);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hmac);
    }

    @Override
    public String toString() {
        return "MessageIntegrity[" + HexFormat.of().formatHex(hmac) + "]";
    }
}
