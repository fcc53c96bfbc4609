package dev.parley.rtc.stun;

/**
 * FINGERPRINT: CRC-32 of the message up to this attribute, XOR 0x5354554E (RFC 8489 §14.7).
 * {@code value} is the 32-bit field as on the wire. Add it with
 * {@link StunMessageBuilder#addFingerprint()}; check it with {@link StunIntegrity#checkFingerprint}.
 */
public record Fingerprint(int value) implements StunAttribute {
    @Override
    public int type() {
        return StunAttributeType.FINGERPRINT;
    }

    @Override
    public byte[] encodeValue(TransactionId transactionId) {
        byte[] out = new byte[4];
        Bytes.put32(out, 0, value);
        return out;
    }

    static Fingerprint decode(AttributeValue v) throws StunParseException {
        v.requireLength(4);
        return new Fingerprint((int) v.u32(0));
    }

    @Override
    public String toString() {
        return String.format("Fingerprint[0x%08x]", value);
    }
}
