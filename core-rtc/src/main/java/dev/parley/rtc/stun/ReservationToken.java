package dev.parley.rtc.stun;

/** RESERVATION-TOKEN: names a relayed address the TURN server keeps for a later Allocate (RFC 8656 §18.10). */
public record ReservationToken(long token) implements StunAttribute {
    @Override
    public int type() {
        return StunAttributeType.RESERVATION_TOKEN;
    }

    @Override
    public byte[] encodeValue(TransactionId transactionId) {
        byte[] out = new byte[8];
        Bytes.put64(out, 0, token);
        return out;
    }

    static ReservationToken decode(AttributeValue v) throws StunParseException {
        v.requireLength(8);
        return new ReservationToken(v.u64(0));
    }
}
