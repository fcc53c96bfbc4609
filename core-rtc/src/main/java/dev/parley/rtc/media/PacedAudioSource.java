package dev.parley.rtc.media;

import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.AudioTrackSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a frame producer (a {@link ToneGenerator}, a file) into an {@link AudioTrackSource} in
 * real time, one 10 ms frame every 10 ms, on a thread of its own: a synthetic microphone.
 *
 * <p>Frame k is due at {@code start + k * 10 ms} on the {@link System#nanoTime()} clock and is
 * stamped with that deadline as its capture time, so lateness of one wake-up never accumulates
 * into drift: a late frame is followed at once by the ones that fell due meanwhile. After a stall
 * of more than {@value #MAX_CATCH_UP_FRAMES} frames (a suspended machine) it skips ahead instead of
 * bursting, as a sound card would drop the audio it could not deliver.
 *
 * <p>Sinks are called on the pacing thread. {@link #close()} stops it and waits for it to end.
 * The target source is not closed: it belongs to the caller.
 */
public final class PacedAudioSource implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PacedAudioSource.class);
    static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(1000 / ToneGenerator.FRAMES_PER_SECOND);
    /** Further behind than this (200 ms), skip ahead rather than push a burst. */
    static final int MAX_CATCH_UP_FRAMES = 20;
    private static final long JOIN_TIMEOUT_MILLIS = 5_000;

    private final LongFunction<AudioFrame> frames;
    private final AudioTrackSource target;
    private final Thread thread;
    private final AtomicLong pushed = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile boolean running;
    private boolean started; // guarded by this
    private boolean closed; // guarded by this

    /** Plays {@code tone} into {@code target}; the generator is used on the pacing thread only. */
    public PacedAudioSource(ToneGenerator tone, AudioTrackSource target) {
        this(tone::nextFrame, target, "paced-tone-" + (int) tone.frequencyHz() + "Hz");
    }

    /**
     * @param frames makes the next 10 ms frame, given its capture time; called on the pacing thread only
     * @param threadName names the pacing thread (seen in thread dumps and logs)
     */
    public PacedAudioSource(LongFunction<AudioFrame> frames, AudioTrackSource target, String threadName) {
        if (frames == null || target == null) {
            throw new IllegalArgumentException("frames and target must not be null");
        }
        this.frames = frames;
        this.target = target;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    /**
     * Starts the pacing thread; the first frame is pushed at once.
     *
     * @throws IllegalStateException if already started or closed
     */
    public synchronized PacedAudioSource start() {
        if (started || closed) {
            throw new IllegalStateException(closed ? "closed" : "already started");
        }
        started = true;
        running = true;
        thread.start();
        return this;
    }

    /** Frames pushed so far. */
    public long framesPushed() {
        return pushed.get();
    }

    /** Frames skipped after stalls longer than {@value #MAX_CATCH_UP_FRAMES} frames. */
    public long framesSkipped() {
        return skipped.get();
    }

    /**
     * Stops pushing and waits (up to 5 s, in case a sink blocks) for the pacing thread to end;
     * from a sink, on the pacing thread itself, it stops without waiting. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = false;
            if (!started) {
                return;
            }
        }
        LockSupport.unpark(thread);
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(JOIN_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (thread.isAlive()) {
            log.warn("{} still busy {} ms after close (a sink blocks?); it will stop after this frame",
                    thread.getName(), JOIN_TIMEOUT_MILLIS);
        }
    }

    private void run() {
        long due = System.nanoTime();
        while (running) {
            long now = System.nanoTime();
            long wait = due - now;
            if (wait > 0) {
                LockSupport.parkNanos(this, wait); // may wake early (close, spuriously): the loop checks again
                continue;
            }
            long behind = -wait / FRAME_NANOS;
            if (behind > MAX_CATCH_UP_FRAMES) {
                skipped.addAndGet(behind);
                due += behind * FRAME_NANOS;
                log.debug("{} stalled, skipped {} frames", thread.getName(), behind);
            }
            AudioFrame frame;
            try {
                frame = frames.apply(due);
            } catch (RuntimeException e) {
                log.error("{}: the frame producer failed; no more frames", thread.getName(), e);
                return;
            }
            if (frame == null) {
                log.error("{}: the frame producer returned no frame; no more frames", thread.getName());
                return;
            }
            target.push(frame);
            pushed.incrementAndGet();
            due += FRAME_NANOS;
        }
    }
}
