package dev.parley.rtc.stun;

import java.net.InetSocketAddress;

/** XOR-MAPPED-ADDRESS: the client's reflexive transport address as the server saw it. (RFC 8489 §14.2) */
public record XorMappedAddress(InetSocketAddress address) implements StunAttribute {
    public XorMappedAddress {
        AddressCodec.requireEncodable(address);
    }

    @Override
    public int type() {
        return StunAttributeType.XOR_MAPPED_ADDRESS;
    }

    @Override
    public byte[] encodeValue(TransactionId transactionId) {
        return AddressCodec.encode(address, true, transactionId);
    }

    static XorMappedAddress decode(AttributeValue v) throws StunParseException {
        return new XorMappedAddress(AddressCodec.decode(v, true));
    }
}
