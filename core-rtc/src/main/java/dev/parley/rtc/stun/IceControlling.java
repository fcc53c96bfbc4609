package dev.parley.rtc.stun;

/** ICE-CONTROLLING: the sender thinks it is the controlling agent; the 64-bit tie breaker resolves role conflicts (RFC 8445 §7.1.3, §16.1). */
public record IceControlling(long tieBreaker) implements StunAttribute {
    @Override
    public int type() {
        return StunAttributeType.ICE_CONTROLLING;
    }

    @Override
    public byte[] encodeValue(TransactionId transactionId) {
        byte[] out = new byte[8];
        Bytes.put64(out, 0, tieBreaker);
        return out;
    }

    static IceControlling decode(AttributeValue v) throws StunParseException {
        v.requireLength(8);
        return new IceControlling(v.u64(0));
    }
}
