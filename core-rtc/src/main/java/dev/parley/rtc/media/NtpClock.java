package dev.parley.rtc.media;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * NTP timestamps (RFC 3550 §4) for RTCP sender reports, on a monotonic clock: the wall clock is
 * read once, at construction, and NTP time then advances with the monotonic clock (the executor's
 * {@code nanoTime()}), so a report's timestamp never jumps when someone sets the system clock.
 *
 * <p>Also the 32-bit "short format" arithmetic of reception reports: LSR is the middle 32 bits of
 * an NTP timestamp, DLSR and the round-trip time are in 1/65536 s (RFC 3550 §6.4.1).
 */
public final class NtpClock {
    /** Seconds from the NTP epoch (1900-01-01T00:00Z) to the Unix epoch (RFC 5905 §6). */
    static final long UNIX_EPOCH_NTP_SECONDS = 2_208_988_800L;
    /** Seconds from 1900 to 2036-02-07T06:28:16Z, where NTP era 0 ends and era 1 begins. */
    private static final long ERA_SECONDS = 1L << 32;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long U32 = 0xFFFF_FFFFL;
    /** Short-format units of 1/65536 s in which a negative round-trip time is rounding, not an error (1 ms). */
    private static final long RTT_ROUNDING_UNITS = 66;

    private final long originNanos;
    private final long originUnixNanos;

    /**
     * @param monotonicNanos the monotonic clock's reading now (e.g. {@code executor.nanoTime()})
     * @param wallClock      the wall-clock time at that same moment
     */
    public NtpClock(long monotonicNanos, Instant wallClock) {
        Objects.requireNonNull(wallClock, "wallClock");
        this.originNanos = monotonicNanos;
        this.originUnixNanos = Math.addExact(Math.multiplyExact(wallClock.getEpochSecond(), NANOS_PER_SECOND),
                wallClock.getNano());
    }

    /** The 64-bit NTP timestamp (seconds since 1900 in the high 32 bits, fraction in the low 32) at a monotonic time. */
    public long ntpTimestamp(long monotonicNanos) {
        return ntpFromUnixNanos(unixNanos(monotonicNanos));
    }

    /** The middle 32 bits of {@link #ntpTimestamp(long)}: what a peer echoes as LSR. */
    public long middle32(long monotonicNanos) {
        return middle32Of(ntpTimestamp(monotonicNanos));
    }

    /** The wall-clock time this clock gives a monotonic time (for W3C stats timestamps). */
    public Instant wallClockTime(long monotonicNanos) {
        long unix = unixNanos(monotonicNanos);
        return Instant.ofEpochSecond(Math.floorDiv(unix, NANOS_PER_SECOND), Math.floorMod(unix, NANOS_PER_SECOND));
    }

    /** The middle 32 bits of a 64-bit NTP timestamp (RFC 3550 §6.4.1, LSR). */
    public static long middle32Of(long ntpTimestamp) {
        return (ntpTimestamp >>> 16) & U32;
    }

    /**
     * The instant a 64-bit NTP timestamp names, for times between 1968 and 2104: a timestamp with
     * the top bit clear is taken to be in era 1, after 2036 (RFC 4330 §3).
     */
    public static Instant toInstant(long ntpTimestamp) {
        long seconds = ntpTimestamp >>> 32;
        if ((seconds & 0x8000_0000L) == 0) {
            seconds += ERA_SECONDS;
        }
        long fraction = ntpTimestamp & U32;
        long nanos = (fraction * NANOS_PER_SECOND) >>> 32;
        return Instant.ofEpochSecond(seconds - UNIX_EPOCH_NTP_SECONDS, nanos);
    }

    /** A duration in short-format units of 1/65536 s (DLSR), rounded down and held to 32 bits. */
    public static long toShortUnits(long nanos) {
        if (nanos <= 0) {
            return 0;
        }
        long units = nanos / NANOS_PER_SECOND * 65536 + ((nanos % NANOS_PER_SECOND) << 16) / NANOS_PER_SECOND;
        return Math.min(units, U32);
    }

    /** Short-format units of 1/65536 s in seconds. */
    public static double shortUnitsToSeconds(long units) {
        return units / 65536.0;
    }

    /**
     * The round-trip time a reception report block gives (RFC 3550 §6.4.1): its arrival time
     * minus LSR minus DLSR, all in 1/65536 s and modulo 2^32. Empty when LSR is 0 (the peer has
     * no sender report of ours yet) or when the result is negative by more than rounding can
     * explain (a peer's bogus DLSR); a result just below zero is rounding and counts as 0.
     *
     * @param arrivalMiddle32 {@link #middle32(long)} of the block's arrival time
     * @return seconds
     */
    public static OptionalDouble roundTripTime(long arrivalMiddle32, long lastSenderReport, long delaySinceLastSenderReport) {
        if (lastSenderReport == 0) {
            return OptionalDouble.empty();
        }
        long units = (arrivalMiddle32 - lastSenderReport - delaySinceLastSenderReport) & U32;
        if (units >= 0x8000_0000L) { // negative as a signed 32-bit difference
            return U32 + 1 - units <= RTT_ROUNDING_UNITS ? OptionalDouble.of(0) : OptionalDouble.empty();
        }
        return OptionalDouble.of(shortUnitsToSeconds(units));
    }

    private long unixNanos(long monotonicNanos) {
        return originUnixNanos + (monotonicNanos - originNanos);
    }

    /** Era 0 and 1 alike: seconds since 1900 modulo 2^32 (the shift drops the era), fraction in 2^-32 s. */
    private static long ntpFromUnixNanos(long unixNanos) {
        long seconds = Math.floorDiv(unixNanos, NANOS_PER_SECOND) + UNIX_EPOCH_NTP_SECONDS;
        long nanos = Math.floorMod(unixNanos, NANOS_PER_SECOND);
        long fraction = (nanos << 32) / NANOS_PER_SECOND;
        return (seconds << 32) | fraction;
    }
}
