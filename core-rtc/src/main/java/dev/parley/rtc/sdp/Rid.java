package dev.parley.rtc.sdp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code a=rid:<rid-id> <send|recv> [pt=<fmt>,…][;<param>[=<value>]…]}, RFC 8851 §10
 * (RTP stream restrictions such as {@code max-width=1280}).
 *
 * @param payloadTypes the {@code pt=} list, empty when absent
 * @param params       the other restrictions in order; a parameter without '=' maps to ""
 */
public record Rid(String id, RidDirection direction, List<Integer> payloadTypes, Map<String, String> params)
        implements AttributeValue {
    public static final String NAME = "rid";

    public Rid {
        if (!isRidId(id)) {
            throw new IllegalArgumentException("bad rid-id: " + id);
        }
        Objects.requireNonNull(direction, "direction");
        payloadTypes = List.copyOf(payloadTypes);
        for (int pt : payloadTypes) {
            if (pt < 0 || pt > 127) {
                throw new IllegalArgumentException("payload type out of range: " + pt);
            }
        }
        Map<String, String> copy = new LinkedHashMap<>(params);
        copy.forEach((k, v) -> {
            if (!isParamName(k) || !isParamValue(v)) {
                throw new IllegalArgumentException("bad rid parameter " + k + "=" + v);
            }
        });
        params = Collections.unmodifiableMap(copy);
    }

    public Rid(String id, RidDirection direction) {
        this(id, direction, List.of(), Map.of());
    }

    /** rid-id = 1*(alpha-numeric / "-" / "_"), RFC 8851 §10. */
    static boolean isRidId(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAlnum(c) && c != '-' && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isParamName(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isAlnum(s.charAt(i)) && s.charAt(i) != '-') {
                return false;
            }
        }
        return true;
    }

    /** param-val = *( %x20-3A / %x3C-7E ): printable, no ';'; we also keep values trimmed. */
    private static boolean isParamValue(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E || c == ';') {
                return false;
            }
        }
        return SdpTokens.trim(s).equals(s);
    }

    private static boolean isAlnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    public static Rid parse(String value) throws SdpParseException {
        String v = SdpTokens.trim(value);
        int idEnd = SdpTokens.firstBlank(v);
        String id = v.substring(0, idEnd);
        if (!isRidId(id)) {
            throw new SdpParseException("rid-id " + SdpTokens.quote(id) + " must be letters, digits, '-' or '_'");
        }
        String rest = v.substring(SdpTokens.skipBlanks(v, idEnd));
        int dirEnd = SdpTokens.firstBlank(rest);
        RidDirection dir = RidDirection.parse(rest.substring(0, dirEnd), "rid");
        String paramText = SdpTokens.trim(rest.substring(dirEnd));
        List<Integer> pts = new ArrayList<>();
        Map<String, String> params = new LinkedHashMap<>();
        if (!paramText.isEmpty()) {
            String[] items = paramText.split(";", -1);
            for (int i = 0; i < items.length; i++) {
                String item = SdpTokens.trim(items[i]);
                int eq = item.indexOf('=');
                String name = eq < 0 ? item : item.substring(0, eq);
                String val = eq < 0 ? "" : SdpTokens.trim(item.substring(eq + 1));
                if (i == 0 && "pt".equals(name)) {
                    for (String pt : val.split(",", -1)) {
                        pts.add(SdpTokens.payloadType(SdpTokens.trim(pt)));
                    }
                } else if (!isParamName(name) || !isParamValue(val)) {
                    throw new SdpParseException("rid parameter " + SdpTokens.quote(item) + " is malformed");
                } else {
                    params.putIfAbsent(name, val);
                }
            }
        }
        return new Rid(id, dir, pts, params);
    }

    public String toValue() {
        StringBuilder sb = new StringBuilder(id).append(' ').append(direction.sdpName());
        String sep = " ";
        if (!payloadTypes.isEmpty()) {
            sb.append(" pt=");
            for (int i = 0; i < payloadTypes.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(payloadTypes.get(i));
            }
            sep = ";";
        }
        for (Map.Entry<String, String> e : params.entrySet()) {
            sb.append(sep).append(e.getKey());
            if (!e.getValue().isEmpty()) {
                sb.append('=').append(e.getValue());
            }
            sep = ";";
        }
        return sb.toString();
    }

    @Override
    public Attribute toAttribute() {
        return new Attribute(NAME, toValue());
    }
}
