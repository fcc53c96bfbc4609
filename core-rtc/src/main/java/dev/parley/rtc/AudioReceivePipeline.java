package dev.parley.rtc;

import dev.parley.rtc.codec.AudioDecoder;
import dev.parley.rtc.interceptor.PeriodicTask;
import dev.parley.rtc.media.AudioJitterBuffer;
import dev.parley.rtc.media.AudioPlayoutStats;
import dev.parley.rtc.media.PlayoutPoint;
import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.sdp.CodecCapability;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audio in, for one receiver: RTP packets → jitter buffer (as they arrive) and a playout task on
 * the executor's timer that pulls a 10 ms frame (decoded, recovered or concealed) every 10 ms →
 * the remote track. On the executor.
 *
 * <p>The playout clock is the executor's: each run plays the frames whose time has come since the
 * clock started, so a late timer run catches up instead of slowing playout down; after a stall
 * longer than {@link #MAX_CATCH_UP} frames the missed frames are skipped (the jitter buffer then
 * holds more than its target and speeds up by itself). The task runs only while the buffer has
 * something to play; a change of codec (another payload type) starts a new decoder and buffer,
 * keeping the counters.
 */
final class AudioReceivePipeline implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AudioReceivePipeline.class);
    static final long TICK_MILLIS = 10;
    static final int MAX_CATCH_UP = 5;
    private static final long FRAME_NANOS = AudioJitterBuffer.FRAME_NANOS;

    private final MediaEngine engine;
    private final SerialExecutor executor;
    private final Consumer<AudioFrame> frames;
    private final AudioPlayoutStats stats = new AudioPlayoutStats();
    private final PeriodicTask playout;
    private CodecCapability codec;
    private AudioDecoder decoder;
    private AudioJitterBuffer buffer;
    private long clockStartNanos;
    private long framesPlayed;
    private boolean closed;
    /** Audio/video sync's extra delay; kept for the buffer of the next codec. */
    private long syncDelayNanos;
    private PlayoutPoint lastPlayed;

    /** @param frames takes each 10 ms frame of playout (on the executor) */
    AudioReceivePipeline(MediaEngine engine, SerialExecutor executor, Consumer<AudioFrame> frames) {
        this.engine = engine;
        this.executor = executor;
        this.frames = frames;
        this.playout = new PeriodicTask(executor, TICK_MILLIS, this::play);
    }

    /** One media packet of {@code packetCodec}, arrived at {@code nowNanos} on the executor's clock. */
    void onRtp(CodecCapability packetCodec, RtpPacket packet, long nowNanos) {
        if (closed) {
            return;
        }
        if (!packetCodec.equals(codec)) {
            start(packetCodec);
        }
        if (buffer == null) {
            return; // no decoder for this codec here: MediaEngine logged why
        }
        buffer.insert(packet.ssrc(), packet.sequenceNumber(), packet.timestamp(), packet.payload(), nowNanos);
        if (!playout.isRunning()) {
            clockStartNanos = nowNanos;
            framesPlayed = 0;
            playout.start();
        }
    }

    /** Holds playout back by {@code nanos} more than jitter needs (audio/video sync); on the executor. */
    void setSyncDelay(long nanos) {
        syncDelayNanos = nanos;
        if (buffer != null) {
            buffer.setExtraDelay(nanos);
        }
    }

    /** What was played last and when; null before the first frame. On the executor. */
    PlayoutPoint lastPlayed() {
        return lastPlayed;
    }

    /** The jitter buffer's counters (W3C inbound-rtp audio members); on the executor. */
    AudioPlayoutStats stats() {
        return stats;
    }

    /**
     * The remote side stopped sending: what is buffered is dropped and playout stops now, rather
     * than concealing into silence until the buffer finds the stream idle. The next packet starts
     * afresh.
     */
    void flush() {
        playout.stop();
        closeDecoder();
        buffer = null;
        codec = null;
    }

    @Override
    public void close() {
        closed = true;
        playout.close();
        closeDecoder();
        buffer = null;
    }

    private void start(CodecCapability newCodec) {
        closeDecoder();
        codec = newCodec;
        decoder = engine.audioDecoder(newCodec).orElse(null);
        buffer = decoder == null ? null : new AudioJitterBuffer(decoder, stats, AudioJitterBuffer.Settings.DEFAULTS);
        if (buffer != null) {
            buffer.setExtraDelay(syncDelayNanos);
        }
        framesPlayed = 0;
        clockStartNanos = executor.nanoTime();
    }

    /** The timer: plays every frame due by now, then rests if there is nothing left to play. */
    private void play() {
        if (buffer == null) {
            playout.stop();
            return;
        }
        long now = executor.nanoTime();
        long due = (now - clockStartNanos) / FRAME_NANOS + 1 - framesPlayed;
        if (due > MAX_CATCH_UP) {
            log.debug("audio playout {} frames behind: skipping to now", due);
            framesPlayed += due - 1;
            due = 1;
        }
        for (long i = 0; i < due; i++) {
            AudioFrame frame = buffer.pull(clockStartNanos + framesPlayed * FRAME_NANOS);
            framesPlayed++;
            if (frame != null) {
                lastPlayed = new PlayoutPoint(buffer.pulledTimestamp(), now);
                frames.accept(frame);
            }
        }
        if (buffer.isIdle()) {
            playout.stop();
        }
    }

    private void closeDecoder() {
        if (decoder instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.debug("{} decoder did not close cleanly: {}", codec.name(), e.toString());
            }
        }
        decoder = null;
    }
}
