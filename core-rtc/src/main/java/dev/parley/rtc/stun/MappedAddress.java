package dev.parley.rtc.stun;

import java.net.InetSocketAddress;

/** MAPPED-ADDRESS, the reflexive address in the pre-RFC 5389 (non-XOR) form. (RFC 8489 §14.1) */
public record MappedAddress(InetSocketAddress address) implements StunAttribute {
    public MappedAddress {
        AddressCodec.requireEncodable(address);
    }

    @Override
    public int type() {
        return StunAttributeType.MAPPED_ADDRESS;
    }

    @Override
    public byte[] encodeValue(TransactionId transactionId) {
        return AddressCodec.encode(address, false, transactionId);
    }

    static MappedAddress decode(AttributeValue v) throws StunParseException {
        return new MappedAddress(AddressCodec.decode(v, false));
    }
}
