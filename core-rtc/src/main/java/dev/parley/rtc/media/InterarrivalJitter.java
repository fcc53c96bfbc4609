package dev.parley.rtc.media;

/**
 * The interarrival jitter estimate of RFC 3550 §6.4.1 and Appendix A.8: the mean deviation of the
 * difference D in transit time between consecutively arriving packets, smoothed by 1/16, in
 * timestamp units. Arrival times are converted to the stream's clock rate first.
 *
 * <p>D is computed from the arrival-time and timestamp differences of the two packets (the
 * timestamp difference as a signed 32-bit value), which is the same as the difference of their
 * transit times but immune to timestamp wrap and needs no absolute arrival clock. A packet with
 * the same timestamp as the previous one is skipped: the packets of one video frame share a
 * timestamp but leave the sender spread out, which says nothing about the network.
 */
final class InterarrivalJitter {
    private static final double NANOS_PER_SECOND = 1e9;

    private final int clockRate;
    private boolean hasPrevious;
    private long previousArrivalNanos;
    private long previousTimestamp;
    private double jitter;

    InterarrivalJitter(int clockRate) {
        this.clockRate = clockRate;
    }

    void update(long rtpTimestamp, long arrivalNanos) {
        if (hasPrevious) {
            if (rtpTimestamp == previousTimestamp) {
                return;
            }
            double arrivalDelta = (arrivalNanos - previousArrivalNanos) * clockRate / NANOS_PER_SECOND;
            int timestampDelta = (int) (rtpTimestamp - previousTimestamp);
            double d = Math.abs(arrivalDelta - timestampDelta);
            jitter += (d - jitter) / 16;
        }
        hasPrevious = true;
        previousArrivalNanos = arrivalNanos;
        previousTimestamp = rtpTimestamp;
    }

    /** Forgets the previous packet (after the source restarted), keeping the estimate. */
    void restart() {
        hasPrevious = false;
    }

    /** The estimate in timestamp units. */
    double timestampUnits() {
        return jitter;
    }

    /** The estimate in seconds (W3C jitter). */
    double seconds() {
        return jitter / clockRate;
    }
}
