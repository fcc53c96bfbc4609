package dev.parley.rtc.stun;

/** PRIORITY: the priority a peer-reflexive candidate learnt from this check would get (RFC 8445 §7.1.1). */
public record Priority(long priority) implements StunAttribute {
    public Priority {
        if (priority < 0 || priority > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("PRIORITY is an unsigned 32-bit value: " + priority);
        }
    }

    @Override
    public int type() {
        return StunAttributeType.PRIORITY;
    }

    @Override
    public byte[] encodeValue(TransactionId transactionId) {
        byte[] out = new byte[4];
        Bytes.put32(out, 0, priority);
        return out;
    }

    static Priority decode(AttributeValue v) throws StunParseException {
        v.requireLength(4);
        return new Priority(v.u32(0));
    }
}
