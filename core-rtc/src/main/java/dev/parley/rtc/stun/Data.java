package dev.parley.rtc.stun;

import java.util.Arrays;

/** DATA: the application payload of a TURN Send or Data indication (RFC 8656 §18.4). */
public record Data(byte[] data) implements StunAttribute {
    public Data {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public int type() {
        return StunAttributeType.DATA;
    }

    @Override
    public byte[] encodeValue(TransactionId transactionId) {
        return data.clone();
    }

    static Data decode(AttributeValue v) {
        return new Data(v.bytes());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Data other && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Data[" + data.length + " bytes]";
    }
}
