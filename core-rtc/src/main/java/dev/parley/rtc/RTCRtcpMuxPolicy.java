package dev.parley.rtc;

/**
 * The W3C {@code RTCRtcpMuxPolicy}; {@code require} is the only value the spec still defines.
 */
public enum RTCRtcpMuxPolicy {
    REQUIRE("require");

    private final String w3cName;

    RTCRtcpMuxPolicy(String w3cName) {
        this.w3cName = w3cName;
    }

    public String w3cName() {
        return w3cName;
    }

    /** The constant for a W3C spelling. */
    public static RTCRtcpMuxPolicy fromW3cName(String w3cName) {
        for (RTCRtcpMuxPolicy v : values()) {
            if (v.w3cName.equals(w3cName)) {
                return v;
            }
        }
        throw new IllegalArgumentException("not a RTCRtcpMuxPolicy: " + w3cName);
    }

    @Override
    public String toString() {
        return w3cName;
    }
}
