package dev.parley.rtc;

/**
 * The W3C {@code RTCDtlsTransportState}.
 */
public enum RTCDtlsTransportState {
    NEW("new"),
    CONNECTING("connecting"),
    CONNECTED("connected"),
    CLOSED("closed"),
    FAILED("failed");

    private final String w3cName;

    RTCDtlsTransportState(String w3cName) {
        this.w3cName = w3cName;
    }

    public String w3cName() {
        return w3cName;
    }

    /** The constant for a W3C spelling. */
    public static RTCDtlsTransportState fromW3cName(String w3cName) {
        for (RTCDtlsTransportState v : values()) {
            if (v.w3cName.equals(w3cName)) {
                return v;
            }
        }
        throw new IllegalArgumentException("not a RTCDtlsTransportState: " + w3cName);
    }

    @Override
    public String toString() {
        return w3cName;
    }
}
