package dev.parley.rtc.media.gcc;

/**
 * The delay-based rate (draft-ietf-rmcat-gcc-02 §5.5): additive-increase, multiplicative-decrease
 * driven by the overuse detector.
 *
 * <pre>
 *            NORMAL                  OVERUSE
 *   HOLD ───────────▶ INCREASE ───────────────▶ DECREASE (rate = 0.85 × acknowledged)
 *    ▲  ◀─ UNDERUSE ──   │  ×1.08/s far from the link's capacity,       │
 *    │                   │  + one packet per response time near it      │
 *    └───────────────────┴──────────────────────────────────────────────┘
 * </pre>
 *
 * The link capacity is learned from the acknowledged rates at decreases; an increase never
 * exceeds 1.5 × what the receiver acknowledged, so an application sending less than its budget
 * does not inflate it.
 */
final class AimdRateControl {
    static final double BETA = 0.85;
    static final double MULTIPLICATIVE_PER_SECOND = 1.08;
    static final long PACKET_BITS = 1200 * 8;

    private enum State { HOLD, INCREASE, DECREASE }

    private final long minBps;
    private final long maxBps;
    private long rateBps;
    private State state = State.INCREASE;
    private long lastUpdateMicros = -1;
    private long lastDecreaseMicros = Long.MIN_VALUE / 2;
    /** Mean and variance of the acknowledged rate at decreases, in kbit/s (-1: not learned). */
    private double capacityKbps = -1;
    private double capacityVariance = 0.4;

    AimdRateControl(long startBps, long minBps, long maxBps) {
        this.rateBps = startBps;
        this.minBps = minBps;
        this.maxBps = maxBps;
    }

    long rateBps() {
        return rateBps;
    }

    /** A probe saw the path carry {@code bps}: start from there (never lowers the rate). */
    void raiseTo(long bps) {
        rateBps = Math.max(rateBps, Math.min(maxBps, bps));
    }

    /**
     * @param acknowledgedBps what the receiver got lately, or -1 when not known yet
     * @param rttMicros the round-trip time, for pacing decreases and additive increases
     */
    long update(BandwidthUsage usage, long acknowledgedBps, long nowMicros, long rttMicros) {
        long elapsed = lastUpdateMicros < 0 ? 0 : Math.min(nowMicros - lastUpdateMicros, 1_000_000);
        lastUpdateMicros = nowMicros;
        switch (usage) {
            case OVERUSE -> state = State.DECREASE;
            case UNDERUSE -> state = State.HOLD;
            case NORMAL -> {
                if (state != State.INCREASE) {
                    state = State.INCREASE;
                    return rateBps; // one interval of normal before growing again
                }
            }
        }
        if (acknowledgedBps > 0 && capacityKbps > 0
                && acknowledgedBps / 1000.0 > capacityKbps + 3 * Math.sqrt(capacityVariance * capacityKbps)) {
            capacityKbps = -1; // the path carries far more than we learned: learn it again
        }
        switch (state) {
            case INCREASE -> rateBps = increase(elapsed, acknowledgedBps, rttMicros);
            case DECREASE -> {
                if (nowMicros - lastDecreaseMicros >= rttMicros) { // one decrease per round trip
                    decrease(acknowledgedBps);
                    lastDecreaseMicros = nowMicros;
                }
                state = State.HOLD;
            }
            case HOLD -> { }
        }
        rateBps = Math.max(minBps, Math.min(maxBps, rateBps));
        return rateBps;
    }

    private long increase(long elapsedMicros, long acknowledgedBps, long rttMicros) {
        double seconds = elapsedMicros / 1e6;
        long next;
        boolean nearCapacity = capacityKbps > 0
                && rateBps / 1000.0 > capacityKbps - 3 * Math.sqrt(capacityVariance * capacityKbps);
        if (nearCapacity) {
            double responseSeconds = (rttMicros + 100_000) / 1e6;
            next = rateBps + Math.max(1000, (long) (PACKET_BITS * seconds / responseSeconds));
        } else {
            next = (long) (rateBps * Math.pow(MULTIPLICATIVE_PER_SECOND, seconds)) + (seconds > 0 ? 1000 : 0);
        }
        if (acknowledgedBps > 0) {
            next = Math.min(next, Math.max(rateBps, (long) (1.5 * acknowledgedBps) + 10_000));
        }
        return next;
    }

    private void decrease(long acknowledgedBps) {
        long base = acknowledgedBps > 0 ? acknowledgedBps : rateBps;
        long next = (long) (BETA * base);
        if (next > rateBps) {
            next = (long) (BETA * rateBps); // a decrease decreases, whatever the receiver reported
        }
        rateBps = next;
        if (acknowledgedBps > 0) {
            double kbps = acknowledgedBps / 1000.0;
            if (capacityKbps < 0) {
                capacityKbps = kbps;
            } else {
                double error = capacityKbps - kbps;
                capacityKbps = 0.95 * capacityKbps + 0.05 * kbps;
                double normalized = Math.max(capacityKbps, 1);
                capacityVariance = Math.max(0.4, Math.min(2.5, 0.95 * capacityVariance + 0.05 * error * error / normalized));
            }
        }
    }
}
