package dev.parley.media;

import dev.parley.media.processing.AudioProcessing;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the speakers play, handed to the audio processing of the microphones that may hear it:
 * the far end, the echo's source. One per {@link MediaDevices}: its speakers publish every 10 ms
 * mono 48 kHz frame they write to the device (silence included), and its microphones' processors
 * subscribe.
 *
 * <p>One speaker at a time is the reference: the one opened last that is still open. Two speakers
 * playing at once can not both be one stream of 10 ms frames; the newest is what the user just
 * chose (switching speakers opens the new one before closing the old), and a speaker that closes
 * hands the reference back to the one opened before it.
 *
 * <p>Publishing allocates nothing: subscribers are an array replaced when one comes or goes.
 */
public final class EchoReference {
    private static final Logger log = LoggerFactory.getLogger(EchoReference.class);

    private volatile RenderSink[] subscribers = new RenderSink[0];
    private final Deque<Speaker> speakers = new ArrayDeque<>(); // guarded by this; newest first
    private volatile Speaker current;
    /** How long the last published frame waited in the speaker's buffer before playing, in nanoseconds. */
    private volatile long renderDelayNanos = -1;
    private volatile long framesPublished;

    /** Takes the far end's frames; an {@link AudioProcessing}'s {@code analyzeRender} is one. */
    @FunctionalInterface
    public interface RenderSink {
        /**
         * One 10 ms frame as the speaker plays it: {@link AudioProcessing#FRAME_SAMPLES} mono
         * samples at 48 kHz from {@code offset}, in a buffer reused for the next frame. Called on
         * the speaker's thread; must not block.
         */
        void analyzeRender(short[] far, int offset);
    }

    /**
     * Feeds {@code sink} every frame the reference speaker plays from now on, on the speaker's
     * thread, until the result is closed.
     */
    public synchronized AutoCloseable subscribe(RenderSink sink) {
        RenderSink[] now = Arrays.copyOf(subscribers, subscribers.length + 1);
        now[now.length - 1] = sink;
        subscribers = now;
        return () -> unsubscribe(sink);
    }

    private synchronized void unsubscribe(RenderSink sink) {
        RenderSink[] now = subscribers;
        for (int i = 0; i < now.length; i++) {
            if (now[i] == sink) {
                RenderSink[] fewer = new RenderSink[now.length - 1];
                System.arraycopy(now, 0, fewer, 0, i);
                System.arraycopy(now, i + 1, fewer, i, now.length - i - 1);
                subscribers = fewer;
                return;
            }
        }
    }

    /** Processors fed now. */
    int subscriberCount() {
        return subscribers.length;
    }

    /**
     * How long what a speaker writes now waits in its device buffer before it plays, as measured
     * at the reference speaker's last frame; -1 before any frame (or with no speaker open).
     */
    public long renderDelayNanos() {
        return current == null ? -1 : renderDelayNanos;
    }

    /** Frames the reference speakers published so far. */
    long framesPublished() {
        return framesPublished;
    }

    /** A speaker that opens; it becomes the reference until it closes or a newer one opens. */
    synchronized Speaker openSpeaker(String label) {
        Speaker speaker = new Speaker(label);
        speakers.addFirst(speaker);
        current = speaker;
        log.debug("{} is the echo reference", label);
        return speaker;
    }

    private synchronized void closeSpeaker(Speaker speaker) {
        speakers.remove(speaker);
        current = speakers.peekFirst();
        if (current == null) {
            renderDelayNanos = -1;
        }
    }

    /** One speaker's side: it publishes what it plays; only the reference speaker's frames pass. */
    final class Speaker implements AutoCloseable {
        private final String label;

        private Speaker(String label) {
            this.label = label;
        }

        /**
         * One 10 ms mono 48 kHz frame written to the device ({@link AudioProcessing#FRAME_SAMPLES}
         * samples from 0), and how long it waits behind what the device held before it.
         */
        void publish(short[] mono, long delayNanos) {
            if (current != this) {
                return;
            }
            renderDelayNanos = delayNanos;
            framesPublished++; // one publisher thread at a time: the reference speaker's
            for (RenderSink sink : subscribers) {
                sink.analyzeRender(mono, 0);
            }
        }

        boolean isReference() {
            return current == this;
        }

        @Override
        public void close() {
            closeSpeaker(this);
        }

        @Override
        public String toString() {
            return label;
        }
    }
}
