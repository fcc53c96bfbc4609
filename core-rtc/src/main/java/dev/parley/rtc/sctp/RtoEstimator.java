package dev.parley.rtc.sctp;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * The retransmission timeout of the association's one path (RFC 9260 §6.3.1), with exponential
 * back-off on T3-rtx expiry (RFC 9260 §6.3.3 E2).
 *
 * <p>RFC 9260 §6.3.1 in nanoseconds, with RTO.Alpha = 1/8 and RTO.Beta = 1/4 (RFC 9260 §16):
 * <pre>
 *   first measurement R:    SRTT = R, RTTVAR = R/2                         (C2)
 *   later measurement R':   RTTVAR = (1 - 1/4) RTTVAR + 1/4 |SRTT - R'|     (C3, RTTVAR first,
 *                           SRTT   = (1 - 1/8) SRTT   + 1/8 R'               with the old SRTT)
 *   then                    RTO = SRTT + max(G, 4 RTTVAR), clamped to [RTO.Min, RTO.Max]
 *                                                                           (C3, C6, C7)
 * </pre>
 * C3 raises an RTTVAR "computed to be 0" to the clock granularity G; with an integer clock RTTVAR
 * only creeps towards 0 on a steady path, so G is applied as a floor on the variance term, as
 * RFC 6298 §2.3 writes it.
 * Karn's rule (C5: no measurement from a retransmitted chunk, and one measurement a round trip)
 * is the caller's: {@link RetransmissionQueue} times one never-retransmitted chunk at a time.
 *
 * <p>Defaults. RTO.Initial is RFC 9260's 1 s. RTO.Max is 60 s as in RFC 9260 and in Chromium's
 * dcsctp. RTO.Min is 400 ms, not RFC 9260's 1 s (far too slow to recover a lost message on a
 * data channel) and not 200 ms: RFC 9260 §6.2 lets the peer hold a SACK for a lone packet up to
 * 200 ms (most do exactly that), so an RTO of 200 ms on a short path makes T3-rtx fire on every
 * delayed SACK and collapses cwnd to one MTU for nothing. dcsctp chose 400 ms for the same reason
 * (its option says RTO.Min "must be larger than an expected peer delayed ack timeout"). All three
 * are constructor parameters.
 */
final class RtoEstimator {
    static final long DEFAULT_INITIAL_NANOS = Duration.ofSeconds(1).toNanos();
    static final long DEFAULT_MIN_NANOS = Duration.ofMillis(400).toNanos();
    static final long DEFAULT_MAX_NANOS = Duration.ofSeconds(60).toNanos();
    /** Clock granularity G (RFC 9260 §6.3.1 C3), the least variance term of the RTO. */
    static final long GRANULARITY_NANOS = Duration.ofMillis(1).toNanos();

    private final long minNanos;
    private final long maxNanos;
    private long rtoNanos;
    private long srttNanos = -1;
    private long rttvarNanos = -1;

    /** RTO.Initial 1 s, RTO.Min 400 ms, RTO.Max 60 s. */
    RtoEstimator() {
        this(DEFAULT_INITIAL_NANOS, DEFAULT_MIN_NANOS, DEFAULT_MAX_NANOS);
    }

    RtoEstimator(long initialNanos, long minNanos, long maxNanos) {
        if (minNanos <= 0 || maxNanos < minNanos || initialNanos < minNanos || initialNanos > maxNanos) {
            throw new IllegalArgumentException("need 0 < RTO.Min <= RTO.Initial <= RTO.Max");
        }
        this.minNanos = minNanos;
        this.maxNanos = maxNanos;
        this.rtoNanos = initialNanos;
    }

    /** A round-trip time measured on a chunk sent once (RFC 9260 §6.3.1 C2/C3). */
    void onRttMeasurement(long rttNanos) {
        if (rttNanos < 0) {
            return; // a clock that went backwards measures nothing
        }
        if (srttNanos < 0) {
            srttNanos = rttNanos;
            rttvarNanos = rttNanos / 2;
        } else {
            rttvarNanos = (3 * rttvarNanos + Math.abs(srttNanos - rttNanos)) / 4;
            srttNanos = (7 * srttNanos + rttNanos) / 8;
        }
        rtoNanos = clamp(srttNanos + Math.max(GRANULARITY_NANOS, 4 * rttvarNanos));
    }

    /** T3-rtx expired: RTO = RTO * 2, at most RTO.Max (RFC 9260 §6.3.3 E2). */
    void backOff() {
        rtoNanos = Math.min(maxNanos, rtoNanos > maxNanos / 2 ? maxNanos : rtoNanos * 2);
    }

    long rtoNanos() {
        return rtoNanos;
    }

    /** The smoothed round-trip time, empty before the first measurement. */
    OptionalLong srttNanos() {
        return srttNanos < 0 ? OptionalLong.empty() : OptionalLong.of(srttNanos);
    }

    /** The round-trip time variation, empty before the first measurement. */
    OptionalLong rttvarNanos() {
        return rttvarNanos < 0 ? OptionalLong.empty() : OptionalLong.of(rttvarNanos);
    }

    private long clamp(long rto) {
        return Math.max(minNanos, Math.min(maxNanos, rto));
    }
}
