package dev.parley.rtc.stun;

import java.net.InetSocketAddress;

/** XOR-PEER-ADDRESS: a peer's address as seen from the TURN server (may repeat in CreatePermission). (RFC 8656 §18.3) */
public record XorPeerAddress(InetSocketAddress address) implements StunAttribute {
    public XorPeerAddress {
        AddressCodec.requireEncodable(address);
    }

    @Override
    public int type() {
        return StunAttributeType.XOR_PEER_ADDRESS;
    }

    @Override
    public byte[] encodeValue(TransactionId transactionId) {
        return AddressCodec.encode(address, true, transactionId);
    }

    static XorPeerAddress decode(AttributeValue v) throws StunParseException {
        return new XorPeerAddress(AddressCodec.decode(v, true));
    }
}
