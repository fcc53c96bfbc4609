package dev.parley.rtc.stun;

import static dev.parley.rtc.stun.StunAttributeType.*;

/** Picks the typed decoder for an attribute type; types without one stay {@link RawAttribute}. */
final class AttributeDecoder {
    private AttributeDecoder() {}

    static StunAttribute decode(AttributeValue v) throws StunParseException {
        return switch (v.type) {
            case MAPPED_ADDRESS -> MappedAddress.decode(v);
            case XOR_MAPPED_ADDRESS -> XorMappedAddress.decode(v);
            case XOR_PEER_ADDRESS -> XorPeerAddress.decode(v);
            case XOR_RELAYED_ADDRESS -> XorRelayedAddress.decode(v);
            case USERNAME -> Username.decode(v);
            case REALM -> Realm.decode(v);
            case NONCE -> Nonce.decode(v);
            case SOFTWARE -> Software.decode(v);
            case MESSAGE_INTEGRITY -> MessageIntegrity.decode(v);
            case MESSAGE_INTEGRITY_SHA256 -> MessageIntegritySha256.decode(v);
            case FINGERPRINT -> Fingerprint.decode(v);
            case ERROR_CODE -> ErrorCode.decode(v);
            case UNKNOWN_ATTRIBUTES -> UnknownAttributes.decode(v);
            case PRIORITY -> Priority.decode(v);
            case USE_CANDIDATE -> UseCandidate.decode(v);
            case ICE_CONTROLLED -> IceControlled.decode(v);
            case ICE_CONTROLLING -> IceControlling.decode(v);
            case LIFETIME -> Lifetime.decode(v);
            case DATA -> Data.decode(v);
            case REQUESTED_TRANSPORT -> RequestedTransport.decode(v);
            case CHANNEL_NUMBER -> ChannelNumber.decode(v);
            case DONT_FRAGMENT -> DontFragment.decode(v);
            case EVEN_PORT -> EvenPort.decode(v);
            case RESERVATION_TOKEN -> ReservationToken.decode(v);
            case REQUESTED_ADDRESS_FAMILY -> RequestedAddressFamily.decode(v);
            default -> new RawAttribute(v.type, v.bytes());
        };
    }
}
