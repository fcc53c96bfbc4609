package dev.parley.rtc;

import dev.parley.rtc.codec.VideoDecodeException;
import dev.parley.rtc.codec.VideoDecoder;
import dev.parley.rtc.media.DepacketizedFrame;
import dev.parley.rtc.media.FrameQpParser;
import dev.parley.rtc.media.FrameRateMeter;
import dev.parley.rtc.media.PlayoutPoint;
import dev.parley.rtc.media.QpSum;
import dev.parley.rtc.media.VideoPlayout;
import dev.parley.rtc.media.VideoFrameAssembler;
import dev.parley.rtc.media.VideoPayloadFormat;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.sdp.CodecCapability;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Video in, for one receiver: RTP packets → frame assembler (order, completeness, key frame
 * requests when stuck), on the executor → decoder → pictures for the remote track, on a decoding
 * thread of the receiver's own. Decoding a 720p frame takes milliseconds; on the executor it would
 * hold up every packet behind it, and the late receive times would read as congestion to the
 * sender's delay-based estimator.
 *
 * <p>A decoder that fails (a corrupt frame, a delta frame without its reference) asks for a key
 * frame as well, through the same rate-limited path: the sender answers a PLI with one. So does a
 * decoding thread that fell more than {@value #MAX_QUEUED_FRAMES} frames behind: the backlog is
 * skipped. A change of codec (another payload type) starts over with a new assembler and decoder.
 */
final class VideoReceivePipeline implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VideoReceivePipeline.class);
    static final int MAX_PACKETS = 1024;
    /** How long a frame waits behind a gap before a key frame is asked for, when nothing else repairs it. */
    static final Duration STUCK_AFTER = Duration.ofMillis(100);
    /**
     * The same with NACK negotiated: retransmissions get a few round trips first. Asking at once
     * turns every lost packet into a key frame, which at 5% loss is lost in part itself — key
     * frames then beget key frames.
     */
    static final Duration STUCK_AFTER_WITH_NACK = Duration.ofMillis(350);
    static final Duration KEY_FRAME_REQUEST_INTERVAL = Duration.ofMillis(300);
    static final int MAX_QUEUED_FRAMES = 30;

    private final MediaEngine engine;
    private final Consumer<VideoFrame> pictures;
    private final Runnable requestKeyFrame;
    private final ScheduledExecutorService decoding;
    /** The receiver's monotonic clock (the executor's), for {@link #lastShown()}. */
    private final LongSupplier clock;
    /** Audio/video sync's extra delay, set on the executor, read on the decoding thread. */
    private volatile long syncDelayNanos;
    private volatile PlayoutPoint lastShown;
    /** Decoding thread only. */
    private final VideoPlayout playout = new VideoPlayout();
    /** Decoding thread only: decoded pictures waiting for their render time, oldest first (render times never fall). */
    private final java.util.ArrayDeque<DuePicture> due = new java.util.ArrayDeque<>();
    private volatile boolean closed;
    private final AtomicInteger queuedFrames = new AtomicInteger();
    private CodecCapability codec;
    private VideoFrameAssembler assembler;
    /** Used on the decoding thread only; replaced (and closed there) when the codec changes. */
    private VideoDecoder decoder;
    /** Goes with the decoder (same threads): reads the QP of each frame handed to it. */
    private FrameQpParser qpParser;
    private final QpSum qpSum = new QpSum();
    /** The decoder refused a frame or the backlog was skipped: the next packet asks for a key frame. */
    private volatile boolean decoderFailed;
    /** The turn the sender's orientation extension asks for (video-orientation); executor only. */
    private int rotation;
    private long framesSkipped;
    private long playoutDelayNanos;
    private long framesShown;
    private final FrameRateMeter decodeRate = new FrameRateMeter();
    // Counters: written on the decoding thread, read through counters().
    private long framesDecoded;
    private long keyFramesDecoded;
    private long decodeFailures;
    private long keyFrameRequests;
    private long totalDecodeNanos;
    private int frameWidth;
    private int frameHeight;

    /**
     * @param pictures takes each decoded picture (on the decoding thread)
     * @param requestKeyFrame sends a PLI for the stream being received
     * @param clock the receiver's monotonic clock, nanoseconds
     */
    VideoReceivePipeline(MediaEngine engine, Consumer<VideoFrame> pictures, Runnable requestKeyFrame,
                         LongSupplier clock) {
        this.engine = engine;
        this.clock = clock;
        this.pictures = pictures;
        this.requestKeyFrame = requestKeyFrame;
        this.decoding = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "parley-video-decode");
            t.setDaemon(true);
            return t;
        });
    }

    /** One media packet of {@code packetCodec} (not RTX, not RED). */
    void onRtp(CodecCapability packetCodec, RtpPacket packet, long nowNanos) {
        if (!packetCodec.equals(codec)) {
            start(packetCodec);
        }
        if (assembler == null) {
            return; // a codec Parley cannot decode here: counted by the engine's log, nothing to show
        }
        VideoDecoder current = decoder;
        FrameQpParser qp = qpParser;
        int turn = rotation;
        for (DepacketizedFrame frame : assembler.insert(packet, nowNanos)) {
            if (queuedFrames.get() >= MAX_QUEUED_FRAMES && !frame.keyFrame()) {
                synchronized (this) {
                    framesSkipped++;
                }
                decoderFailed = true; // what follows needs the skipped frames: start again from a key frame
                continue;
            }
            queuedFrames.incrementAndGet();
            decoding.execute(() -> {
                queuedFrames.decrementAndGet();
                decode(current, qp, frame, turn, nowNanos);
            });
        }
        if (assembler.pollKeyFrameRequest(nowNanos) || decoderFailed) {
            decoderFailed = false;
            keyFrameRequests++;
            requestKeyFrame.run();
        }
    }

    /** Holds pictures back by {@code nanos} more than their playout needs (audio/video sync); any thread. */
    void setSyncDelay(long nanos) {
        syncDelayNanos = nanos;
    }

    /** The RTP timestamp of the picture handed to the track last and when; null before the first. Any thread. */
    PlayoutPoint lastShown() {
        return lastShown;
    }

    /** The clockwise turn (degrees) that pictures from the next frame on are to be shown with. */
    void setRotation(int degrees) {
        rotation = degrees;
    }

    /** Decoded pictures, key frames among them, refused frames, key frames asked for, and the last picture's size. */
    record Counters(long framesDecoded, long keyFramesDecoded, long decodeFailures, long keyFrameRequests,
                    long totalDecodeNanos, int frameWidth, int frameHeight, long framesDropped, int framesPerSecond,
                    long playoutDelayNanos, long framesShown, OptionalLong qpSum) {}

    synchronized Counters counters() {
        return new Counters(framesDecoded, keyFramesDecoded, decodeFailures, keyFrameRequests, totalDecodeNanos,
                frameWidth, frameHeight, framesSkipped + decodeFailures, decodeRate.framesPerSecond(System.nanoTime()),
                playoutDelayNanos, framesShown, qpSum.sum());
    }

    /** Stops decoding; frames still queued are dropped and the decoder is freed on its thread. */
    @Override
    public void close() {
        closed = true;
        closeDecoder();
        assembler = null;
        decoding.shutdown();
    }

    private void closeDecoder() {
        VideoDecoder old = decoder;
        decoder = null;
        if (old != null) {
            try {
                decoding.execute(old::close);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                old.close(); // the thread is gone: nothing can be using the decoder
            }
        }
    }

    private void start(CodecCapability newCodec) {
        closeDecoder();
        assembler = null;
        codec = newCodec;
        Optional<VideoPayloadFormat> format = VideoPayloadFormat.of(newCodec.name());
        Optional<VideoDecoder> made = format.isPresent() ? engine.videoDecoder(newCodec) : Optional.empty();
        if (made.isEmpty()) {
            return;
        }
        decoder = made.get();
        qpParser = format.get().qpParser();
        assembler = new VideoFrameAssembler(format.get().depacketizer(), format.get().explicitFrameStart(),
                MAX_PACKETS, newCodec.rtcpFeedback().contains("nack") ? STUCK_AFTER_WITH_NACK : STUCK_AFTER,
                KEY_FRAME_REQUEST_INTERVAL);
    }

    /**
     * Hands the picture on at its render time ({@link VideoPlayout}). Pictures wait in order in
     * {@link #due}; each scheduled wake-up delivers every picture whose time has come, oldest
     * first. (Scheduling each picture on its own would order them by the scheduler's trigger
     * times, which a thread preempted between reading the clock and scheduling can swap.)
     */
    private void show(VideoFrame picture, long rtpTimestamp) {
        long ready = System.nanoTime();
        playout.setExtraDelay(syncDelayNanos);
        long render = playout.renderTime(rtpTimestamp, ready);
        synchronized (this) {
            playoutDelayNanos += render - ready;
            framesShown++;
        }
        due.add(new DuePicture(picture, rtpTimestamp, render));
        decoding.schedule(this::deliverDue, Math.max(0, render - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** On the decoding thread: the pictures whose render time has come, in order. */
    private void deliverDue() {
        DuePicture next;
        while ((next = due.peek()) != null && next.renderNanos() - System.nanoTime() <= 0) {
            due.poll();
            if (!closed) {
                lastShown = new PlayoutPoint(next.rtpTimestamp(), clock.getAsLong());
                pictures.accept(next.picture());
            }
        }
    }

    private record DuePicture(VideoFrame picture, long rtpTimestamp, long renderNanos) {}

    /** On the decoding thread. */
    private void decode(VideoDecoder with, FrameQpParser parser, DepacketizedFrame frame, int turn, long nowNanos) {
        // Every frame the decoder gets, decodable or not: an H.264 parser must see each parameter set.
        OptionalInt qp = qpSum.read(parser, frame.data());
        long started = System.nanoTime();
        try {
            Optional<VideoFrame> picture = with.decode(frame.data(), nowNanos);
            synchronized (this) {
                totalDecodeNanos += System.nanoTime() - started;
                if (picture.isPresent()) {
                    framesDecoded++;
                    qp.ifPresent(qpSum::add);
                    decodeRate.add(System.nanoTime());
                    frameWidth = picture.get().width();
                    frameHeight = picture.get().height();
                    if (frame.keyFrame()) {
                        keyFramesDecoded++;
                    }
                }
            }
            if (picture.isPresent()) {
                show(picture.get().rotation() == turn ? picture.get() : picture.get().withRotation(turn),
                        frame.timestamp());
            }
        } catch (VideoDecodeException e) {
            synchronized (this) {
                decodeFailures++;
            }
            decoderFailed = true;
            log.debug("{} frame not decodable: {}", with.name(), e.getMessage());
        }
    }
}
