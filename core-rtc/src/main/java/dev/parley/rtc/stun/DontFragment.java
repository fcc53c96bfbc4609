package dev.parley.rtc.stun;

/** DONT-FRAGMENT: asks the TURN server to set DF when relaying to the peer (RFC 8656 §18.9). Its value is empty. */
public record DontFragment() implements StunAttribute {
    @Override
    public int type() {
        return StunAttributeType.DONT_FRAGMENT;
    }

    @Override
    public byte[] encodeValue(TransactionId transactionId) {
        return new byte[0];
    }

    static DontFragment decode(AttributeValue v) throws StunParseException {
        v.requireLength(0);
        return new DontFragment();
    }
}
