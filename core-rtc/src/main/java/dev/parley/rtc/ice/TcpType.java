package dev.parley.rtc.ice;

/**
 * The connection role of an ICE-TCP candidate (RFC 6544 §4.5) with its direction preference for
 * the local preference formula of RFC 6544 §4.2 (for hosts that are not NATed: active 6,
 * passive 4, simultaneous-open 2).
 */
public enum TcpType {
    ACTIVE("active", 6),
    PASSIVE("passive", 4),
    SIMULTANEOUS_OPEN("so", 2);

    private final String sdpName;
    private final int directionPreference;

    TcpType(String sdpName, int directionPreference) {
        this.sdpName = sdpName;
        this.directionPreference = directionPreference;
    }

    public String sdpName() {
        return sdpName;
    }

    public int directionPreference() {
        return directionPreference;
    }

    /** {@code null} for an unknown token. */
    public static TcpType fromSdpName(String name) {
        for (TcpType t : values()) {
            if (t.sdpName.equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** RFC 6544 §4.5: active pairs with passive, passive with active, so with so. */
    public boolean canPairWith(TcpType remote) {
        switch (this) {
            case ACTIVE:
                return remote == PASSIVE;
            case PASSIVE:
                return remote == ACTIVE;
            default:
                return remote == SIMULTANEOUS_OPEN;
        }
    }
}
