package dev.parley.rtc.stun;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An attribute this package has no typed form for (unknown types, and ones such as USERHASH,
 * PASSWORD-ALGORITHM(S) and ALTERNATE-SERVER that Parley does not act on), kept as type and raw
 * value so that it round-trips. A comprehension-required one shows up in
 * {@link StunMessage#unknownComprehensionRequired()}.
 */
public record RawAttribute(int type, byte[] value) implements StunAttribute {
    public RawAttribute {
        if (type < 0 || type > 0xFFFF) {
            throw new IllegalArgumentException("attribute type is 16 bits: " + type);
        }
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public byte[] encodeValue(TransactionId transactionId) {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawAttribute other && type == other.type && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "RawAttribute[" + StunAttributeType.name(type) + ", " + HexFormat.of().formatHex(value) + "]";
    }
}
