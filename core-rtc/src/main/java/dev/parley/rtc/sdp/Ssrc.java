package dev.parley.rtc.sdp;

/**
 * {@code a=ssrc:<ssrc-id> <attribute>[:<value>]}, RFC 5576 §4.1 (e.g. {@code cname:…},
 * {@code msid:<stream> <track>}).
 *
 * @param value the source attribute's value, or null for a property attribute
 */
public record Ssrc(long ssrc, String attribute, String value) implements AttributeValue {
    public static final String NAME = "ssrc";
    static final long MAX_SSRC = 0xFFFF_FFFFL;

    public Ssrc {
        if (ssrc < 0 || ssrc > MAX_SSRC) {
            throw new IllegalArgumentException("ssrc out of range: " + ssrc);
        }
        SdpTokens.requireWord(attribute, "ssrc attribute");
        if (attribute.indexOf(':') >= 0) {
            throw new IllegalArgumentException("ssrc attribute name contains ':'");
        }
        if (value != null && !SdpLine.isValidText(value)) {
            throw new IllegalArgumentException("ssrc attribute value contains NUL, CR or LF");
        }
    }

    public static Ssrc parse(String value) throws SdpParseException {
        String v = SdpTokens.trim(value);
        int rest = SdpTokens.restStart(v);
        if (rest < 0) {
            throw new SdpParseException("ssrc needs <ssrc-id> <attribute>[:<value>], got " + SdpTokens.quote(value));
        }
        long id = ssrcId(v.substring(0, SdpTokens.firstBlank(v)));
        String attr = v.substring(rest);
        int colon = attr.indexOf(':');
        String name = colon < 0 ? attr : attr.substring(0, colon);
        if (!SdpTokens.isWord(name)) {
            throw new SdpParseException("ssrc attribute name " + SdpTokens.quote(name) + " is empty or has blanks");
        }
        return new Ssrc(id, name, colon < 0 ? null : attr.substring(colon + 1));
    }

    static long ssrcId(String s) throws SdpParseException {
        return SdpTokens.parseLong(s, 0, MAX_SSRC, "ssrc-id");
    }

    public String toValue() {
        return ssrc + " " + attribute + (value == null ? "" : ":" + value);
    }

    @Override
    public Attribute toAttribute() {
        return new Attribute(NAME, toValue());
    }
}
