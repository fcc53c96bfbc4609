package dev.parley.rtc.sdp;

import java.util.List;

/**
 * {@code a=group:<semantics> *(SP <mid>)}, RFC 5888 §5; BUNDLE semantics per RFC 9143 §7.1.
 */
public record Group(String semantics, List<String> mids) implements AttributeValue {
    public static final String NAME = "group";
    public static final String BUNDLE = "BUNDLE";

    public Group {
        if (!SdpTokens.isToken(semantics)) {
            throw new IllegalArgumentException("group semantics must be a token: " + semantics);
        }
        mids = List.copyOf(mids);
        mids.forEach(m -> SdpTokens.requireWord(m, "mid"));
    }

    public static Group bundle(List<String> mids) {
        return new Group(BUNDLE, mids);
    }

    public static Group parse(String value) throws SdpParseException {
        List<String> f = SdpTokens.split(value);
        if (f.isEmpty()) {
            throw new SdpParseException("group has no semantics");
        }
        String semantics = SdpTokens.token(f.get(0), "group semantics");
        return new Group(semantics, f.subList(1, f.size()));
    }

    public boolean isBundle() {
        return BUNDLE.equals(semantics);
    }

    public String toValue() {
        return mids.isEmpty() ? semantics : semantics + " " + String.join(" ", mids);
    }

    @Override
    public Attribute toAttribute() {
        return new Attribute(NAME, toValue());
    }
}
