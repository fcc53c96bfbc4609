package dev.parley.rtc.srtp;

import java.util.Arrays;

/**
 * The replay list of RFC 3711 §3.3.2: a sliding bitmap of the last {@link #SIZE} packet indices
 * below the highest one authenticated. 1024 rather than the RFC's minimum of 64, as libwebrtc
 * configures libsrtp, because video bursts are reordered by more than 64 packets on real paths.
 *
 * <p>{@link #check} runs before authentication and {@link #accept} only after it, so forged
 * packets never move the window.
 */
final class ReplayWindow {
    static final int SIZE = 1024;
    private static final int MASK = SIZE - 1;

    /** Ring bitmap: bit {@code index & MASK} is set if that index was received. */
    private final long[] bits = new long[SIZE / 64];
    private long highest = -1;

    /** True if {@code index} is new and not older than the window. */
    boolean check(long index) {
        if (index > highest) {
            return true;
        }
        if (highest - index >= SIZE) {
            return false; // too old to tell: reject (§3.3.2)
        }
        int bit = (int) (index & MASK);
        return (bits[bit >>> 6] & (1L << bit)) == 0;
    }

    /** Records an authenticated {@code index}; the caller has {@link #check}ed it. */
    void accept(long index) {
        if (index > highest) {
            long advance = highest < 0 ? SIZE : index - highest;
            if (advance >= SIZE) {
                Arrays.fill(bits, 0L);
            } else {
                // Clear the slots the window slides over; they now stand for indices not yet seen.
                for (long i = highest + 1; i < index; i++) {
                    int bit = (int) (i & MASK);
                    bits[bit >>> 6] &= ~(1L << bit);
                }
            }
            highest = index;
        }
        int bit = (int) (index & MASK);
        bits[bit >>> 6] |= 1L << bit;
    }

    long highest() {
        return highest;
    }
}
