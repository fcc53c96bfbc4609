package dev.parley.rtc.sdp;

import java.util.ArrayList;
import java.util.List;

/** Lexical helpers shared by all SDP value parsers: splitting, range-checked numbers, tokens. */
final class SdpTokens {
    private static final int MAX_QUOTED = 60;

    private SdpTokens() {}

    /**
     * Splits on runs of spaces (SP, and leniently HTAB), ignoring leading and trailing blanks.
     * RFC 8866 uses exactly one SP as separator; browsers are lenient, so are we.
     */
    static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && isBlank(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isBlank(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** Index just past the first run of blanks after the first word, or -1 if there is no second word. */
    static int restStart(String s) {
        int i = skipBlanks(s, 0);
        while (i < s.length() && !isBlank(s.charAt(i))) {
            i++;
        }
        i = skipBlanks(s, i);
        return i < s.length() ? i : -1;
    }

    /** Index of the first blank, or the length when there is none. */
    static int firstBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isBlank(s.charAt(i))) {
                return i;
            }
        }
        return s.length();
    }

    static int skipBlanks(String s, int i) {
        while (i < s.length() && isBlank(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Strips leading and trailing blanks (SP/HTAB only, unlike String.strip). */
    static String trim(String s) {
        int start = skipBlanks(s, 0);
        int end = s.length();
        while (end > start && isBlank(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Parses decimal digits only (no sign), checking [min, max]; never lets NumberFormatException out. */
    static long parseLong(String s, long min, long max, String what) throws SdpParseException {
        if (s.isEmpty() || s.length() > 19) {
            throw notNumber(s, min, max, what);
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw notNumber(s, min, max, what);
            }
            if (v > (Long.MAX_VALUE - (c - '0')) / 10) {
                throw notNumber(s, min, max, what);
            }
            v = v * 10 + (c - '0');
        }
        if (v < min || v > max) {
            throw notNumber(s, min, max, what);
        }
        return v;
    }

    static int parseInt(String s, int min, int max, String what) throws SdpParseException {
        return (int) parseLong(s, min, max, what);
    }

    static int port(String s, String what) throws SdpParseException {
        return parseInt(s, 0, 65535, what);
    }

    /** RTP payload type, RFC 3551 §3: 7 bits. */
    static int payloadType(String s) throws SdpParseException {
        return parseInt(s, 0, 127, "payload type");
    }

    private static SdpParseException notNumber(String s, long min, long max, String what) {
        return new SdpParseException(what + " " + quote(s) + " is not a number in " + min + ".." + max);
    }

    /** RFC 8866 §9 token: 1*(token-char). */
    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || "!#$%&'*+-.^_`{|}~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static String token(String s, String what) throws SdpParseException {
        if (!isToken(s)) {
            throw new SdpParseException(what + " " + quote(s) + " is not a valid token");
        }
        return s;
    }

    /** Requires exactly {@code count} blank-separated fields. */
    static List<String> fields(String value, int count, String what) throws SdpParseException {
        List<String> f = split(value);
        if (f.size() != count) {
            throw new SdpParseException(what + " needs " + count + " fields, got " + f.size() + " in " + quote(value));
        }
        return f;
    }

    /** Quotes a value for an error message, shortened so a huge line cannot flood a log. */
    static String quote(String s) {
        String shown = s.length() > MAX_QUOTED ? s.substring(0, MAX_QUOTED) + "…" : s;
        return "'" + shown + "'";
    }

    /** A word: non-empty, no blanks, no NUL/CR/LF. For checking values given to constructors. */
    static boolean isWord(String s) {
        if (s == null || s.isEmpty() || !SdpLine.isValidText(s)) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (isBlank(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Constructor check for values that are written as one field of a line. */
    static String requireWord(String s, String what) {
        if (!isWord(s)) {
            throw new IllegalArgumentException(what + " must be non-empty without blanks: " + s);
        }
        return s;
    }
}
