package dev.parley.rtc.stun;

/** USE-CANDIDATE: the controlling agent nominates this pair (RFC 8445 §7.1.2, §16.1). Its value is empty. */
public record UseCandidate() implements StunAttribute {
    @Override
    public int type() {
        return StunAttributeType.USE_CANDIDATE;
    }

    @Override
    public byte[] encodeValue(TransactionId transactionId) {
        return new byte[0];
    }

    static UseCandidate decode(AttributeValue v) throws StunParseException {
        v.requireLength(0);
        return new UseCandidate();
    }
}
