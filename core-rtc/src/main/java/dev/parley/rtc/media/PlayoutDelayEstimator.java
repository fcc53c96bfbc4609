package dev.parley.rtc.media;

/**
 * How long an audio jitter buffer should hold packets: the target playout delay, measured from the
 * fastest packet's path, so that a packet delayed as much as the recent ones still arrives before
 * its playout time. On the executor, like the buffer that owns it.
 *
 * <p>Each packet's <em>relative delay</em> is its transit time (arrival minus media time) minus the
 * smallest transit seen, which is the baseline of an undisturbed path. The baseline creeps up by
 * {@link #DRIFT} so that a sender clock slower than ours (transit growing steadily) is not taken
 * for rising jitter. The raw target is one playout frame plus the larger of that relative delay and
 * three times the RFC 3550 interarrival jitter ({@link InterarrivalJitter}, §6.4.1): the jitter term
 * keeps a margin when the delay varies smoothly, the relative delay covers a spike at once.
 *
 * <p>The target grows at once (a late packet is a lost packet) and shrinks by at most
 * {@link #SHRINK_PER_SECOND}, so one quiet second does not undo what a spike taught; it stays
 * within the configured bounds.
 */
final class PlayoutDelayEstimator {
    /** How fast the baseline may rise: tolerates sender clocks up to 1000 ppm slower than ours. */
    static final double DRIFT = 1e-3;
    /** Target delay given up per second of arrivals that need less: 10 ms per second. */
    static final double SHRINK_PER_SECOND = 0.010;
    /** The output granularity a packet must arrive ahead of: one 10 ms playout frame. */
    static final long FRAME_NANOS = 10_000_000L;
    private static final double JITTER_MARGIN = 3;

    private final int clockRate;
    private final long minNanos;
    private final long maxNanos;
    private final InterarrivalJitter jitter;
    private boolean hasBaseline;
    private double minTransitNanos;
    private long lastArrivalNanos;
    private long targetNanos;

    PlayoutDelayEstimator(int clockRate, long minNanos, long maxNanos) {
        if (clockRate < 1 || minNanos < 0 || maxNanos < minNanos) {
            throw new IllegalArgumentException("clock " + clockRate + " Hz, delay " + minNanos + ".." + maxNanos + " ns");
        }
        this.clockRate = clockRate;
        this.minNanos = minNanos;
        this.maxNanos = maxNanos;
        this.jitter = new InterarrivalJitter(clockRate);
        this.targetNanos = minNanos;
    }

    /**
     * Takes one packet's (extended) RTP timestamp and arrival; returns its relative delay in
     * nanoseconds (0 for the fastest path).
     */
    long update(long extendedTimestamp, long arrivalNanos) {
        jitter.update(extendedTimestamp, arrivalNanos);
        double transit = arrivalNanos - extendedTimestamp * 1e9 / clockRate;
        long elapsed = hasBaseline ? Math.max(0, arrivalNanos - lastArrivalNanos) : 0;
        minTransitNanos = hasBaseline ? Math.min(transit, minTransitNanos + elapsed * DRIFT) : transit;
        hasBaseline = true;
        lastArrivalNanos = Math.max(lastArrivalNanos, arrivalNanos);
        long relative = Math.round(Math.min(transit - minTransitNanos, 1e18));
        double jitterNanos = JITTER_MARGIN * jitter.seconds() * 1e9;
        long raw = FRAME_NANOS + Math.round(Math.max(relative, jitterNanos));
        long released = targetNanos - Math.round(elapsed * SHRINK_PER_SECOND);
        targetNanos = Math.max(minNanos, Math.min(maxNanos, Math.max(raw, released)));
        return relative;
    }

    /** The delay the buffer should hold the fastest packets for now. */
    long targetNanos() {
        return targetNanos;
    }

    /** The RFC 3550 jitter in seconds. */
    double jitterSeconds() {
        return jitter.seconds();
    }

    /** A new timeline (source or timestamps changed): forgets the path, keeps the target it learnt. */
    void restart() {
        jitter.restart();
        hasBaseline = false;
    }
}
