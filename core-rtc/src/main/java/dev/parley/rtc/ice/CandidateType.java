package dev.parley.rtc.ice;

/**
 * The four ICE candidate types with the recommended type preferences of RFC 8445 §5.1.2.2
 * (host 126, peer-reflexive 110, server-reflexive 100, relayed 0).
 */
public enum CandidateType {
    HOST("host", 126),
    PEER_REFLEXIVE("prflx", 110),
    SERVER_REFLEXIVE("srflx", 100),
    RELAYED("relay", 0);

    private final String sdpName;
    private final int typePreference;

    CandidateType(String sdpName, int typePreference) {
        this.sdpName = sdpName;
        this.typePreference = typePreference;
    }

    /** The {@code typ} token of the candidate attribute (RFC 8839 §5.1) and W3C {@code RTCIceCandidateType}. */
    public String sdpName() {
        return sdpName;
    }

    public int typePreference() {
        return typePreference;
    }

    /** The type named by an SDP {@code typ} token, or {@code null} for an unknown token. */
    public static CandidateType fromSdpName(String name) {
        for (CandidateType t : values()) {
            if (t.sdpName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
