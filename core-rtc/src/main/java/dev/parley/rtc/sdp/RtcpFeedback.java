package dev.parley.rtc.sdp;

/**
 * {@code a=rtcp-fb:<pt or *> <type> [<parameter>]}, RFC 4585 §4.2 (e.g. {@code nack pli},
 * {@code ccm fir} per RFC 5104, {@code goog-remb}, {@code transport-cc}).
 *
 * @param payloadType the payload type, or {@link #ANY_PAYLOAD_TYPE} for {@code *}
 * @param parameter   the rest after the type (may hold several words), or null
 */
public record RtcpFeedback(int payloadType, String type, String parameter) implements AttributeValue {
    public static final String NAME = "rtcp-fb";
    public static final int ANY_PAYLOAD_TYPE = -1;

    public RtcpFeedback {
        if (payloadType < ANY_PAYLOAD_TYPE || payloadType > 127) {
            throw new IllegalArgumentException("payload type out of range: " + payloadType);
        }
        SdpTokens.requireWord(type, "rtcp-fb type");
        if (parameter != null && (parameter.isEmpty() || !SdpLine.isValidText(parameter)
                || !SdpTokens.trim(parameter).equals(parameter))) {
            throw new IllegalArgumentException("rtcp-fb parameter must be non-empty, trimmed text");
        }
    }

    public RtcpFeedback(int payloadType, String type) {
        this(payloadType, type, null);
    }

    public static RtcpFeedback parse(String value) throws SdpParseException {
        String v = SdpTokens.trim(value);
        int rest = SdpTokens.restStart(v);
        if (rest < 0) {
            throw new SdpParseException("rtcp-fb needs <payload type> <type>, got " + SdpTokens.quote(value));
        }
        String ptText = v.substring(0, SdpTokens.firstBlank(v));
        int pt = "*".equals(ptText) ? ANY_PAYLOAD_TYPE : SdpTokens.payloadType(ptText);
        String tail = v.substring(rest);
        int typeEnd = SdpTokens.firstBlank(tail);
        String param = SdpTokens.trim(tail.substring(typeEnd));
        return new RtcpFeedback(pt, tail.substring(0, typeEnd), param.isEmpty() ? null : param);
    }

    /** True if this feedback line applies to the given payload type (directly or through '*'). */
    public boolean appliesTo(int pt) {
        return payloadType == ANY_PAYLOAD_TYPE || payloadType == pt;
    }

    public String toValue() {
        return (payloadType == ANY_PAYLOAD_TYPE ? "*" : Integer.toString(payloadType)) + " " + type
                + (parameter == null ? "" : " " + parameter);
    }

    @Override
    public Attribute toAttribute() {
        return new Attribute(NAME, toValue());
    }
}
