package dev.parley.rtc.sdp;

import java.util.Objects;

/**
 * One {@code <type>=<value>} line exactly as received (RFC 8866 §5), without its line ending.
 * Descriptions keep their lines in order; typed views are read from them, so unknown lines and
 * attributes survive a round trip unchanged.
 */
public record SdpLine(char type, String value) {
    public SdpLine {
        Objects.requireNonNull(value, "value");
        if (!isTypeLetter(type)) {
            throw new IllegalArgumentException("SDP line type must be a letter: " + type);
        }
        if (!isValidText(value)) {
            throw new IllegalArgumentException("SDP line value may not contain NUL, CR or LF");
        }
    }

    public static SdpLine attribute(Attribute attribute) {
        return new SdpLine('a', attribute.toString());
    }

    static boolean isTypeLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** RFC 8866 §9 byte-string/text: anything but NUL, CR and LF. */
    static boolean isValidText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\0' || c == '\r' || c == '\n') {
                return false;
            }
        }
        return true;
    }

    /** The line as written, without line ending: {@code "a=mid:0"}. */
    @Override
    public String toString() {
        return type + "=" + value;
    }
}
