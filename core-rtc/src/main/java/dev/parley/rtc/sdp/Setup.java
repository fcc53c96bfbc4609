package dev.parley.rtc.sdp;

/** {@code a=setup:<role>}, RFC 4145 §4 (DTLS roles per RFC 8842 §5). */
public enum Setup implements AttributeValue {
    ACTIVE("active"),
    PASSIVE("passive"),
    ACTPASS("actpass"),
    HOLDCONN("holdconn");

    public static final String NAME = "setup";

    private final String sdpName;

    Setup(String sdpName) {
        this.sdpName = sdpName;
    }

    public String sdpName() {
        return sdpName;
    }

    public static Setup parse(String value) throws SdpParseException {
        String v = SdpTokens.trim(value);
        for (Setup s : values()) {
            if (s.sdpName.equals(v)) {
                return s;
            }
        }
        throw new SdpParseException("unknown setup role " + SdpTokens.quote(value)
                + " (expected active, passive, actpass or holdconn)");
    }

    @Override
    public Attribute toAttribute() {
        return new Attribute(NAME, sdpName);
    }
}
