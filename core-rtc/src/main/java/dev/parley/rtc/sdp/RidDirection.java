package dev.parley.rtc.sdp;

/** The direction of an {@code a=rid} line, RFC 8851 §10 ({@code send} / {@code recv}). */
public enum RidDirection {
    SEND("send"),
    RECV("recv");

    private final String sdpName;

    RidDirection(String sdpName) {
        this.sdpName = sdpName;
    }

    public String sdpName() {
        return sdpName;
    }

    static RidDirection parse(String text, String what) throws SdpParseException {
        for (RidDirection d : values()) {
            if (d.sdpName.equals(text)) {
                return d;
            }
        }
        throw new SdpParseException(what + " direction must be 'send' or 'recv', got " + SdpTokens.quote(text));
    }
}
