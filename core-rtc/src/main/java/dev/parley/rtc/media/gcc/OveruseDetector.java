package dev.parley.rtc.media.gcc;

/**
 * Compares the delay trend with an adaptive threshold γ (draft-ietf-rmcat-gcc-02 §5.4, §5.5): over
 * γ for more than {@value #OVERUSE_TIME_MS} ms and still rising is overuse, under −γ is underuse.
 * γ follows the trend's magnitude — slowly up ({@value #K_UP}), faster down ({@value #K_DOWN}) — so
 * that the detector neither starves against a loss-based TCP flow nor fires on noise.
 */
final class OveruseDetector {
    static final double INITIAL_THRESHOLD = 12.5;
    static final double K_UP = 0.0087;
    static final double K_DOWN = 0.039;
    static final double OVERUSE_TIME_MS = 10;
    static final double MIN_THRESHOLD = 6;
    static final double MAX_THRESHOLD = 600;
    /** Spikes far above γ (a route change, a stall) do not move it (§5.5). */
    static final double MAX_ADAPT_OFFSET = 15;

    private double threshold = INITIAL_THRESHOLD;
    private double timeOverUsingMs = -1;
    private int overuseCount;
    private double previousTrend;
    private long lastUpdateMicros = -1;
    private BandwidthUsage state = BandwidthUsage.NORMAL;

    BandwidthUsage detect(double trend, double sendDeltaMs, long nowMicros) {
        if (trend > threshold) {
            timeOverUsingMs = timeOverUsingMs < 0 ? sendDeltaMs / 2 : timeOverUsingMs + sendDeltaMs;
            overuseCount++;
            if (timeOverUsingMs > OVERUSE_TIME_MS && overuseCount > 1 && trend >= previousTrend) {
                timeOverUsingMs = 0;
                overuseCount = 0;
                state = BandwidthUsage.OVERUSE;
            }
        } else if (trend < -threshold) {
            timeOverUsingMs = -1;
            overuseCount = 0;
            state = BandwidthUsage.UNDERUSE;
        } else {
            timeOverUsingMs = -1;
            overuseCount = 0;
            state = BandwidthUsage.NORMAL;
        }
        previousTrend = trend;
        adaptThreshold(trend, nowMicros);
        return state;
    }

    private void adaptThreshold(double trend, long nowMicros) {
        if (lastUpdateMicros < 0) {
            lastUpdateMicros = nowMicros;
        }
        double magnitude = Math.abs(trend);
        if (magnitude > threshold + MAX_ADAPT_OFFSET) {
            lastUpdateMicros = nowMicros;
            return;
        }
        double k = magnitude < threshold ? K_DOWN : K_UP;
        double elapsedMs = Math.min((nowMicros - lastUpdateMicros) / 1000.0, 100);
        threshold += k * (magnitude - threshold) * elapsedMs;
        threshold = Math.max(MIN_THRESHOLD, Math.min(MAX_THRESHOLD, threshold));
        lastUpdateMicros = nowMicros;
    }
}
