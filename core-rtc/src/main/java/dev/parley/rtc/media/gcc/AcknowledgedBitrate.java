package dev.parley.rtc.media.gcc;

import java.util.ArrayDeque;

/**
 * The rate at which the receiver got our packets, over the last {@value #WINDOW_MICROS} µs of
 * arrival time: what the path delivered, which a decrease is taken from (draft-ietf-rmcat-gcc-02
 * §5.5 "R_hat") and which bounds an increase.
 */
final class AcknowledgedBitrate {
    static final long WINDOW_MICROS = 500_000;

    private final ArrayDeque<long[]> arrivals = new ArrayDeque<>(); // {arrival µs, bytes}
    private long bytesInWindow;

    void add(long arrivalMicros, int sizeBytes) {
        arrivals.addLast(new long[] {arrivalMicros, sizeBytes});
        bytesInWindow += sizeBytes;
        while (!arrivals.isEmpty() && arrivalMicros - arrivals.peekFirst()[0] > WINDOW_MICROS) {
            bytesInWindow -= arrivals.removeFirst()[1];
        }
    }

    /** Bits per second, or -1 until the window spans at least half its length. */
    long bitsPerSecond() {
        if (arrivals.size() < 2) {
            return -1;
        }
        long span = arrivals.peekLast()[0] - arrivals.peekFirst()[0];
        if (span < WINDOW_MICROS / 2) {
            return -1;
        }
        return bytesInWindow * 8 * 1_000_000 / span;
    }
}
