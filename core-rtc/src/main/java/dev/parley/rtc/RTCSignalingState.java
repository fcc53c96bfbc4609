package dev.parley.rtc;

/**
 * The W3C {@code RTCSignalingState}: where the offer/answer exchange stands (JSEP, RFC 8829 §3.2).
 *
 * <pre>
 *  stable ──setLocal(offer)──▶ have-local-offer ──setRemote(answer)──▶ stable
 *  stable ──setRemote(offer)─▶ have-remote-offer ─setLocal(answer)───▶ stable
 *  have-local-offer ──setRemote(pranswer)─▶ have-remote-pranswer ──setRemote(answer)─▶ stable
 *  have-remote-offer ─setLocal(pranswer)──▶ have-local-pranswer ───setLocal(answer)──▶ stable
 *  have-*-offer ──rollback (either setter)──▶ stable      any ──close()──▶ closed
 * </pre>
 */
public enum RTCSignalingState {
    STABLE("stable"),
    HAVE_LOCAL_OFFER("have-local-offer"),
    HAVE_REMOTE_OFFER("have-remote-offer"),
    HAVE_LOCAL_PRANSWER("have-local-pranswer"),
    HAVE_REMOTE_PRANSWER("have-remote-pranswer"),
    CLOSED("closed");

    private final String w3cName;

    RTCSignalingState(String w3cName) {
        this.w3cName = w3cName;
    }

    public String w3cName() {
        return w3cName;
    }

    /** The constant for a W3C spelling. */
    public static RTCSignalingState fromW3cName(String w3cName) {
        for (RTCSignalingState v : values()) {
            if (v.w3cName.equals(w3cName)) {
                return v;
            }
        }
        throw new IllegalArgumentException("not a RTCSignalingState: " + w3cName);
    }

    @Override
    public String toString() {
        return w3cName;
    }
}
