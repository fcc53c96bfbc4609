package dev.parley.rtc;

/**
 * The W3C {@code RTCIceRole} of the local ICE agent.
 */
public enum RTCIceRole {
    UNKNOWN("unknown"),
    CONTROLLING("controlling"),
    CONTROLLED("controlled");

    private final String w3cName;

    RTCIceRole(String w3cName) {
        this.w3cName = w3cName;
    }

    public String w3cName() {
        return w3cName;
    }

    /** The constant for a W3C spelling. */
    public static RTCIceRole fromW3cName(String w3cName) {
        for (RTCIceRole v : values()) {
            if (v.w3cName.equals(w3cName)) {
                return v;
            }
        }
        throw new IllegalArgumentException("not a RTCIceRole: " + w3cName);
    }

    @Override
    public String toString() {
        return w3cName;
    }
}
