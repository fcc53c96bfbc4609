package dev.parley.rtc.stun;

/** LIFETIME: seconds until a TURN allocation expires (RFC 8656 §18.2). */
public record Lifetime(long seconds) implements StunAttribute {
    public Lifetime {
        if (seconds < 0 || seconds > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("LIFETIME is an unsigned 32-bit value: " + seconds);
        }
    }

    @Override
    public int type() {
        return StunAttributeType.LIFETIME;
    }

    @Override
    public byte[] encodeValue(TransactionId transactionId) {
        byte[] out = new byte[4];
        Bytes.put32(out, 0, seconds);
        return out;
    }

    static Lifetime decode(AttributeValue v) throws StunParseException {
        v.requireLength(4);
        return new Lifetime(v.u32(0));
    }
}
