package dev.parley.rtc.sdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code a=fmtp:<format> <format specific parameters>}, RFC 8866 §6.15. The parameters are kept
 * as written; {@link #parameterMap()} reads the usual {@code key=value;key=value} form.
 *
 * @param parameters the raw parameter text, possibly empty (e.g. {@code "111/111"} for RED, RFC 2198)
 */
public record Fmtp(String format, String parameters) implements AttributeValue {
    public static final String NAME = "fmtp";

    public Fmtp {
        SdpTokens.requireWord(format, "fmtp format");
        if (!SdpLine.isValidText(parameters) || !SdpTokens.trim(parameters).equals(parameters)) {
            throw new IllegalArgumentException("fmtp parameters have line breaks or surrounding blanks");
        }
    }

    public Fmtp(int payloadType, String parameters) {
        this(Integer.toString(payloadType), parameters);
    }

    /** Writes the map as {@code key=value;key=value} (an empty value writes just the key). */
    public static Fmtp of(int payloadType, Map<String, String> parameters) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(e.getKey());
            if (!e.getValue().isEmpty()) {
                sb.append('=').append(e.getValue());
            }
        }
        return new Fmtp(payloadType, sb.toString());
    }

    public static Fmtp parse(String value) throws SdpParseException {
        String v = SdpTokens.trim(value);
        if (v.isEmpty()) {
            throw new SdpParseException("fmtp has no format");
        }
        int end = SdpTokens.firstBlank(v);
        return new Fmtp(v.substring(0, end), SdpTokens.trim(v.substring(end)));
    }

    /** The format as an RTP payload type, when it is one. */
    public OptionalInt payloadType() {
        try {
            return OptionalInt.of(SdpTokens.payloadType(format));
        } catch (SdpParseException notRtp) {
            return OptionalInt.empty();
        }
    }

    /**
     * The parameters split at ';' and at the first '=' of each, blanks around them trimmed, in
     * order. An item without '=' maps to "" (so RED's {@code 111/111} appears as a key).
     * A repeated key keeps its first value.
     */
    public Map<String, String> parameterMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String item : parameters.split(";", -1)) {
            String p = SdpTokens.trim(item);
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String key = eq < 0 ? p : SdpTokens.trim(p.substring(0, eq));
            String val = eq < 0 ? "" : SdpTokens.trim(p.substring(eq + 1));
            map.putIfAbsent(key, val);
        }
        return Collections.unmodifiableMap(map);
    }

    /** One parameter's value, if present. */
    public Optional<String> parameter(String key) {
        return Optional.ofNullable(parameterMap().get(key));
    }

    public String toValue() {
        return parameters.isEmpty() ? format : format + " " + parameters;
    }

    @Override
    public Attribute toAttribute() {
        return new Attribute(NAME, toValue());
    }
}
