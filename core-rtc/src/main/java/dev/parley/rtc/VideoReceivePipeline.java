package dev.parley.rtc;

import dev.parley.rtc.codec.VideoDecodeException;
import dev.parley.rtc.codec.VideoDecoder;
import dev.parley.rtc.media.DepacketizedFrame;
import dev.parley.rtc.media.VideoFrameAssembler;
import dev.parley.rtc.media.VideoPayloadFormat;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.sdp.CodecCapability;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Video in, for one receiver: RTP packets → frame assembler (order, completeness, key frame
 * requests when stuck) → decoder → pictures for the remote track. On the executor.
 *
 * <p>A decoder that fails (a corrupt frame, a delta frame without its reference) asks for a key
 * frame as well, through the same rate-limited path: the sender answers a PLI with one. A change
 * of codec (another payload type) starts over with a new assembler and decoder.
 */
final class VideoReceivePipeline implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VideoReceivePipeline.class);
    static final int MAX_PACKETS = 1024;
    static final Duration STUCK_AFTER = Duration.ofMillis(100);
    static final Duration KEY_FRAME_REQUEST_INTERVAL = Duration.ofMillis(300);

    private final MediaEngine engine;
    private final Consumer<VideoFrame> pictures;
    private final Runnable requestKeyFrame;
    private CodecCapability codec;
    private VideoFrameAssembler assembler;
    private VideoDecoder decoder;
    private boolean decoderFailed;
    private long framesDecoded;
    private long keyFramesDecoded;
    private long decodeFailures;
    private long keyFrameRequests;
    private long totalDecodeNanos;
    private int frameWidth;
    private int frameHeight;

    /**
     * @param pictures takes each decoded picture (on the executor)
     * @param requestKeyFrame sends a PLI for the stream being received
     */
    VideoReceivePipeline(MediaEngine engine, Consumer<VideoFrame> pictures, Runnable requestKeyFrame) {
        this.engine = engine;
        this.pictures = pictures;
        this.requestKeyFrame = requestKeyFrame;
    }

    /** One media packet of {@code packetCodec} (not RTX, not RED). */
    void onRtp(CodecCapability packetCodec, RtpPacket packet, long nowNanos) {
        if (!packetCodec.equals(codec)) {
            start(packetCodec);
        }
        if (assembler == null) {
            return; // a codec Parley cannot decode here: counted by the engine's log, nothing to show
        }
        for (DepacketizedFrame frame : assembler.insert(packet, nowNanos)) {
            decode(frame, nowNanos);
        }
        if (assembler.pollKeyFrameRequest(nowNanos) || decoderFailed) {
            decoderFailed = false;
            keyFrameRequests++;
            requestKeyFrame.run();
        }
    }

    /** Decoded pictures, key frames among them, refused frames, key frames asked for, and the last picture's size. */
    record Counters(long framesDecoded, long keyFramesDecoded, long decodeFailures, long keyFrameRequests,
                    long totalDecodeNanos, int frameWidth, int frameHeight) {}

    Counters counters() {
        return new Counters(framesDecoded, keyFramesDecoded, decodeFailures, keyFrameRequests, totalDecodeNanos,
                frameWidth, frameHeight);
    }

    @Override
    public void close() {
        if (decoder != null) {
            decoder.close();
            decoder = null;
        }
        assembler = null;
    }

    private void start(CodecCapability newCodec) {
        close();
        codec = newCodec;
        Optional<VideoPayloadFormat> format = VideoPayloadFormat.of(newCodec.name());
        Optional<VideoDecoder> made = format.isPresent() ? engine.videoDecoder(newCodec) : Optional.empty();
        if (made.isEmpty()) {
            return;
        }
        decoder = made.get();
        assembler = new VideoFrameAssembler(format.get().depacketizer(), format.get().explicitFrameStart(),
                MAX_PACKETS, STUCK_AFTER, KEY_FRAME_REQUEST_INTERVAL);
    }

    private void decode(DepacketizedFrame frame, long nowNanos) {
        long started = System.nanoTime();
        try {
            Optional<VideoFrame> picture = decoder.decode(frame.data(), nowNanos);
            totalDecodeNanos += System.nanoTime() - started;
            if (picture.isPresent()) {
                framesDecoded++;
                frameWidth = picture.get().width();
                frameHeight = picture.get().height();
                if (frame.keyFrame()) {
                    keyFramesDecoded++;
                }
                pictures.accept(picture.get());
            }
        } catch (VideoDecodeException e) {
            decodeFailures++;
            decoderFailed = true;
            log.debug("{} frame not decodable ({} so far): {}", codec.name(), decodeFailures, e.getMessage());
        }
    }
}
