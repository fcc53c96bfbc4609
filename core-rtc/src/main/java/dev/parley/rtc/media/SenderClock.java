package dev.parley.rtc.media;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * The sender's wall clock for one remote SSRC, as its RTCP sender reports tell it (RFC 3550
 * §6.4.1: each SR pairs an NTP time with the RTP timestamp of that same instant): maps an RTP
 * timestamp of the stream to the sender's NTP time, which every stream of that sender shares, so
 * that audio and video can be lined up (RFC 3550 §6.4.1, "intermedia synchronization").
 *
 * <p>Keeps the latest two reports. Their RTP and NTP spans give the sender's actual clock rate;
 * with one report, or when the two disagree with the nominal rate by more than
 * {@link #MAX_RATE_ERROR} (the sender restarted its timestamps), the nominal rate is used. Not
 * thread-safe: the peer connection's executor.
 */
public final class SenderClock {
    /** Clock rates further than this from the nominal one are not a drifting crystal but a reset. */
    static final double MAX_RATE_ERROR = 0.01;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int clockRate;
    private boolean hasLatest;
    private long latestNtpNanos;
    private long latestRtp;
    private double ratePerNano;

    /** @param clockRate the stream's nominal RTP clock rate, Hz */
    public SenderClock(int clockRate) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive, got " + clockRate);
        }
        this.clockRate = clockRate;
        this.ratePerNano = nominalPerNano();
    }

    /**
     * Takes a sender report's NTP timestamp (64-bit) and RTP timestamp (32-bit unsigned). A report
     * that is not newer than the latest (reordered, repeated) is ignored.
     */
    public void onSenderReport(long ntpTimestamp, long rtpTimestamp) {
        long ntpNanos = toNanos(ntpTimestamp);
        if (hasLatest && ntpNanos <= latestNtpNanos) {
            return;
        }
        double rate = nominalPerNano();
        if (hasLatest) {
            long ticks = (int) (rtpTimestamp - latestRtp); // signed difference modulo 2^32
            double measured = ticks / (double) (ntpNanos - latestNtpNanos);
            if (Math.abs(measured / rate - 1) <= MAX_RATE_ERROR) {
                rate = measured;
            }
        }
        ratePerNano = rate;
        latestNtpNanos = ntpNanos;
        latestRtp = rtpTimestamp & 0xFFFF_FFFFL;
        hasLatest = true;
    }

    /** Whether a sender report arrived. */
    public boolean known() {
        return hasLatest;
    }

    /**
     * The sender's NTP time (nanoseconds since the Unix epoch) of an RTP timestamp within half the
     * timestamp range of the latest report; empty before the first report.
     */
    public OptionalLong senderNanos(long rtpTimestamp) {
        if (!hasLatest) {
            return OptionalLong.empty();
        }
        long ticks = (int) (rtpTimestamp - latestRtp);
        return OptionalLong.of(latestNtpNanos + Math.round(ticks / ratePerNano));
    }

    /** The clock rate in use, Hz: measured between the last two reports, or the nominal one. */
    public double clockRateHz() {
        return ratePerNano * NANOS_PER_SECOND;
    }

    private double nominalPerNano() {
        return clockRate / (double) NANOS_PER_SECOND;
    }

    private static long toNanos(long ntpTimestamp) {
        Instant instant = NtpClock.toInstant(ntpTimestamp);
        return instant.getEpochSecond() * NANOS_PER_SECOND + instant.getNano();
    }
}
