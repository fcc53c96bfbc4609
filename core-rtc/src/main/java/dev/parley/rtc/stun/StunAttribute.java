package dev.parley.rtc.stun;

/**
 * One attribute of a STUN message (RFC 8489 §14). Attributes this package understands are typed
 * records; any other is kept as a {@link RawAttribute} so that it round-trips unchanged.
 */
public sealed interface StunAttribute permits
        MappedAddress, XorMappedAddress, XorPeerAddress, XorRelayedAddress,
        Username, Realm, Nonce, Software,
        MessageIntegrity, MessageIntegritySha256, Fingerprint,
        ErrorCode, UnknownAttributes,
        Priority, UseCandidate, IceControlled, IceControlling,
        Lifetime, Data, RequestedTransport, ChannelNumber, DontFragment, EvenPort,
        ReservationToken, RequestedAddressFamily,
        RawAttribute {

    /** The attribute type code (see {@link StunAttributeType}). */
    int type();

    /**
     * The value as it goes on the wire, without padding. XOR-ed address attributes need the
     * transaction id of the message they are written into; the others ignore it.
     */
    byte[] encodeValue(TransactionId transactionId);
}
