package dev.parley.rtc.rtp;

import java.util.List;

/** Argument checks for values built by code (not parsed): misuse is an {@link IllegalArgumentException}. */
final class Check {
    private Check() {}

    static int range(int v, int min, int max, String what) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(what + " must be " + min + ".." + max + ", got " + v);
        }
        return v;
    }

    static int bits(int v, int bits, String what) {
        return range(v, 0, (1 << bits) - 1, what);
    }

    static long u32(long v, String what) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(what + " must be an unsigned 32-bit value, got " + v);
        }
        return v;
    }

    static List<Long> u32s(List<Long> values, String what) {
        List<Long> copy = List.copyOf(values);
        copy.forEach(v -> u32(v, what));
        return copy;
    }

    static <T> List<T> count(List<T> items, int max, String what) {
        List<T> copy = List.copyOf(items);
        if (copy.size() > max) {
            throw new IllegalArgumentException("at most " + max + " " + what + ", got " + copy.size());
        }
        return copy;
    }

    /** A copy of data that must be whole 32-bit words (RTCP lengths count words). */
    static byte[] words(byte[] data, String what) {
        if (data.length % 4 != 0) {
            throw new IllegalArgumentException(what + " must be whole 32-bit words, got " + data.length + " bytes");
        }
        return data.clone();
    }
}
