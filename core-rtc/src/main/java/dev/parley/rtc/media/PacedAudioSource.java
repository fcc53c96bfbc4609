package dev.parley.rtc.media;

import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.AudioTrackSource;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

/**
 * Plays a frame producer (a {@link ToneGenerator}, a file) into an {@link AudioTrackSource} in
 * real time, one 10 ms frame every 10 ms, on a thread of its own: a synthetic microphone.
 *
 * <p>Each frame is stamped with its deadline as capture time; after a stall of more than
 * {@value #MAX_CATCH_UP_FRAMES} frames it skips ahead instead of bursting, as a sound card would
 * drop the audio it could not deliver (see {@link FramePacer}).
 *
 * <p>Sinks are called on the pacing thread. {@link #close()} stops it and waits for it to end.
 * The target source is not closed: it belongs to the caller.
 */
public final class PacedAudioSource implements AutoCloseable {
    static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(1000 / ToneGenerator.FRAMES_PER_SECOND);
    /** Further behind than this (200 ms), skip ahead rather than push a burst. */
    static final int MAX_CATCH_UP_FRAMES = 20;

    private final FramePacer<AudioFrame> pacer;

    /** Plays {@code tone} into {@code target}; the generator is used on the pacing thread only. */
    public PacedAudioSource(ToneGenerator tone, AudioTrackSource target) {
        this(tone::nextFrame, target, "paced-tone-" + (int) tone.frequencyHz() + "Hz");
    }

    /**
     * @param frames makes the next 10 ms frame, given its capture time; called on the pacing thread only
     * @param threadName names the pacing thread (seen in thread dumps and logs)
     */
    public PacedAudioSource(LongFunction<AudioFrame> frames, AudioTrackSource target, String threadName) {
        if (target == null) {
            throw new IllegalArgumentException("target must not be null");
        }
        this.pacer = new FramePacer<>(FRAME_NANOS, MAX_CATCH_UP_FRAMES, frames, target::push, threadName);
    }

    /**
     * Starts the pacing thread; the first frame is pushed at once.
     *
     * @throws IllegalStateException if already started or closed
     */
    public PacedAudioSource start() {
        pacer.start();
        return this;
    }

    /** Frames pushed so far. */
    public long framesPushed() {
        return pacer.framesProduced();
    }

    /** Frames skipped after stalls longer than {@value #MAX_CATCH_UP_FRAMES} frames. */
    public long framesSkipped() {
        return pacer.framesSkipped();
    }

    /**
     * Stops pushing and waits (up to 5 s, in case a sink blocks) for the pacing thread to end;
     * from a sink, on the pacing thread itself, it stops without waiting. Idempotent.
     */
    @Override
    public void close() {
        pacer.close();
    }
}
