package dev.parley.rtc.stun;

import java.net.InetSocketAddress;

/** XOR-RELAYED-ADDRESS: the relayed transport address the TURN server allocated. (RFC 8656 §18.5) */
public record XorRelayedAddress(InetSocketAddress address) implements StunAttribute {
    public XorRelayedAddress {
        AddressCodec.requireEncodable(address);
    }

    @Override
    public int type() {
        return StunAttributeType.XOR_RELAYED_ADDRESS;
    }

    @Override
    public byte[] encodeValue(TransactionId transactionId) {
        return AddressCodec.encode(address, true, transactionId);
    }

    static XorRelayedAddress decode(AttributeValue v) throws StunParseException {
        return new XorRelayedAddress(AddressCodec.decode(v, true));
    }
}
