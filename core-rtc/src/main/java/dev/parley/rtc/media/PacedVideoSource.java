package dev.parley.rtc.media;

import dev.parley.rtc.VideoFrame;
import dev.parley.rtc.VideoTrackSource;
import java.util.function.LongFunction;

/**
 * Plays a frame producer (a {@link TestPattern}, a file) into a {@link VideoTrackSource} in real
 * time at a fixed frame rate, on a thread of its own: a synthetic camera.
 *
 * <p>Each frame is stamped with its deadline as capture time; after a stall of more than 200 ms
 * it skips ahead instead of bursting, as a camera drops frames it could not deliver (see
 * {@link FramePacer}).
 *
 * <p>Sinks are called on the pacing thread. {@link #close()} stops it and waits for it to end.
 * The target source is not closed: it belongs to the caller.
 */
public final class PacedVideoSource implements AutoCloseable {
    /** Frame rates a camera could plausibly deliver. */
    public static final double MAX_FRAME_RATE = 240;
    private static final double MAX_STALL_SECONDS = 0.2;

    private final FramePacer<VideoFrame> pacer;

    /** Plays {@code pattern} into {@code target} at {@code framesPerSecond}. */
    public PacedVideoSource(TestPattern pattern, double framesPerSecond, VideoTrackSource target) {
        this(pattern::nextFrame, framesPerSecond, target, "paced-pattern-" + pattern.width() + "x" + pattern.height());
    }

    /**
     * @param frames makes the next frame, given its capture time; called on the pacing thread only
     * @param framesPerSecond above 0, at most {@value #MAX_FRAME_RATE}
     * @param threadName names the pacing thread (seen in thread dumps and logs)
     */
    public PacedVideoSource(LongFunction<VideoFrame> frames, double framesPerSecond, VideoTrackSource target,
            String threadName) {
        if (target == null) {
            throw new IllegalArgumentException("target must not be null");
        }
        if (!(framesPerSecond > 0 && framesPerSecond <= MAX_FRAME_RATE)) {
            throw new IllegalArgumentException("framesPerSecond must be above 0 and at most " + MAX_FRAME_RATE
                    + ", got " + framesPerSecond);
        }
        long interval = Math.round(1e9 / framesPerSecond);
        int maxCatchUp = Math.max(1, (int) Math.ceil(framesPerSecond * MAX_STALL_SECONDS));
        this.pacer = new FramePacer<>(interval, maxCatchUp, frames, target::push, threadName);
    }

    /**
     * Starts the pacing thread; the first frame is pushed at once.
     *
     * @throws IllegalStateException if already started or closed
     */
    public PacedVideoSource start() {
        pacer.start();
        return this;
    }

    /** Frames pushed so far. */
    public long framesPushed() {
        return pacer.framesProduced();
    }

    /** Frames skipped after stalls longer than 200 ms. */
    public long framesSkipped() {
        return pacer.framesSkipped();
    }

    /** Stops pushing and waits (up to 5 s) for the pacing thread to end. Idempotent. */
    @Override
    public void close() {
        pacer.close();
    }
}
