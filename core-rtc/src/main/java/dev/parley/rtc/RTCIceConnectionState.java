package dev.parley.rtc;

/**
 * The W3C {@code RTCIceConnectionState}: how far ICE has got. {@link #w3cName()} is the
 * spelling the web API and {@code getStats} use.
 *
 * <pre>
 *  new ──▶ checking ──▶ connected ──▶ completed
 *              │            │  ▲
 *              │            ▼  │ (consent regained)
 *              │        disconnected ──▶ failed
 *              └──────────────────────▶ failed        any ──▶ closed
 * </pre>
 */
public enum RTCIceConnectionState {
    NEW("new"),
    CHECKING("checking"),
    CONNECTED("connected"),
    COMPLETED("completed"),
    DISCONNECTED("disconnected"),
    FAILED("failed"),
    CLOSED("closed");

    private final String w3cName;

    RTCIceConnectionState(String w3cName) {
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
