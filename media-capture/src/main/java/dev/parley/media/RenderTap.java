package dev.parley.media;

import dev.parley.media.processing.AudioProcessing;

/**
 * The speaker's side of the echo reference: takes the 48 kHz 16-bit little-endian bytes a speaker
 * writes to its line, in whatever blocks it writes them, mixes them to mono and publishes every
 * completed 10 ms frame with the delay until its first sample plays. Reuses one buffer: nothing
 * is allocated per frame. Not thread-safe: the playout thread.
 */
final class RenderTap {
    private static final int RATE = AudioProcessing.SAMPLE_RATE;
    private static final int FRAME = AudioProcessing.FRAME_SAMPLES;

    private final EchoReference.Speaker speaker;
    private final short[] mono = new short[FRAME];
    private int filled;

    RenderTap(EchoReference.Speaker speaker) {
        this.speaker = speaker;
    }

    /**
     * {@code length} bytes of interleaved PCM just written, of which the first plays after
     * {@code delayNanos} (what the device held before them).
     */
    void written(byte[] bytes, int length, int channels, long delayNanos) {
        int instants = length / 2 / channels;
        for (int i = 0; i < instants; i++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                int at = 2 * (i * channels + c);
                sum += (short) ((bytes[at] & 0xFF) | (bytes[at + 1] << 8));
            }
            mono[filled++] = (short) (sum / channels);
            if (filled == FRAME) {
                filled = 0;
                // the frame began FRAME - 1 instants before this one, maybe in an earlier block
                long startsAt = delayNanos + (i + 1 - FRAME) * 1_000_000_000L / RATE;
                speaker.publish(mono, Math.max(0, startsAt));
            }
        }
    }

    /** The line was opened again: a partial frame belongs to the old one. */
    void reset() {
        filled = 0;
    }

    void close() {
        speaker.close();
    }
}
