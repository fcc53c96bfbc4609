package dev.parley.rtc.ice;

/** The transport of a candidate: UDP, or TCP as RFC 6544 adds it. */
public enum TransportProtocol {
    UDP("udp"),
    TCP("tcp");

    private final String sdpName;

    TransportProtocol(String sdpName) {
        this.sdpName = sdpName;
    }

    public String sdpName() {
        return sdpName;
    }

    /** Case-insensitive, as RFC 8839 §5.1 allows; {@code null} for an unknown token. */
    public static TransportProtocol fromSdpName(String name) {
        for (TransportProtocol p : values()) {
            if (p.sdpName.equalsIgnoreCase(name)) {
                return p;
            }
        }
        return null;
    }
}
