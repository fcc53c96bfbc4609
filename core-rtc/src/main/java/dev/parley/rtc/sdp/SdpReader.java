package dev.parley.rtc.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SDP text into {@code <type>=<value>} lines (RFC 8866 §5). Lines end in CRLF as the RFC
 * says, or in a bare LF as after signaling that strips CR; the last line may lack an ending and
 * trailing empty lines are ignored. Line i of the result is line i+1 of the text.
 */
final class SdpReader {
    private SdpReader() {}

    static List<SdpLine> lines(String text) throws SdpParseException {
        List<SdpLine> lines = new ArrayList<>();
        int pos = 0;
        int lineNo = 0;
        int blankLine = 0;
        while (pos < text.length()) {
            lineNo++;
            int lf = text.indexOf('\n', pos);
            int end = lf < 0 ? text.length() : lf;
            int next = lf < 0 ? text.length() : lf + 1;
            if (end > pos && text.charAt(end - 1) == '\r') {
                end--;
            }
            String line = text.substring(pos, end);
            pos = next;
            if (line.isEmpty()) {
                if (blankLine == 0) {
                    blankLine = lineNo;
                }
                continue;
            }
            if (blankLine != 0) {
                throw new SdpParseException(blankLine, "empty line inside the description");
            }
            lines.add(toLine(line, lineNo));
        }
        if (lines.isEmpty()) {
            throw new SdpParseException("empty SDP");
        }
        return lines;
    }

    private static SdpLine toLine(String line, int lineNo) throws SdpParseException {
        if (line.length() < 2 || line.charAt(1) != '=' || !SdpLine.isTypeLetter(line.charAt(0))) {
            throw new SdpParseException(lineNo, "expected <letter>=<value>, got " + SdpTokens.quote(line));
        }
        String value = line.substring(2);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r') {
                throw new SdpParseException(lineNo, "stray CR inside a line");
            }
            if (c == '\0') {
                throw new SdpParseException(lineNo, "NUL character inside a line");
            }
        }
        return new SdpLine(line.charAt(0), value);
    }
}
