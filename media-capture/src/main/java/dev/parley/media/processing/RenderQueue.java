package dev.parley.media.processing;

/**
 * Hands the speaker's frames from the playout thread to the capture thread: a bounded ring of
 * preallocated frame slots under one lock, held only for a 480-sample copy. When the capture side
 * falls behind (or is not running) the oldest frames are overwritten and counted, so the playout
 * thread never waits and nothing grows.
 */
final class RenderQueue {
    private final short[][] slots;
    private final Object lock = new Object();
    private long written;
    private long read;
    private long dropped;

    RenderQueue(int capacityFrames, int frameSamples) {
        slots = new short[capacityFrames][frameSamples];
    }

    /** Copies one frame in (any thread). */
    void offer(short[] samples, int offset) {
        synchronized (lock) {
            if (written - read == slots.length) {
                read++; // full: the capture side is not keeping up, the oldest frame goes
                dropped++;
            }
            short[] slot = slots[(int) (written % slots.length)];
            System.arraycopy(samples, offset, slot, 0, slot.length);
            written++;
        }
    }

    /** Copies the oldest waiting frame into {@code into}; false when none waits. */
    boolean poll(short[] into) {
        synchronized (lock) {
            if (read == written) {
                return false;
            }
            System.arraycopy(slots[(int) (read % slots.length)], 0, into, 0, into.length);
            read++;
            return true;
        }
    }

    /** Frames overwritten before the capture side took them, since construction. */
    long dropped() {
        synchronized (lock) {
            return dropped;
        }
    }
}
