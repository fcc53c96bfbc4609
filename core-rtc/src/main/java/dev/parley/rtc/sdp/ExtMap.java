package dev.parley.rtc.sdp;

/**
 * {@code a=extmap:<id>[/<direction>] <uri> [<extension attributes>]}, RFC 8285 §8.
 *
 * @param direction  the optional direction, or null
 * @param attributes the extension attributes as written, or null
 */
public record ExtMap(int id, Direction direction, String uri, String attributes) implements AttributeValue {
    public static final String NAME = "extmap";

    public ExtMap {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("extmap id out of range: " + id);
        }
        SdpTokens.requireWord(uri, "extmap uri");
        if (attributes != null && (attributes.isEmpty() || !SdpLine.isValidText(attributes)
                || !SdpTokens.trim(attributes).equals(attributes))) {
            throw new IllegalArgumentException("extmap attributes must be non-empty, trimmed text");
        }
    }

    public ExtMap(int id, String uri) {
        this(id, null, uri, null);
    }

    /** RFC 8285 §5: 1-255 in use (1-14 for one-byte headers), 4096-4351 only in offers. */
    static boolean isValidId(int id) {
        return (id >= 1 && id <= 255) || (id >= 4096 && id <= 4351);
    }

    public static ExtMap parse(String value) throws SdpParseException {
        String v = SdpTokens.trim(value);
        int rest = SdpTokens.restStart(v);
        if (rest < 0) {
            throw new SdpParseException("extmap needs <id>[/<direction>] <uri>, got " + SdpTokens.quote(value));
        }
        String entry = v.substring(0, SdpTokens.firstBlank(v));
        int slash = entry.indexOf('/');
        String idText = slash < 0 ? entry : entry.substring(0, slash);
        int id = SdpTokens.parseInt(idText, 1, 4351, "extmap id");
        if (!isValidId(id)) {
            throw new SdpParseException("extmap id " + id + " is outside 1-255 and 4096-4351");
        }
        Direction dir = slash < 0 ? null : Direction.parse(entry.substring(slash + 1));
        String tail = v.substring(rest);
        int uriEnd = SdpTokens.firstBlank(tail);
        String attrs = SdpTokens.trim(tail.substring(uriEnd));
        return new ExtMap(id, dir, tail.substring(0, uriEnd), attrs.isEmpty() ? null : attrs);
    }

    public String toValue() {
        return id + (direction == null ? "" : "/" + direction.sdpName()) + " " + uri
                + (attributes == null ? "" : " " + attributes);
    }

    @Override
    public Attribute toAttribute() {
        return new Attribute(NAME, toValue());
    }
}
