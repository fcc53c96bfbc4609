package dev.parley.rtc.sdp;

/**
 * Thrown when SDP text (a whole description, one line, or a trickled candidate) is malformed.
 * The message names the line number (when known) and what was wrong with it.
 */
public final class SdpParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int lineNumber;
    private final String detail;

    /** A problem with no line number yet (a single value parsed on its own). */
    public SdpParseException(String detail) {
        this(0, detail);
    }

    public SdpParseException(int lineNumber, String detail) {
        super(lineNumber > 0 ? "line " + lineNumber + ": " + detail : detail);
        this.lineNumber = lineNumber;
        this.detail = detail;
    }

    /** 1-based line number, or 0 when the problem is not tied to a line of a description. */
    public int lineNumber() {
        return lineNumber;
    }

    /** The message without the "line N: " prefix. */
    public String detail() {
        return detail;
    }

    /** The same problem, placed at a line of a description and prefixed with context. */
    SdpParseException at(int line, String context) {
        return new SdpParseException(line, context + detail);
    }
}
