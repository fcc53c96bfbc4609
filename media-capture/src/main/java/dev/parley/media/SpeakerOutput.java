package dev.parley.media;

import dev.parley.media.SoundSystem.Endpoint;
import dev.parley.media.SoundSystem.PlaybackLine;
import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.codec.AudioResampler;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A speaker playing one track at a time through a small, stable buffer: the track's sink puts
 * frames in a queue of {@value #QUEUE_FRAMES} (the oldest is dropped when it is full, so delay
 * can not build up), and a playout thread writes them to a line of {@value #LINE_BUFFER_MILLIS} ms
 * at 48 kHz, resampling other rates with core-rtc's {@link AudioResampler}. When nothing comes it
 * keeps the line filled with silence so that the device does not underrun and restart.
 * The line opens at the first frame's channel count and reopens if that changes.
 *
 * <p>The thread never blocks inside the driver: it writes only what the line has room for, and
 * waits for room itself. A line that takes nothing for {@value #STALL_MILLIS} ms has stopped
 * playing (a wedged driver, a sound server that stopped the stream): it is closed and opened
 * again, and if that does not help {@value #REOPENS_BEFORE_FAILING} times in a row the speaker
 * ends with a {@code NotReadableError}.
 *
 * <p>Everything written to the line — the track's audio and the silence — also goes, mixed to
 * mono in 10 ms frames, to the {@link EchoReference} of the {@link MediaDevices} that opened it,
 * with how long it waits in the line before it plays: the microphones' echo cancellers need
 * exactly what the device plays, when it plays it.
 */
final class SpeakerOutput implements AudioOutput {
    private static final Logger log = LoggerFactory.getLogger(SpeakerOutput.class);
    static final int QUEUE_FRAMES = 4;
    static final int LINE_BUFFER_MILLIS = 40;
    static final long STALL_MILLIS = 1000;
    static final int REOPENS_BEFORE_FAILING = 3;
    /** How long the playout thread sleeps while the line has no room: a fifth of a 10 ms frame. */
    private static final long ROOM_WAIT_NANOS = 2_000_000;
    private static final int RATE = TenMillisecondFrames.RATE;

    private final SoundSystem sound;
    private final Endpoint endpoint;
    private final MediaDeviceInfo device;
    private final ArrayBlockingQueue<AudioFrame> queue = new ArrayBlockingQueue<>(QUEUE_FRAMES);
    private final Thread thread;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong framesPlayed = new AtomicLong();
    private final AtomicLong silenceWritten = new AtomicLong();
    private final AtomicLong reopened = new AtomicLong();
    private volatile long lastWriteNanos;
    private int stallsInARow; // playout thread only
    private long bytesIntoLine; // playout thread only: taken by the line open now
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private volatile boolean running = true;
    private volatile PlaybackLine line; // written by the playout thread only
    private volatile AutoCloseable playing;
    private AudioResampler resampler; // playout thread only
    private final RenderTap render; // playout thread only
    private byte[] silence = new byte[0]; // playout thread only: 10 ms of it for the open line
    private byte[] frameBytes = new byte[0]; // playout thread only: the frame being written

    /**
     * Opens nothing yet: the line opens on the playout thread at the first frame. What it plays
     * goes to {@code echo} as well.
     */
    SpeakerOutput(SoundSystem sound, Endpoint endpoint, MediaDeviceInfo device, EchoReference echo) {
        this.sound = sound;
        this.endpoint = endpoint;
        this.device = device;
        this.render = new RenderTap(echo.openSpeaker(device.label()));
        this.thread = new Thread(this::run, "parley-speaker-" + device.label());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public MediaDeviceInfo device() {
        return device;
    }

    /** Plays {@code track} from now on, instead of the track played before. */
    @Override
    public synchronized AutoCloseable play(MediaStreamTrack track) {
        stopPlaying();
        AutoCloseable sink = track.addAudioSink(this::enqueue);
        playing = sink;
        return () -> {
            sink.close();
            synchronized (this) {
                if (playing == sink) {
                    playing = null;
                }
            }
        };
    }

    @Override
    public long latencyNanos() {
        PlaybackLine now = line;
        long queued = queue.size() * 10_000_000L;
        if (now == null) {
            return queued;
        }
        long bytesPerSecond = (long) now.sampleRate() * now.channels() * 2;
        long inDevice = Math.max(0, now.bufferSize() - now.available());
        return queued + inDevice * 1_000_000_000L / bytesPerSecond;
    }

    @Override
    public CompletableFuture<Void> whenEnded() {
        return ended;
    }

    /** Times a line that stopped taking audio was opened again. */
    long reopened() {
        return reopened.get();
    }

    /** Frames dropped because the queue was full (the track delivered faster than the device plays). */
    long framesDropped() {
        return dropped.get();
    }

    /** The speaker's state for logs and failure messages: what it played, and when it last could. */
    @Override
    public String toString() {
        PlaybackLine now = line;
        long sinceWrite = lastWriteNanos == 0 ? -1 : (System.nanoTime() - lastWriteNanos) / 1_000_000;
        return device.label() + ": " + (ended.isDone() ? "ended" : "running") + ", " + framesPlayed.get()
                + " frames played, " + silenceWritten.get() + " silences, " + dropped.get() + " dropped, "
                + reopened.get() + " reopened, last write " + (sinceWrite < 0 ? "never" : sinceWrite + " ms ago")
                + (now == null ? ", no line" : ", line " + now.available() + "/" + now.bufferSize() + " bytes free");
    }

    @Override
    public void close() {
        running = false;
        synchronized (this) {
            stopPlaying();
        }
        thread.interrupt();
    }

    private void stopPlaying() {
        AutoCloseable previous = playing;
        playing = null;
        if (previous != null) {
            try {
                previous.close();
            } catch (Exception e) {
                log.debug("removing a sink failed", e);
            }
        }
    }

    private void enqueue(AudioFrame frame) {
        while (!queue.offer(frame)) {
            if (queue.poll() != null) {
                dropped.incrementAndGet();
            }
        }
    }

    private void run() {
        try {
            while (running) {
                AudioFrame frame = queue.poll(10, TimeUnit.MILLISECONDS);
                if (frame == null) {
                    keepFed();
                    continue;
                }
                write(frame);
            }
        } catch (InterruptedException e) {
            // closing
        } catch (RuntimeException e) {
            log.warn("{} failed while playing: {}", device.label(), e.toString());
            ended.completeExceptionally(e instanceof MediaDeviceException known ? known
                    : new MediaDeviceException(MediaDeviceException.NOT_READABLE, device.label() + " failed: " + e, e));
        } finally {
            running = false;
            render.close();
            PlaybackLine open = line;
            line = null;
            if (open != null) {
                try {
                    open.close();
                } catch (RuntimeException e) {
                    log.debug("closing {} failed", device.label(), e);
                }
            }
            ended.complete(null); // no effect after a failure
        }
    }

    /**
     * With nothing to play, keep the line as full as playing keeps it, in 10 ms blocks of silence.
     * Topping it up only when it ran nearly dry let PulseAudio's stream underrun again and again
     * (it drains the line in bursts): the sound server then plays silence nobody wrote, and the
     * echo reference loses step with what the speaker plays.
     */
    private void keepFed() {
        PlaybackLine open = line;
        if (open == null) {
            return;
        }
        int tenMillis = RATE / 100 * open.channels() * 2;
        if (silence.length != tenMillis) {
            silence = new byte[tenMillis];
        }
        for (int blocks = open.available() / tenMillis; blocks > 0 && running; blocks--) {
            writeAll(open, silence, silence.length);
            silenceWritten.incrementAndGet();
        }
    }

    private void write(AudioFrame frame) {
        PlaybackLine open = line;
        if (open == null || open.channels() != frame.channels()) {
            open = reopen(open, frame.channels());
            resampler = null;
        }
        AudioFrame at48k = frame;
        if (frame.sampleRate() != RATE) {
            if (resampler == null || resampler.inputRate() != frame.sampleRate()) {
                resampler = new AudioResampler(frame.sampleRate(), RATE, frame.channels());
            }
            at48k = resampler.resample(frame);
        }
        int length = at48k.sampleCount() * 2;
        if (frameBytes.length < length) {
            frameBytes = new byte[length];
        }
        for (int i = 0; i < at48k.sampleCount(); i++) {
            short sample = at48k.sample(i);
            frameBytes[2 * i] = (byte) sample;
            frameBytes[2 * i + 1] = (byte) (sample >> 8);
        }
        writeAll(open, frameBytes, length);
        framesPlayed.incrementAndGet();
    }

    private PlaybackLine reopen(PlaybackLine old, int channels) {
        if (old != null) {
            old.close();
        }
        line = null;
        PlaybackLine opened = sound.openPlayback(endpoint, RATE, channels, LINE_BUFFER_MILLIS);
        bytesIntoLine = 0;
        render.reset();
        line = opened;
        return opened;
    }

    /**
     * Hands the first {@code length} of {@code bytes} to the line, waiting for room without
     * blocking in the driver. A line that makes no room for {@value #STALL_MILLIS} ms is reopened
     * and the rest written there; one that takes less than it is given while we play has stopped
     * (closed under us, unplugged). Once all is written, the echo reference gets it too.
     */
    private void writeAll(PlaybackLine open, byte[] bytes, int length) {
        int offset = 0;
        long delayNanos = -1;
        long waitingSince = System.nanoTime();
        while (offset < length && running) {
            int room = Math.min(open.available(), length - offset);
            room -= room % (2 * open.channels()); // whole sample frames only
            if (room <= 0) {
                if (System.nanoTime() - waitingSince > STALL_MILLIS * 1_000_000) {
                    open = recoverFromStall(open);
                    waitingSince = System.nanoTime();
                } else {
                    LockSupport.parkNanos(ROOM_WAIT_NANOS);
                }
                continue;
            }
            if (delayNanos < 0) { // what the line holds ahead of these bytes: they play after it
                delayNanos = nanos(open, open.bufferSize() - open.available());
            }
            int written = open.write(bytes, offset, room);
            if (written < room && running) {
                throw new MediaDeviceException(MediaDeviceException.NOT_READABLE, device.label()
                        + " stopped taking audio (wrote " + written + " of " + room + " bytes)");
            }
            offset += written;
            waitingSince = System.nanoTime();
            lastWriteNanos = waitingSince;
            bytesIntoLine += written;
            if (bytesIntoLine > open.bufferSize()) {
                stallsInARow = 0; // more than it can hold: this line plays
            }
        }
        if (offset == length) {
            render.written(bytes, length, open.channels(), Math.max(0, delayNanos));
        }
    }

    private static long nanos(PlaybackLine line, long bytes) {
        return bytes * 1_000_000_000L / ((long) line.sampleRate() * line.channels() * 2);
    }

    private PlaybackLine recoverFromStall(PlaybackLine stalled) {
        if (++stallsInARow > REOPENS_BEFORE_FAILING) {
            throw new MediaDeviceException(MediaDeviceException.NOT_READABLE, device.label() + " stopped playing: it took no"
                    + " audio for " + STALL_MILLIS + " ms, " + stallsInARow + " times in a row, opened again in between");
        }
        log.warn("{} took no audio for {} ms; opening it again ({})", device.label(), STALL_MILLIS, this);
        reopened.incrementAndGet();
        return reopen(stalled, stalled.channels());
    }
}
