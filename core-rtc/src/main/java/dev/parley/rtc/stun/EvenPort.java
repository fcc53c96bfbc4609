package dev.parley.rtc.stun;

/**
 * EVEN-PORT: asks for an even relayed port and, with R set, that the next port be reserved
 * (RFC 8656 §18.7).
 */
public record EvenPort(boolean reserveNextPort) implements StunAttribute {
    @Override
    public int type() {
        return StunAttributeType.EVEN_PORT;
    }

    @Override
    public byte[] encodeValue(TransactionId transactionId) {
        return new byte[] {(byte) (reserveNextPort ? 0x80 : 0)};
    }

    static EvenPort decode(AttributeValue v) throws StunParseException {
        v.requireLength(1);
        // The 7 RFFU bits are ignored on receipt.
        return new EvenPort((v.u8(0) & 0x80) != 0);
    }
}
