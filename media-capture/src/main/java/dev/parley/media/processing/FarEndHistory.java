package dev.parley.media.processing;

/**
 * The far-end signal as the capture thread has received it, addressed by absolute sample index
 * (the count of far samples since start). Reading a span that has not been written yet, or that
 * has already been overwritten, yields zeros: the echo canceller then sees silence rather than
 * stale or wrapped samples.
 */
final class FarEndHistory {
    private final float[] ring;
    private final int mask;
    private long written;

    /** @param capacity a power of two, in samples */
    FarEndHistory(int capacity) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two, not " + capacity);
        }
        ring = new float[capacity];
        mask = capacity - 1;
    }

    /** Samples written since start: the index the next sample gets. */
    long written() {
        return written;
    }

    void append(float[] samples, int count) {
        for (int i = 0; i < count; i++) {
            ring[(int) (written++ & mask)] = samples[i];
        }
    }

    void appendZeros(long count) {
        for (long i = 0; i < count; i++) {
            ring[(int) (written++ & mask)] = 0;
        }
    }

    /** Copies samples {@code [from, from + count)} into {@code out[outOffset..]}. */
    void read(long from, float[] out, int outOffset, int count) {
        long oldest = written - ring.length;
        for (int i = 0; i < count; i++) {
            long index = from + i;
            out[outOffset + i] = index < written && index >= oldest && index >= 0 ? ring[(int) (index & mask)] : 0;
        }
    }
}
