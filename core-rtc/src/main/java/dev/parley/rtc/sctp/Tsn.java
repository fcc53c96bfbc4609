package dev.parley.rtc.sctp;

/**
 * Serial number arithmetic on 32-bit TSNs (RFC 9260 §1.6, RFC 1982). TSNs are carried as
 * {@code long} values in 0..2^32-1 so they never look negative.
 */
public final class Tsn {
    static final long MASK = 0xFFFF_FFFFL;

    private Tsn() {}

    /** {@code a + n} modulo 2^32. */
    public static long add(long a, long n) {
        return (a + n) & MASK;
    }

    /** The signed distance {@code b - a} in serial arithmetic, in -2^31..2^31-1. */
    public static long distance(long a, long b) {
        return (int) ((b - a) & MASK);
    }

    /** {@code a < b} in serial arithmetic. */
    public static boolean lessThan(long a, long b) {
        return distance(a, b) > 0;
    }

    /** {@code a <= b} in serial arithmetic. */
    public static boolean lessOrEqual(long a, long b) {
        return distance(a, b) >= 0;
    }

    /** {@code a > b} in serial arithmetic. */
    public static boolean greaterThan(long a, long b) {
        return lessThan(b, a);
    }

    /** Stream sequence numbers are 16 bits (RFC 9260 §3.3.1): {@code a < b} modulo 2^16. */
    public static boolean ssnLessThan(int a, int b) {
        return (short) (b - a) > 0;
    }
}
