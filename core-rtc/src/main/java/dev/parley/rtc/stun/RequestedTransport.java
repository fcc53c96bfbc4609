package dev.parley.rtc.stun;

/** REQUESTED-TRANSPORT: the IP protocol number of the relay the client asks for (RFC 8656 §18.8). */
public record RequestedTransport(int protocol) implements StunAttribute {
    /** UDP, the only transport RFC 8656 relays to peers. */
    public static final int UDP = 17;

    public RequestedTransport {
        if (protocol < 0 || protocol > 0xFF) {
            throw new IllegalArgumentException("protocol number is 8 bits: " + protocol);
        }
    }

    @Override
    public int type() {
        return StunAttributeType.REQUESTED_TRANSPORT;
    }

    @Override
    public byte[] encodeValue(TransactionId transactionId) {
        return new byte[] {(byte) protocol, 0, 0, 0};
    }

    static RequestedTransport decode(AttributeValue v) throws StunParseException {
        v.requireLength(4);
        // The 24 RFFU bits are ignored on receipt.
        return new RequestedTransport(v.u8(0));
    }
}
