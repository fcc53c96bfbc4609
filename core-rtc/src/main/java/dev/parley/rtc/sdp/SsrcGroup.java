package dev.parley.rtc.sdp;

import java.util.ArrayList;
import java.util.List;

/** {@code a=ssrc-group:<semantics> *(SP <ssrc-id>)}, RFC 5576 §4.2 (FID for RTX, RFC 4588 §8; SIM). */
public record SsrcGroup(String semantics, List<Long> ssrcs) implements AttributeValue {
    public static final String NAME = "ssrc-group";

    public SsrcGroup {
        if (!SdpTokens.isToken(semantics)) {
            throw new IllegalArgumentException("ssrc-group semantics must be a token: " + semantics);
        }
        ssrcs = List.copyOf(ssrcs);
        for (long s : ssrcs) {
            if (s < 0 || s > Ssrc.MAX_SSRC) {
                throw new IllegalArgumentException("ssrc out of range: " + s);
            }
        }
    }

    public static SsrcGroup parse(String value) throws SdpParseException {
        List<String> f = SdpTokens.split(value);
        if (f.isEmpty()) {
            throw new SdpParseException("ssrc-group has no semantics");
        }
        String semantics = SdpTokens.token(f.get(0), "ssrc-group semantics");
        List<Long> ids = new ArrayList<>();
        for (String s : f.subList(1, f.size())) {
            ids.add(Ssrc.ssrcId(s));
        }
        return new SsrcGroup(semantics, ids);
    }

    public String toValue() {
        StringBuilder sb = new StringBuilder(semantics);
        for (long s : ssrcs) {
            sb.append(' ').append(s);
        }
        return sb.toString();
    }

    @Override
    public Attribute toAttribute() {
        return new Attribute(NAME, toValue());
    }
}
