package dev.parley.rtc.media;

import java.util.ArrayDeque;

/**
 * Decoded audio waiting to be played: packets decode to 20 ms (or 10..120 ms) while playout takes
 * 10 ms frames, so what one packet gave is played over several frames. Each chunk remembers when
 * its packet arrived, so that playing it can add its time in the buffer to the W3C
 * {@code jitterBufferDelay}; concealed audio has no packet and adds nothing there.
 */
final class PlayoutQueue {
    private static final long NO_PACKET = Long.MIN_VALUE;

    private final int channels;
    private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
    private int instants;

    private static final class Chunk {
        final short[] pcm;
        final long arrivalNanos;
        int at;

        Chunk(short[] pcm, long arrivalNanos) {
            this.pcm = pcm;
            this.arrivalNanos = arrivalNanos;
        }
    }

    PlayoutQueue(int channels) {
        this.channels = channels;
    }

    /** Samples per channel waiting. */
    int size() {
        return instants;
    }

    /** Adds decoded audio of a packet that arrived at {@code arrivalNanos} (interleaved). */
    void addDecoded(short[] interleaved, long arrivalNanos) {
        add(interleaved, arrivalNanos);
    }

    /** Adds audio made without a packet (concealment, silence, deceleration). */
    void addMadeUp(short[] interleaved) {
        add(interleaved, NO_PACKET);
    }

    private void add(short[] interleaved, long arrivalNanos) {
        if (interleaved.length > 0) {
            chunks.add(new Chunk(interleaved, arrivalNanos));
            instants += interleaved.length / channels;
        }
    }

    /** Throws away the next {@code count} samples per channel (at most what is held). */
    void drop(int count) {
        take(count, null, 0, 0);
    }

    /**
     * Takes the next {@code count} samples per channel for playout at {@code nowNanos}, counting
     * them into {@code stats}.
     */
    short[] take(int count, AudioPlayoutStats stats, long nowNanos, long targetNanos) {
        int wanted = Math.min(count, instants);
        short[] out = new short[wanted * channels];
        int filled = 0;
        while (filled < out.length) {
            Chunk chunk = chunks.peek();
            int n = Math.min(out.length - filled, chunk.pcm.length - chunk.at);
            System.arraycopy(chunk.pcm, chunk.at, out, filled, n);
            filled += n;
            chunk.at += n;
            if (stats != null && chunk.arrivalNanos != NO_PACKET) {
                int played = n / channels;
                stats.jitterBufferEmittedCount += played;
                stats.jitterBufferDelay += played * Math.max(0, nowNanos - chunk.arrivalNanos) / 1e9;
                stats.jitterBufferTargetDelay += played * targetNanos / 1e9;
            }
            if (chunk.at == chunk.pcm.length) {
                chunks.poll();
            }
        }
        instants -= wanted;
        if (stats != null) {
            stats.totalSamplesReceived += wanted;
        }
        return out;
    }

    void clear() {
        chunks.clear();
        instants = 0;
    }
}
