package dev.parley.rtc;

/**
 * The W3C {@code RTCRtpTransceiverDirection}, the {@code a=sendrecv}… of the transceiver's m-line.
 */
public enum RTCRtpTransceiverDirection {
    SENDRECV("sendrecv"),
    SENDONLY("sendonly"),
    RECVONLY("recvonly"),
    INACTIVE("inactive"),
    STOPPED("stopped");

    private final String w3cName;

    RTCRtpTransceiverDirection(String w3cName) {
        this.w3cName = w3cName;
    }

    public String w3cName() {
        return w3cName;
    }

    /** The constant for a W3C spelling. */
    public static RTCRtpTransceiverDirection fromW3cName(String w3cName) {
        for (RTCRtpTransceiverDirection v : values()) {
            if (v.w3cName.equals(w3cName)) {
                return v;
            }
        }
        throw new IllegalArgumentException("not a RTCRtpTransceiverDirection: " + w3cName);
    }

    @Override
    public String toString() {
        return w3cName;
    }
}
