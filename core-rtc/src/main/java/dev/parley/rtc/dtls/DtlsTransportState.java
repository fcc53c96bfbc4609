package dev.parley.rtc.dtls;

/**
 * The W3C {@code RTCDtlsTransportState}. {@link #w3cName()} is the spelling the web API uses.
 *
 * <pre>
 *  new ──▶ connecting ──▶ connected ──▶ closed   (close_notify sent or received)
 *               │              │
 *               └──────────────┴──────▶ failed   (alert, bad fingerprint, timeout)
 * </pre>
 *
 * {@code closed} and {@code failed} are final.
 */
public enum DtlsTransportState {
    NEW("new"),
    CONNECTING("connecting"),
    CONNECTED("connected"),
    CLOSED("closed"),
    FAILED("failed");

    private final String w3cName;

    DtlsTransportState(String w3cName) {
        this.w3cName = w3cName;
    }

    public String w3cName() {
        return w3cName;
    }

    boolean isFinal() {
        return this == CLOSED || this == FAILED;
    }

    @Override
    public String toString() {
        return w3cName;
    }
}
