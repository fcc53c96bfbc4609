package dev.parley.rtc;

/**
 * The W3C {@code RTCBundlePolicy}. Parley always bundles (one transport for every m-line, as
 * browsers do in practice): {@code balanced} and {@code max-compat} are accepted and offer BUNDLE
 * like {@code max-bundle}; a peer that rejects BUNDLE is refused.
 */
public enum RTCBundlePolicy {
    BALANCED("balanced"),
    MAX_COMPAT("max-compat"),
    MAX_BUNDLE("max-bundle");

    private final String w3cName;

    RTCBundlePolicy(String w3cName) {
        this.w3cName = w3cName;
    }

    public String w3cName() {
        return w3cName;
    }

    /** The constant for a W3C spelling. */
    public static RTCBundlePolicy fromW3cName(String w3cName) {
        for (RTCBundlePolicy v : values()) {
            if (v.w3cName.equals(w3cName)) {
                return v;
            }
        }
        throw new IllegalArgumentException("not a RTCBundlePolicy: " + w3cName);
    }

    @Override
    public String toString() {
        return w3cName;
    }
}
