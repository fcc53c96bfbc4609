package dev.parley.rtc.media.gcc;

/**
 * The loss-based rate (draft-ietf-rmcat-gcc-02 §6), judged once per {@value #PERIOD_MICROS} µs of
 * feedback: more than 10 % lost backs off by half the loss ratio; under 2 % grows 8 %, but never
 * above the delay-based rate (so it is ready to act when loss comes, not far out of reach);
 * between the two it holds.
 */
final class LossBasedControl {
    static final long PERIOD_MICROS = 1_000_000;
    static final double HIGH_LOSS = 0.10;
    static final double LOW_LOSS = 0.02;

    private long rateBps;
    private long periodStartMicros = -1;
    private long packets;
    private long lost;
    private double lastLossRatio;

    LossBasedControl(long startBps) {
        this.rateBps = startBps;
    }

    /** A probe saw the path carry {@code bps} without loss to speak of (never lowers the rate). */
    void raiseTo(long bps) {
        rateBps = Math.max(rateBps, bps);
    }

    void add(boolean received) {
        packets++;
        if (!received) {
            lost++;
        }
    }

    /** The loss ratio of the last judged period. */
    double lastLossRatio() {
        return lastLossRatio;
    }

    long update(long nowMicros, long delayBasedBps) {
        if (periodStartMicros < 0) {
            periodStartMicros = nowMicros;
        }
        if (nowMicros - periodStartMicros >= PERIOD_MICROS && packets > 0) {
            lastLossRatio = (double) lost / packets;
            if (lastLossRatio > HIGH_LOSS) {
                rateBps = (long) (Math.min(rateBps, delayBasedBps) * (1 - 0.5 * lastLossRatio));
            } else if (lastLossRatio < LOW_LOSS) {
                rateBps = Math.min((long) (rateBps * 1.08), delayBasedBps);
            }
            packets = 0;
            lost = 0;
            periodStartMicros = nowMicros;
        }
        return rateBps;
    }
}
