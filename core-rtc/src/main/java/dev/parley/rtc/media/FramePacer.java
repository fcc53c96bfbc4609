package dev.parley.rtc.media;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves frames from a producer to a consumer in real time, one per frame interval, on a thread of
 * its own: the clock of synthetic microphones and cameras ({@link PacedAudioSource},
 * {@link PacedVideoSource}).
 *
 * <p>Frame k is due at {@code start + k * interval} on the {@link System#nanoTime()} clock and the
 * producer gets that deadline as the frame's capture time, so lateness of one wake-up never
 * accumulates into drift: a late frame is followed at once by the ones that fell due meanwhile.
 * After a stall of more than {@code maxCatchUpFrames} frames (a suspended machine) it skips ahead
 * instead of bursting, as a device drops what it could not deliver.
 *
 * <p>A producer that throws or returns null has ended: the pacer logs why and stops.
 * {@link #close()} stops the thread and waits for it to end.
 *
 * @param <F> the frame type
 */
final class FramePacer<F> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FramePacer.class);
    private static final long JOIN_TIMEOUT_MILLIS = 5_000;

    private final long intervalNanos;
    private final int maxCatchUpFrames;
    private final LongFunction<F> frames;
    private final Consumer<F> sink;
    private final Thread thread;
    private final AtomicLong produced = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile boolean running;
    private boolean started; // guarded by this
    private boolean closed; // guarded by this

    /**
     * @param intervalNanos time from one frame to the next
     * @param maxCatchUpFrames further behind than this many frames, skip ahead rather than burst
     * @param frames makes the frame due at the given capture time; called on the pacing thread only
     * @param sink takes each frame, on the pacing thread
     * @param threadName names the pacing thread (seen in thread dumps and logs)
     */
    FramePacer(long intervalNanos, int maxCatchUpFrames, LongFunction<F> frames, Consumer<F> sink, String threadName) {
        if (intervalNanos <= 0 || maxCatchUpFrames < 1) {
            throw new IllegalArgumentException("interval and catch-up limit must be positive");
        }
        if (frames == null || sink == null) {
            throw new IllegalArgumentException("frames and sink must not be null");
        }
        this.intervalNanos = intervalNanos;
        this.maxCatchUpFrames = maxCatchUpFrames;
        this.frames = frames;
        this.sink = sink;
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    /** Starts the pacing thread; the first frame is produced at once. */
    synchronized void start() {
        if (started || closed) {
            throw new IllegalStateException(closed ? "closed" : "already started");
        }
        started = true;
        running = true;
        thread.start();
    }

    long framesProduced() {
        return produced.get();
    }

    long framesSkipped() {
        return skipped.get();
    }

    String name() {
        return thread.getName();
    }

    /**
     * Stops producing and waits (up to 5 s, in case a sink blocks) for the pacing thread to end;
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
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait); // may wake early (close, spuriously): the loop checks again
                continue;
            }
            long behind = -wait / intervalNanos;
            if (behind > maxCatchUpFrames) {
                skipped.addAndGet(behind);
                due += behind * intervalNanos;
                log.debug("{} stalled, skipped {} frames", thread.getName(), behind);
            }
            F frame;
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
            sink.accept(frame);
            produced.incrementAndGet();
            due += intervalNanos;
        }
    }
}
