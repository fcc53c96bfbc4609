package dev.parley.rtc.sdp;

import java.util.List;

/**
 * A {@code t=<start-time> <stop-time>} line (RFC 8866 §5.9) with the raw values of the
 * {@code r=} lines that follow it (§5.10). WebRTC always uses {@code t=0 0}.
 */
public record Timing(long start, long stop, List<String> repeats) {
    /** NTP seconds, RFC 8866 §5.9; bounded so the value fits comfortably in a long. */
    private static final long MAX_TIME = 99_999_999_999L;

    public Timing {
        repeats = List.copyOf(repeats);
    }

    public Timing(long start, long stop) {
        this(start, stop, List.of());
    }

    /** Parses the {@code t=} value (no repeats). */
    public static Timing parse(String value) throws SdpParseException {
        List<String> f = SdpTokens.fields(value, 2, "timing");
        return new Timing(SdpTokens.parseLong(f.get(0), 0, MAX_TIME, "start time"),
                SdpTokens.parseLong(f.get(1), 0, MAX_TIME, "stop time"));
    }

    public String toValue() {
        return start + " " + stop;
    }
}
