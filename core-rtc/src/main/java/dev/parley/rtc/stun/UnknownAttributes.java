package dev.parley.rtc.stun;

import java.util.ArrayList;
import java.util.List;

/**
 * UNKNOWN-ATTRIBUTES: the comprehension-required types a 420 error response did not understand
 * (RFC 8489 §14.13).
 */
public record UnknownAttributes(List<Integer> types) implements StunAttribute {
    public UnknownAttributes {
        types = List.copyOf(types);
        for (int t : types) {
            if (t < 0 || t > 0xFFFF) {
                throw new IllegalArgumentException("attribute type is 16 bits: " + t);
            }
        }
    }

    @Override
    public int type() {
        return StunAttributeType.UNKNOWN_ATTRIBUTES;
    }

    @Override
    public byte[] encodeValue(TransactionId transactionId) {
        byte[] out = new byte[2 * types.size()];
        for (int i = 0; i < types.size(); i++) {
            Bytes.put16(out, 2 * i, types.get(i));
        }
        return out;
    }

    static UnknownAttributes decode(AttributeValue v) throws StunParseException {
        if (v.length % 2 != 0) {
            throw v.error("length " + v.length + " is not a whole number of 16-bit types");
        }
        List<Integer> types = new ArrayList<>(v.length / 2);
        for (int i = 0; i < v.length; i += 2) {
            types.add(v.u16(i));
        }
        return new UnknownAttributes(types);
    }
}
