package dev.parley.rtc.stun;

/**
 * REQUESTED-ADDRESS-FAMILY: the address family of the relayed address to allocate
 * (RFC 8656 §18.6). A family other than 0x01/0x02 parses; the server answers it with 440.
 */
public record RequestedAddressFamily(int family) implements StunAttribute {
    public static final int IPV4 = 0x01;
    public static final int IPV6 = 0x02;

    public RequestedAddressFamily {
        if (family < 0 || family > 0xFF) {
            throw new IllegalArgumentException("address family is 8 bits: " + family);
        }
    }

    @Override
    public int type() {
        return StunAttributeType.REQUESTED_ADDRESS_FAMILY;
    }

    @Override
    public byte[] encodeValue(TransactionId transactionId) {
        return new byte[] {(byte) family, 0, 0, 0};
    }

    static RequestedAddressFamily decode(AttributeValue v) throws StunParseException {
        v.requireLength(4);
        // The 24 reserved bits are ignored on receipt.
        return new RequestedAddressFamily(v.u8(0));
    }
}
