package dev.parley.rtc;

/** The W3C {@code RTCIceTransportPolicy}: use every candidate, or only relayed ones. */
public enum RTCIceTransportPolicy {
    ALL("all"),
    RELAY("relay");

    private final String w3cName;

    RTCIceTransportPolicy(String w3cName) {
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
