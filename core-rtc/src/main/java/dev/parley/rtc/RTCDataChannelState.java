package dev.parley.rtc;

/**
 * The W3C {@code RTCDataChannelState}. A channel is connecting until it is announced (DCEP)
 * or, when negotiated, until the association is up; closing while its streams are reset.
 */
public enum RTCDataChannelState {
    CONNECTING("connecting"),
    OPEN("open"),
    CLOSING("closing"),
    CLOSED("closed");

    private final String w3cName;

    RTCDataChannelState(String w3cName) {
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
