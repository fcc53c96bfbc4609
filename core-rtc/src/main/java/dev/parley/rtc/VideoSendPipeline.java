package dev.parley.rtc;

import dev.parley.rtc.codec.EncodedVideoFrame;
import dev.parley.rtc.codec.VideoEncodeException;
import dev.parley.rtc.codec.VideoEncoder;
import dev.parley.rtc.codec.VideoEncoderConfig;
import dev.parley.rtc.media.FrameQpParser;
import dev.parley.rtc.media.FrameRateMeter;
import dev.parley.rtc.media.FrameScaler;
import dev.parley.rtc.media.PayloadSize;
import dev.parley.rtc.media.QpSum;
import dev.parley.rtc.media.RateBudget;
import dev.parley.rtc.media.ResolutionLadder;
import dev.parley.rtc.media.RtpSendStream;
import dev.parley.rtc.media.VideoPacketizer;
import dev.parley.rtc.media.VideoOrientation;
import dev.parley.rtc.media.VideoPayloadFormat;
import dev.parley.rtc.sdp.CodecCapability;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Video out: track frames (on the source's thread) → encoder → packetizer → the executor → RTP
 * (interceptors, SRTP, ICE). Encoding stays on the source thread, as for audio, so the executor
 * only stamps and sends packets; a frame that arrives while the previous one is still being
 * encoded waits for it (a camera thread is never shared by two frames).
 *
 * <p>Key frames come at the start, after a new negotiation, and when the receiver asks (PLI or
 * FIR, through {@link #requestKeyFrame()}) — but not closer than {@link #MIN_KEY_FRAME_INTERVAL_NANOS}
 * to the last one: under loss a receiver asks again and again, and each answer is several
 * delta frames' worth of bytes. FFmpeg's encoders take a new bitrate only by reopening, which
 * costs a key frame, so the target is applied in steps of at least {@value #BITRATE_STEP_PERCENT}%
 * and not more often than {@link #MIN_REOPEN_INTERVAL_NANOS}; in between, a {@link RateBudget}
 * holds the output to the target. The picture size follows the encoder's bitrate
 * ({@link ResolutionLadder}), so a size change rides on a reopen that happens anyway.
 */
final class VideoSendPipeline implements SendPipeline {
    private static final Logger log = LoggerFactory.getLogger(VideoSendPipeline.class);
    /**
     * Until congestion control says otherwise (it starts here too, as libwebrtc does: low enough
     * not to flood a narrow link; its start-up probes raise it within a round trip or two).
     */
    static final int INITIAL_BITRATE = 300_000;
    static final double NOMINAL_FRAME_RATE = 30;
    static final int BITRATE_STEP_PERCENT = 15;
    static final long MIN_REOPEN_INTERVAL_NANOS = 1_000_000_000L;
    /**
     * The first reopen may come sooner: the start-up probes answer within a round trip or two,
     * and a call should not spend its first second at the start rate's small picture for want of
     * one early key frame.
     */
    static final long MIN_FIRST_REOPEN_INTERVAL_NANOS = 300_000_000L;
    static final long MIN_KEY_FRAME_INTERVAL_NANOS = 300_000_000L;
    static final double MIN_BUDGET_FRAME_RATE = 15;
    static final int ENCODER_OVERSHOOT_PERCENT = 10;

    private final MediaContext context;
    private final long ssrc;
    /** Made on the first negotiation; on the executor. */
    private RtpSendStream stream;
    private volatile Configured configured;
    private volatile boolean active = true;
    private volatile boolean stopped;
    private volatile boolean keyFrameWanted;
    /** Congestion control's share for this sender. */
    private volatile int targetBitrate = INITIAL_BITRATE;
    /** The application's cap ({@code setParameters} maxBitrate), or {@link Long#MAX_VALUE}. */
    private volatile long maxBitrate = Long.MAX_VALUE;
    /** The ceiling of the source's picture size; a 720p camera's until the first picture says. */
    private volatile long sourceCeiling = ResolutionLadder.maxBitrate(1280, 720);

    // Guarded by this (the source thread encodes; stop() closes).
    private VideoEncoder encoder;
    private Configured encoderFor;
    private VideoPacketizer packetizer;
    /** Follows the encoder's bitstream (H.264: its parameter sets); a new encoder gets a new one. */
    private FrameQpParser qpParser;
    private final QpSum qpSum = new QpSum();
    private int appliedBitrate;
    /** What the encoder aims for now: the lowest of the target, the cap and the source size's ceiling. */
    private int encoderTarget = INITIAL_BITRATE;
    private long appliedAtNanos;
    /** Whether the encoder was reopened for a new rate since it was made. */
    private boolean reopened;
    private long lastKeyFrameNanos = Long.MIN_VALUE;
    /** The source's frame interval (every picture, skipped ones too), smoothed; what the encoder budgets by. */
    private double sourceIntervalNanos = 1e9 / NOMINAL_FRAME_RATE;
    private double encoderFrameRate = NOMINAL_FRAME_RATE;
    private long lastCaptureNanos = Long.MIN_VALUE;
    /** Skips pictures while the encoder runs ahead of the target by more than a key frame's worth. */
    private final RateBudget frameBudget = new RateBudget(INITIAL_BITRATE, Duration.ofMillis(400));
    private long encodeFailures;
    private long framesEncoded;
    private final FrameRateMeter encodeRate = new FrameRateMeter();
    private long keyFramesEncoded;
    private long totalEncodeNanos;
    private int frameWidth;
    private int frameHeight;

    private record Configured(SendConfig config, CodecCapability codec, VideoPayloadFormat format) {}

    /** What the encoder did, for {@code outbound-rtp} stats (W3C names). */
    record Counters(long framesEncoded, long keyFramesEncoded, long framesDropped, long totalEncodeNanos,
                    int frameWidth, int frameHeight, int targetBitrate, int framesPerSecond, OptionalLong qpSum) {}

    VideoSendPipeline(MediaContext context, long ssrc) {
        this.context = context;
        this.ssrc = ssrc;
    }

    @Override
    public AutoCloseable attach(MediaStreamTrack track) {
        return track.addVideoSink(this::onFrame);
    }

    @Override
    public void configure(SendConfig config) {
        Optional<CodecCapability> primary = config.codecs().stream().filter(CodecCapability::isMediaCodec).findFirst();
        if (primary.isEmpty()) {
            configured = config.codecs().isEmpty() ? null : new Configured(config, null, null);
            return;
        }
        CodecCapability codec = primary.get();
        if (stream == null) {
            stream = new RtpSendStream(ssrc, codec.clockRate(), context.random());
        }
        Configured current = configured;
        if (current != null && codec.equals(current.codec())
                && current.config().midExtensionId() == config.midExtensionId()
                && current.config().sending() == config.sending()) {
            configured = new Configured(config, codec, current.format());
            return;
        }
        configured = new Configured(config, codec, VideoPayloadFormat.of(codec.name()).orElse(null));
    }

    @Override
    public void setActive(boolean isActive) {
        this.active = isActive;
    }

    @Override
    public void stop() {
        stopped = true;
        synchronized (this) {
            closeEncoder();
        }
    }

    @Override
    public List<CodecCapability> negotiatedCodecs() {
        Configured c = configured;
        return c == null ? List.of() : c.config().codecs();
    }

    @Override
    public void requestKeyFrame() {
        keyFrameWanted = true;
    }

    @Override
    public void setTargetBitrate(int bitsPerSecond) {
        targetBitrate = Math.max(1, bitsPerSecond);
    }

    @Override
    public void setMaxBitrate(OptionalLong bitsPerSecond) {
        maxBitrate = bitsPerSecond.orElse(Long.MAX_VALUE);
    }

    @Override
    public long wantedBitrate() {
        return stopped || !active ? 0 : Math.min(maxBitrate, sourceCeiling);
    }

    /** On the source's thread. */
    private void onFrame(VideoFrame frame) {
        Configured c = configured;
        if (stopped || !active || c == null || c.format() == null || !c.config().sending()) {
            return;
        }
        if (!context.canSendMedia()) {
            // Not before the keys exist: the frames would be dropped unsent, the first key frame
            // with them, and the receiver would start by asking for another.
            return;
        }
        EncodedVideoFrame encoded;
        List<byte[]> payloads;
        synchronized (this) {
            sourceCeiling = ResolutionLadder.maxBitrate(frame.width(), frame.height());
            encoderTarget = (int) Math.max(1, Math.min(targetBitrate, Math.min(maxBitrate, sourceCeiling)));
            if (stopped || !prepareEncoder(c)) {
                return;
            }
            long now = context.executor().nanoTime();
            followSourceFrameRate(frame.captureTimeNanos());
            boolean keyFrameDue = keyFrameWanted && (lastKeyFrameNanos == Long.MIN_VALUE
                    || now - lastKeyFrameNanos >= MIN_KEY_FRAME_INTERVAL_NANOS);
            applyBitrate(now);
            if (!keyFrameDue && !frameBudget.allows(now)) {
                return;
            }
            if (keyFrameDue) {
                keyFrameWanted = false;
                encoder.requestKeyFrame();
            }
            int[] size = ResolutionLadder.sizeFor(frame.width(), frame.height(), appliedBitrate,
                    (long) frameWidth * frameHeight);
            VideoFrame picture = FrameScaler.scale(frame, size[0], size[1]);
            try {
                long started = System.nanoTime();
                Optional<EncodedVideoFrame> out = encoder.encode(picture);
                totalEncodeNanos += System.nanoTime() - started;
                if (out.isEmpty()) {
                    return; // the rate control skipped this picture
                }
                encoded = out.get();
            } catch (VideoEncodeException e) {
                encodeFailures++;
                log.warn("{} encoder failed on a {}x{} frame ({} so far): {}", c.codec().name(), frame.width(),
                        frame.height(), encodeFailures, e.getMessage());
                return;
            }
            frameBudget.spend(encoded.data().length, now);
            framesEncoded++;
            qpSum.read(qpParser, encoded.data()).ifPresent(qpSum::add);
            encodeRate.add(System.nanoTime());
            frameWidth = encoded.width();
            frameHeight = encoded.height();
            if (encoded.keyFrame()) {
                keyFramesEncoded++;
                lastKeyFrameNanos = now;
            }
            payloads = packetizer.packetize(encoded);
        }
        int payloadType = c.codec().payloadType();
        long timestamp = encoded.timestamp();
        SendConfig config = c.config();
        int rotation = frame.rotation();
        long captured = frame.captureTimeNanos();
        context.executor().execute(() -> send(config, payloadType, timestamp, captured, rotation, payloads));
    }

    /** A live encoder for the negotiated codec; a new negotiation of another codec replaces it. */
    private boolean prepareEncoder(Configured c) {
        if (encoder != null && encoderFor != null && encoderFor.codec().equals(c.codec())) {
            return true;
        }
        closeEncoder();
        encoderFor = c;
        appliedBitrate = encoderTarget;
        appliedAtNanos = context.executor().nanoTime();
        reopened = false;
        encoderFrameRate = NOMINAL_FRAME_RATE;
        encoder = context.mediaEngine().videoEncoder(c.codec(), new VideoEncoderConfig(appliedBitrate,
                NOMINAL_FRAME_RATE)).orElse(null);
        if (encoder == null) {
            return false; // logged by the engine; this m-line sends no video
        }
        packetizer = c.format().packetizer(PayloadSize.defaultSize(), context.random());
        qpParser = c.format().qpParser();
        return true;
    }

    /**
     * The encoder follows the target in steps, when it may reopen; the frame budget at once. Within
     * a step of the encoder's rate the budget allows that rate (the step exists so that small moves
     * cost nothing), plus the {@value #ENCODER_OVERSHOOT_PERCENT}% that rate control overshoots by
     * on moving pictures: a budget exactly at the target would skip frames all the time.
     */
    private void applyBitrate(long now) {
        int target = encoderTarget;
        boolean withinStep = Math.abs(target - appliedBitrate) * 100L < (long) appliedBitrate * BITRATE_STEP_PERCENT;
        long minInterval = reopened ? MIN_REOPEN_INTERVAL_NANOS : MIN_FIRST_REOPEN_INTERVAL_NANOS;
        if (!withinStep && now - appliedAtNanos >= minInterval) {
            appliedBitrate = target;
            appliedAtNanos = now;
            reopened = true;
            log.debug("encoder reopened at {} bit/s", target);
            encoder.setTargetBitrate(target);
            withinStep = true;
        }
        long allowed = withinStep ? Math.max(target, appliedBitrate) : target;
        frameBudget.setRate(allowed * (100 + ENCODER_OVERSHOOT_PERCENT) / 100);
    }

    /** Tells the encoder the source's frame rate when it moved by more than 10%. */
    private void followSourceFrameRate(long captureNanos) {
        if (lastCaptureNanos != Long.MIN_VALUE) {
            long interval = captureNanos - lastCaptureNanos;
            if (interval > 0 && interval < 1_000_000_000L) {
                sourceIntervalNanos += (interval - sourceIntervalNanos) / 16;
            }
        }
        lastCaptureNanos = captureNanos;
        // Not below 15: a source that slows because encoding starves its thread (a loaded
        // machine) would otherwise get ever bigger frames, slower encoding, fewer frames.
        double rate = Math.max(MIN_BUDGET_FRAME_RATE, Math.min(240, 1e9 / sourceIntervalNanos));
        if (Math.abs(rate - encoderFrameRate) > encoderFrameRate * 0.1) {
            encoderFrameRate = rate;
            encoder.setFrameRate(rate);
        }
    }

    synchronized Counters counters() {
        return new Counters(framesEncoded, keyFramesEncoded, frameBudget.refused(), totalEncodeNanos, frameWidth,
                frameHeight, encoderTarget, encodeRate.framesPerSecond(System.nanoTime()), qpSum.sum());
    }

    private void closeEncoder() {
        if (encoder != null) {
            encoder.close();
            encoder = null;
            encoderFor = null;
        }
    }

    /**
     * On the executor: the frame's packets, the marker on the last (RFC 3550 §5.1), which also
     * carries the picture's orientation where video-orientation was negotiated (as libwebrtc
     * places it: the receiver reads it from the packet that completes the frame).
     */
    private void send(SendConfig config, int payloadType, long timestamp, long captureNanos, int rotation,
            List<byte[]> payloads) {
        if (stopped || context.isClosed()) {
            return;
        }
        context.frameCaptured(ssrc, stream.rtpTimestamp(timestamp), captureNanos);
        if (config.midExtensionId() > 0) {
            stream.setMid(config.midExtensionId(), config.mid());
        }
        int orientation = config.extensionId(MediaEngine.VIDEO_ORIENTATION_EXTENSION);
        for (int i = 0; i < payloads.size(); i++) {
            boolean last = i == payloads.size() - 1;
            if (last && orientation > 0) {
                stream.setExtensionElement(orientation, new byte[] {VideoOrientation.encode(rotation)});
            }
            context.sendPacedRtp(stream.packetize(payloadType, timestamp, last, payloads.get(i)));
            if (last && orientation > 0) {
                stream.removeExtensionElement(orientation);
            }
        }
    }
}
