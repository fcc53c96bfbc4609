package dev.parley.rtc;

/** The W3C {@code RTCIceGatheringState}: {@code new}, {@code gathering}, {@code complete}. */
public enum RTCIceGatheringState {
    NEW("new"),
    GATHERING("gathering"),
    COMPLETE("complete");

    private final String w3cName;

    RTCIceGatheringState(String w3cName) {
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
