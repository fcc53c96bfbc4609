package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.VideoFrame;
import dev.parley.rtc.codec.EncodedVideoFrame;
import dev.parley.rtc.codec.FfmpegNatives;
import dev.parley.rtc.codec.VideoCodecFactory;
import dev.parley.rtc.codec.VideoDecoder;
import dev.parley.rtc.codec.VideoEncoder;
import dev.parley.rtc.codec.VideoEncoderConfig;
import dev.parley.rtc.rtp.RtpPacket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The whole video path of one stream without a network: pictures → encoder → packetizer → RTP
 * packets → depacketizer → decoder → pictures, for tests that check what comes out against what
 * went in (the test pattern's stamps and PSNR).
 */
final class VideoRoundTrip implements AutoCloseable {
    static final int WIDTH = 1280;
    static final int HEIGHT = 720;
    static final double FPS = 30;
    static final long FRAME_NANOS = Math.round(1e9 / FPS);

    final TestPattern pattern = new TestPattern(WIDTH, HEIGHT);
    final VideoEncoder encoder;
    final VideoDecoder decoder;
    final VideoPacketizer packetizer;
    final VideoDepacketizer depacketizer;
    final RtpSendStream stream = new RtpSendStream(0x1234_5678L, EncodedVideoFrame.CLOCK_RATE, 65_500, 4_000_000_000L);
    final int maxPayload = PayloadSize.defaultSize();
    /** The last frame the encoder made. */
    EncodedVideoFrame lastEncoded;

    VideoRoundTrip(Function<FfmpegNatives, VideoCodecFactory> codec, VideoPacketizer packetizer,
            VideoDepacketizer depacketizer, int bitrate) throws Exception {
        VideoCodecFactory factory = codec.apply(FfmpegNatives.javacpp());
        this.encoder = factory.createEncoder(new VideoEncoderConfig(bitrate, FPS));
        this.decoder = factory.createDecoder();
        this.packetizer = packetizer;
        this.depacketizer = depacketizer;
    }

    /** Frame {@code n} of the pattern, captured at n frame intervals. */
    VideoFrame source(long n) {
        return pattern.frame(n, n * FRAME_NANOS);
    }

    /** Encodes and packetizes; no packets when the encoder dropped the picture. */
    List<RtpPacket> send(VideoFrame picture) throws Exception {
        Optional<EncodedVideoFrame> encoded = encoder.encode(picture);
        if (encoded.isEmpty()) {
            return List.of();
        }
        lastEncoded = encoded.get();
        List<byte[]> payloads = packetizer.packetize(lastEncoded);
        List<RtpPacket> packets = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            byte[] payload = payloads.get(i);
            assertTrue(payload.length <= maxPayload, "payload of " + payload.length + " bytes");
            // Through bytes and back, as on the wire.
            packets.add(RtpPacket.parse(stream.packetize(96, lastEncoded.timestamp(), i == payloads.size() - 1, payload).toBytes()));
        }
        return packets;
    }

    /** Depacketizes (it must be complete) and decodes. */
    Optional<VideoFrame> receive(List<RtpPacket> packets, long captureTimeNanos) throws Exception {
        DepacketizedFrame frame = depacketizer.depacketize(packets);
        assertTrue(frame.complete(), frame::toString);
        assertEquals(lastEncoded.keyFrame(), frame.keyFrame(), "key frame flag from the payload");
        return decoder.decode(frame.data(), captureTimeNanos);
    }

    @Override
    public void close() {
        encoder.close();
        decoder.close();
    }
}
