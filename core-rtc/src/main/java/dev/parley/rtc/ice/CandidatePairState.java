package dev.parley.rtc.ice;

/**
 * The state of a candidate pair in a check list (RFC 8445 §6.1.2.6), spelled as W3C
 * {@code RTCStatsIceCandidatePairState}:
 *
 * <pre>
 *   frozen ──unfreeze──▶ waiting ──check sent──▶ in-progress ──success──▶ succeeded
 *                           ▲                        │
 *                           └──── triggered check ───┤ (a retry is a new check)
 *                                                    └──timeout / error──▶ failed
 * </pre>
 */
public enum CandidatePairState {
    FROZEN("frozen"),
    WAITING("waiting"),
    IN_PROGRESS("in-progress"),
    SUCCEEDED("succeeded"),
    FAILED("failed");

    private final String w3cName;

    CandidatePairState(String w3cName) {
        this.w3cName = w3cName;
    }

    public String w3cName() {
        return w3cName;
    }
}
