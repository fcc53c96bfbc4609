package dev.parley.rtc;

/**
 * The W3C {@code RTCPeerConnectionState}: the worst of the ICE and DTLS transports' states, as
 * the W3C spec's table combines them.
 */
public enum RTCPeerConnectionState {
    NEW("new"),
    CONNECTING("connecting"),
    CONNECTED("connected"),
    DISCONNECTED("disconnected"),
    FAILED("failed"),
    CLOSED("closed");

    private final String w3cName;

    RTCPeerConnectionState(String w3cName) {
        this.w3cName = w3cName;
    }

    public String w3cName() {
        return w3cName;
    }

    /** The constant for a W3C spelling. */
    public static RTCPeerConnectionState fromW3cName(String w3cName) {
        for (RTCPeerConnectionState v : values()) {
            if (v.w3cName.equals(w3cName)) {
                return v;
            }
        }
        throw new IllegalArgumentException("not a RTCPeerConnectionState: " + w3cName);
    }

    @Override
    public String toString() {
        return w3cName;
    }
}
