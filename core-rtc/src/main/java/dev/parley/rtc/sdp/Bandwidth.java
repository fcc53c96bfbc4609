package dev.parley.rtc.sdp;

/** The {@code b=<bwtype>:<bandwidth>} line, RFC 8866 §5.8 (e.g. {@code b=AS:300}, {@code b=TIAS:64000}). */
public record Bandwidth(String type, long value) {
    public Bandwidth {
        if (!SdpTokens.isToken(type)) {
            throw new IllegalArgumentException("bandwidth type must be a token: " + type);
        }
        if (value < 0) {
            throw new IllegalArgumentException("negative bandwidth");
        }
    }

    public static Bandwidth parse(String text) throws SdpParseException {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new SdpParseException("b= needs <bwtype>:<bandwidth>, got " + SdpTokens.quote(text));
        }
        String type = SdpTokens.token(text.substring(0, colon), "bandwidth type");
        long value = SdpTokens.parseLong(text.substring(colon + 1), 0, Long.MAX_VALUE, "bandwidth");
        return new Bandwidth(type, value);
    }

    public String toValue() {
        return type + ":" + value;
    }
}
