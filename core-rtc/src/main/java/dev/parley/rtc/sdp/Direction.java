package dev.parley.rtc.sdp;

/**
 * Media direction attributes, RFC 8866 §6.7 ({@code a=sendrecv} etc.); also the optional
 * direction of {@code a=extmap} (RFC 8285 §8).
 */
public enum Direction implements AttributeValue {
    SENDRECV("sendrecv"),
    SENDONLY("sendonly"),
    RECVONLY("recvonly"),
    INACTIVE("inactive");

    private final String sdpName;

    Direction(String sdpName) {
        this.sdpName = sdpName;
    }

    /** The spelling in SDP, e.g. {@code "sendrecv"}. */
    public String sdpName() {
        return sdpName;
    }

    public static Direction parse(String text) throws SdpParseException {
        Direction d = fromSdpName(text);
        if (d == null) {
            throw new SdpParseException("unknown direction " + SdpTokens.quote(text)
                    + " (expected sendrecv, sendonly, recvonly or inactive)");
        }
        return d;
    }

    /** The direction with this SDP name, or null. */
    static Direction fromSdpName(String text) {
        for (Direction d : values()) {
            if (d.sdpName.equals(text)) {
                return d;
            }
        }
        return null;
    }

    public boolean sends() {
        return this == SENDRECV || this == SENDONLY;
    }

    public boolean receives() {
        return this == SENDRECV || this == RECVONLY;
    }

    /** The direction that sends and receives as given. */
    public static Direction of(boolean sends, boolean receives) {
        if (sends) {
            return receives ? SENDRECV : SENDONLY;
        }
        return receives ? RECVONLY : INACTIVE;
    }

    /**
     * What both allow: sends only if both send, receives only if both receive. An answerer
     * intersects its wish with the reverse of the offered direction (RFC 3264 §6.1, RFC 8829 §5.3.1).
     */
    public Direction intersect(Direction other) {
        return of(sends() && other.sends(), receives() && other.receives());
    }

    /** The direction as seen from the other side (RFC 8829 §5.3.1 answer rules build on this). */
    public Direction reverse() {
        switch (this) {
            case SENDONLY:
                return RECVONLY;
            case RECVONLY:
                return SENDONLY;
            default:
                return this;
        }
    }

    @Override
    public Attribute toAttribute() {
        return Attribute.flag(sdpName);
    }
}
