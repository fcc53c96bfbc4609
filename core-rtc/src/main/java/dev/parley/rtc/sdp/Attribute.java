package dev.parley.rtc.sdp;

import java.util.Objects;

/**
 * An {@code a=} line, RFC 8866 §5.13: a property attribute ({@code a=rtcp-mux}, value null) or a
 * value attribute ({@code a=mid:0}). The value is kept exactly as written (including, e.g., the
 * leading space Chromium puts in {@code a=msid-semantic: WMS}).
 */
public record Attribute(String name, String value) {
    public Attribute {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.indexOf(':') >= 0 || !SdpLine.isValidText(name)) {
            throw new IllegalArgumentException("bad attribute name: " + name);
        }
        if (value != null && !SdpLine.isValidText(value)) {
            throw new IllegalArgumentException("attribute value may not contain NUL, CR or LF");
        }
    }

    /** A property attribute such as {@code rtcp-mux}. */
    public static Attribute flag(String name) {
        return new Attribute(name, null);
    }

    /** Splits the text after {@code a=} at the first colon. */
    public static Attribute parse(String text) throws SdpParseException {
        int colon = text.indexOf(':');
        String name = nameOf(text);
        if (name.isEmpty()) {
            throw new SdpParseException("attribute has an empty name: " + SdpTokens.quote(text));
        }
        if (!SdpLine.isValidText(text)) {
            throw new SdpParseException("attribute contains NUL, CR or LF");
        }
        return new Attribute(name, colon < 0 ? null : text.substring(colon + 1));
    }

    /** The attribute name of an a= line's value, without parsing the rest. */
    static String nameOf(String lineValue) {
        int colon = lineValue.indexOf(':');
        return colon < 0 ? lineValue : lineValue.substring(0, colon);
    }

    public boolean isFlag() {
        return value == null;
    }

    public SdpLine toLine() {
        return new SdpLine('a', toString());
    }

    /** The text after {@code a=}: {@code name} or {@code name:value}. */
    @Override
    public String toString() {
        return value == null ? name : name + ":" + value;
    }
}
