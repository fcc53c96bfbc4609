package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** NTP timestamps on a monotonic clock and the short-format arithmetic of RFC 3550 §6.4.1. */
class NtpClockTest {

    @Test
    void theUnixEpochIs2208988800SecondsAfterTheNtpEpoch() {
        NtpClock clock = new NtpClock(0, Instant.EPOCH);
        assertEquals(2_208_988_800L << 32, clock.ntpTimestamp(0));
    }

    @Test
    void aKnownDateAndHalfASecondGiveSecondsAndFraction() {
        // 2024-01-01T00:00:00Z is Unix 1704067200, so NTP 1704067200 + 2208988800 = 3913056000.
        NtpClock clock = new NtpClock(0, Instant.parse("2024-01-01T00:00:00Z"));
        assertEquals(3_913_056_000L << 32, clock.ntpTimestamp(0));
        assertEquals((3_913_056_000L << 32) | 0x8000_0000L, clock.ntpTimestamp(500_000_000));
        assertEquals((3_913_056_001L << 32) | 0x4000_0000L, clock.ntpTimestamp(1_250_000_000));
    }

    @Test
    void timeFollowsTheMonotonicClockFromTheReadingAtConstruction() {
        long origin = 987_654_321_000L; // System.nanoTime has an arbitrary origin
        NtpClock clock = new NtpClock(origin, Instant.parse("2024-01-01T00:00:00Z"));
        assertEquals((3_913_056_002L << 32) | 0x4000_0000L, clock.ntpTimestamp(origin + 2_250_000_000L));
        assertEquals(Instant.parse("2024-01-01T00:00:02.25Z"), clock.wallClockTime(origin + 2_250_000_000L));
        assertEquals(Instant.parse("2023-12-31T23:59:59Z"), clock.wallClockTime(origin - 1_000_000_000L));
    }

    @Test
    void eraOneStartsIn2036AndReadsBackAsInstants() {
        NtpClock clock = new NtpClock(0, Instant.parse("2036-02-07T06:28:16Z"));
        assertEquals(0, clock.ntpTimestamp(0), "the 32-bit seconds wrap to 0 at the start of era 1");
        assertEquals(Instant.parse("2036-02-07T06:28:17Z"), NtpClock.toInstant(clock.ntpTimestamp(1_000_000_000)));
        assertEquals(Instant.parse("2024-01-01T00:00:00.5Z"), NtpClock.toInstant((3_913_056_000L << 32) | 0x8000_0000L));
    }

    @Test
    void middle32TakesBits16To47() {
        assertEquals(0x4567_89ABL, NtpClock.middle32Of(0x0123_4567_89AB_CDEFL));
        assertEquals(0xFFFF_FFFFL, NtpClock.middle32Of(0xFFFF_FFFF_FFFF_FFFFL));
        NtpClock clock = new NtpClock(0, Instant.parse("2024-01-01T00:00:00Z"));
        assertEquals(NtpClock.middle32Of(clock.ntpTimestamp(7_000_000)), clock.middle32(7_000_000));
    }

    @Test
    void shortUnitsAreSixtyFiveThousandFiveHundredThirtySixthsOfASecond() {
        assertEquals(65536, NtpClock.toShortUnits(1_000_000_000L));
        assertEquals(32768, NtpClock.toShortUnits(500_000_000L));
        assertEquals(65, NtpClock.toShortUnits(1_000_000L), "1 ms is 65.536 units, rounded down");
        assertEquals(0, NtpClock.toShortUnits(-5));
        assertEquals(0xFFFF_FFFFL, NtpClock.toShortUnits(Long.MAX_VALUE), "held to the 32-bit field");
        assertEquals(0.25, NtpClock.shortUnitsToSeconds(16384));
    }

    @Test
    void roundTripTimeOfTheRfc3550Example() {
        // RFC 3550 §6.4.1, Figure 2: A = 0xb710:8000, LSR = 0xb705:2000, DLSR = 0x0005:4000 → 0x0006:2000 = 6.125 s.
        OptionalDouble rtt = NtpClock.roundTripTime(0xB710_8000L, 0xB705_2000L, 0x0005_4000L);
        assertEquals(OptionalDouble.of(6.125), rtt);
    }

    @Test
    void roundTripTimeWrapsModulo2To32() {
        assertEquals(OptionalDouble.of(0.125), NtpClock.roundTripTime(0x0000_1000L, 0xFFFF_F000L, 0));
    }

    @Test
    void noRoundTripWithoutLsrOrWithABogusDlsr() {
        assertTrue(NtpClock.roundTripTime(0x0010_0000L, 0, 0).isEmpty(), "LSR 0: no SR of ours echoed");
        assertTrue(NtpClock.roundTripTime(0x0010_0000L, 0x000F_0000L, 0x0002_0000L).isEmpty(), "a second negative");
        assertEquals(OptionalDouble.of(0), NtpClock.roundTripTime(0x0010_0000L, 0x000F_0000L, 0x0001_0003L),
                "three units below zero is truncation, not an error");
    }
}
