package dev.parley.rtc;

import dev.parley.rtc.codec.AudioEncoder;
import dev.parley.rtc.codec.EncodedAudio;
import dev.parley.rtc.media.AudioLevel;
import dev.parley.rtc.media.AudioLevelMeter;
import dev.parley.rtc.media.DiscontinuousTransmission;
import dev.parley.rtc.media.RtpSendStream;
import dev.parley.rtc.sdp.CodecCapability;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Audio out: track frames (10 ms, on the source's thread) → encoder → 20 ms packets → the
 * executor → RTP (interceptors, SRTP, ICE). Encoding stays on the source thread so the
 * executor only packetizes and sends. Each packet carries the RFC 6464 level of the frames it
 * encodes where ssrc-audio-level was negotiated, its V bit from the frames' voice activity.
 * Where the receiver asked for DTX ({@code usedtx=1}), packets of frames the capture side found
 * silent are held back ({@link DiscontinuousTransmission}).
 */
final class AudioSendPipeline implements SendPipeline {
    /** 20 ms per packet: the ptime browsers use for G.711. */
    private static final int PACKET_MILLIS = 20;

    private final MediaContext context;
    private final long ssrc;
    /** Made on the first negotiation, when the clock rate is known; on the executor. */
    private RtpSendStream stream;
    /** The id the audio level element has on {@link #stream}'s packets, 0 for none; on the executor. */
    private int levelElementId;
    private volatile Configured configured;
    private volatile boolean active = true;
    private volatile boolean stopped;

    // Source thread only (one track at a time feeds a sender).
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private long pendingUnits;
    private long nextTimestamp;
    private static final long NO_CAPTURE = Long.MIN_VALUE;
    /** When the first frame the encoder holds (not yet output) was captured; guarded by pending. */
    private long encoderInputCapture = NO_CAPTURE;
    /** When the first sample of the packet being gathered was captured; guarded by pending. */
    private long pendingCapture;
    private Configured encoderOwner;
    private final AudioLevelMeter levels = new AudioLevelMeter();
    private final DiscontinuousTransmission dtx = new DiscontinuousTransmission();

    private record Configured(SendConfig config, CodecCapability codec, AudioEncoder encoder) {
        /** RFC 7587 §7: the receiver prefers DTX. */
        boolean receiverWantsDtx() {
            return "1".equals(codec.parameter("usedtx", "0").trim());
        }
    }

    AudioSendPipeline(MediaContext context, long ssrc) {
        this.context = context;
        this.ssrc = ssrc;
    }

    @Override
    public AutoCloseable attach(MediaStreamTrack track) {
        return track.addAudioSink(this::onFrame);
    }

    @Override
    public void configure(SendConfig config) {
        if (!config.sending() || config.codecs().isEmpty()) {
            configured = config.codecs().isEmpty() ? null : new Configured(config, config.codecs().get(0), null);
            return;
        }
        CodecCapability codec = config.codecs().get(0);
        if (stream == null || stream.clockRate() != codec.clockRate()) {
            stream = new RtpSendStream(ssrc, codec.clockRate(), context.random());
        }
        Configured current = configured;
        if (current != null && current.encoder() != null && current.codec().equals(codec)
                && current.config().midExtensionId() == config.midExtensionId()) {
            configured = new Configured(config, codec, current.encoder());
            return;
        }
        AudioEncoder encoder = context.mediaEngine().audioEncoder(codec).orElse(null);
        configured = new Configured(config, codec, encoder);
    }

    @Override
    public void setActive(boolean isActive) {
        this.active = isActive;
    }

    @Override
    public void stop() {
        stopped = true;
    }

    @Override
    public List<CodecCapability> negotiatedCodecs() {
        Configured c = configured;
        return c == null ? List.of() : c.config().codecs();
    }

    /** On the source's thread. */
    private void onFrame(AudioFrame frame) {
        Configured c = configured;
        if (stopped || !active || c == null || c.encoder() == null || !c.config().sending()) {
            return;
        }
        synchronized (pending) {
            if (encoderOwner != c) { // a new negotiation: start a fresh packet
                encoderOwner = c;
                pending.reset();
                pendingUnits = 0;
                encoderInputCapture = NO_CAPTURE;
                levels.discardPending();
                dtx.reset();
            }
            levels.add(frame);
            dtx.add(frame);
            if (encoderInputCapture == NO_CAPTURE) {
                encoderInputCapture = frame.captureTimeNanos();
            }
            EncodedAudio encoded = c.encoder().encode(frame);
            if (encoded.timestampUnits() == 0) {
                return; // the encoder waits for more (Opus: 20 ms from 10 ms frames)
            }
            if (pendingUnits == 0) {
                pendingCapture = encoderInputCapture; // the packet's first sample
            }
            encoderInputCapture = NO_CAPTURE;
            pending.writeBytes(encoded.payload());
            pendingUnits += encoded.timestampUnits();
            if (pendingUnits * 1000 < (long) PACKET_MILLIS * c.encoder().clockRate()) {
                return;
            }
            long timestamp = nextTimestamp;
            long units = pendingUnits;
            nextTimestamp += units;
            pendingUnits = 0;
            AudioLevel level = levels.takePacketLevel();
            DiscontinuousTransmission.Decision decision = dtx.decide(c.receiverWantsDtx(),
                    units * 1_000_000_000L / c.encoder().clockRate());
            if (decision == DiscontinuousTransmission.Decision.SKIP) {
                pending.reset(); // the timestamp moves on: the receiver sees a gap, not a loss
                return;
            }
            byte[] payload = pending.toByteArray();
            pending.reset();
            boolean talkspurt = decision == DiscontinuousTransmission.Decision.SEND_TALKSPURT_START;
            int payloadType = c.codec().payloadType();
            SendConfig config = c.config();
            long captured = pendingCapture;
            context.executor().execute(() -> send(config, payloadType, timestamp, captured, payload, level, talkspurt));
        }
    }

    /** On the executor. */
    private void send(SendConfig config, int payloadType, long timestamp, long captureNanos, byte[] payload,
            AudioLevel level, boolean talkspurt) {
        if (stopped || context.isClosed()) {
            return;
        }
        context.frameCaptured(ssrc, stream.rtpTimestamp(timestamp), captureNanos);
        if (config.midExtensionId() > 0) {
            stream.setMid(config.midExtensionId(), config.mid());
        }
        int levelId = config.extensionId(MediaEngine.AUDIO_LEVEL_EXTENSION);
        if (levelId != levelElementId && levelElementId > 0) { // renegotiated away or renumbered
            stream.removeExtensionElement(levelElementId);
        }
        levelElementId = levelId;
        if (levelId > 0) {
            stream.setExtensionElement(levelId, level.toSsrcElement());
        }
        context.sendRtp(stream.packetize(payloadType, timestamp, talkspurt, payload));
    }
}
