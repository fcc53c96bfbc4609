package dev.parley.rtc.sdp;

import java.util.List;

/**
 * Checks a section's lines: order of the mandatory lines and which line types may appear where
 * (RFC 8866 §5 and §9 grammar), and the value of every line and attribute this package
 * understands. Unknown line types and attributes are accepted and kept.
 */
final class SdpValidator {
    /** Line types that belong to the session section only (RFC 8866 §9 session-description). */
    private static final String SESSION_ONLY = "vosueptrz";

    private SdpValidator() {}

    /** @param firstLine the 1-based line number of {@code lines.get(0)} in the whole description */
    static void checkSession(List<SdpLine> lines, int firstLine) throws SdpParseException {
        expect(lines, 0, 'v', firstLine, "a description must start with v=0");
        expect(lines, 1, 'o', firstLine, "the second line must be o= (RFC 8866 §5)");
        expect(lines, 2, 's', firstLine, "the third line must be s= (RFC 8866 §5)");
        boolean timing = false;
        for (int i = 0; i < lines.size(); i++) {
            SdpLine line = lines.get(i);
            int lineNo = firstLine + i;
            char t = line.type();
            if (i > 2 && (t == 'v' || t == 'o' || t == 's')) {
                throw new SdpParseException(lineNo, "repeated " + t + "= line");
            }
            if (t == 'm') {
                throw new SdpParseException(lineNo, "m= line inside the session section");
            }
            if (t == 'r' && !timing) {
                throw new SdpParseException(lineNo, "r= line without a preceding t= line");
            }
            timing |= t == 't';
            checkValue(line, lineNo);
        }
    }

    static void checkMedia(List<SdpLine> lines, int firstLine) throws SdpParseException {
        expect(lines, 0, 'm', firstLine, "a media description must start with m=");
        for (int i = 0; i < lines.size(); i++) {
            SdpLine line = lines.get(i);
            int lineNo = firstLine + i;
            if ((i > 0 && line.type() == 'm') || SESSION_ONLY.indexOf(line.type()) >= 0) {
                throw new SdpParseException(lineNo, line.type() + "= is not allowed in a media description");
            }
            checkValue(line, lineNo);
        }
    }

    private static void expect(List<SdpLine> lines, int index, char type, int firstLine, String message)
            throws SdpParseException {
        if (lines.size() <= index || lines.get(index).type() != type) {
            throw new SdpParseException(firstLine + Math.min(index, lines.size()), message);
        }
    }

    private static void checkValue(SdpLine line, int lineNo) throws SdpParseException {
        String v = line.value();
        try {
            switch (line.type()) {
                case 'v':
                    if (!"0".equals(v)) {
                        throw new SdpParseException("protocol version must be 0, got " + SdpTokens.quote(v));
                    }
                    break;
                case 'o':
                    Origin.parse(v);
                    break;
                case 'c':
                    Connection.parse(v);
                    break;
                case 'b':
                    Bandwidth.parse(v);
                    break;
                case 't':
                    Timing.parse(v);
                    break;
                case 'm':
                    MediaLine.parse(v);
                    break;
                case 'a':
                    KnownAttributes.check(Attribute.parse(v));
                    break;
                default:
                    break; // s, i, u, e, p, r, z, k and unknown types: free text, kept as is
            }
        } catch (SdpParseException e) {
            throw e.at(lineNo, line.type() == 'a' ? "" : line.type() + "=: ");
        }
    }
}
