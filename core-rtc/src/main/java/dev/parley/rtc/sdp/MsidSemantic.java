package dev.parley.rtc.sdp;

import java.util.List;

/**
 * The legacy session attribute {@code a=msid-semantic: WMS [<stream-id> ...|*]}
 * (draft-ietf-mmusic-msid before RFC 8830). Chromium still writes it, with a space after the
 * colon; the raw attribute keeps that space, {@link #toValue()} writes it the same way.
 */
public record MsidSemantic(String semantic, List<String> streamIds) implements AttributeValue {
    public static final String NAME = "msid-semantic";

    public MsidSemantic {
        if (!SdpTokens.isToken(semantic)) {
            throw new IllegalArgumentException("msid-semantic must be a token: " + semantic);
        }
        streamIds = List.copyOf(streamIds);
        streamIds.forEach(s -> SdpTokens.requireWord(s, "stream id"));
    }

    public static MsidSemantic parse(String value) throws SdpParseException {
        List<String> f = SdpTokens.split(value);
        if (f.isEmpty()) {
            throw new SdpParseException("msid-semantic has no semantic");
        }
        return new MsidSemantic(SdpTokens.token(f.get(0), "msid semantic"), f.subList(1, f.size()));
    }

    /** Chromium's spelling: {@code " WMS id1 id2"}. */
    public String toValue() {
        return " " + semantic + (streamIds.isEmpty() ? "" : " " + String.join(" ", streamIds));
    }

    @Override
    public Attribute toAttribute() {
        return new Attribute(NAME, toValue());
    }
}
