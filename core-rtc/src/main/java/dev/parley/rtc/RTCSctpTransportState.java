package dev.parley.rtc;

/**
 * The W3C {@code RTCSctpTransportState}: the SCTP association under the data channels.
 */
public enum RTCSctpTransportState {
    CONNECTING("connecting"),
    CONNECTED("connected"),
    CLOSED("closed");

    private final String w3cName;

    RTCSctpTransportState(String w3cName) {
        this.w3cName = w3cName;
    }

    public String w3cName() {
        return w3cName;
    }

    @Override
    public String toString() {
        return w3cName;
    }
}
