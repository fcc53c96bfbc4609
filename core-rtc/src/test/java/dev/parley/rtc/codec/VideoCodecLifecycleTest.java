package dev.parley.rtc.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.VideoFrame;
import dev.parley.rtc.media.TestPattern;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What both FFmpeg video codecs must do beyond a steady stream: size changes, bad input, closing. */
class VideoCodecLifecycleTest {
    private static final List<Function<FfmpegNatives, VideoCodecFactory>> CODECS =
            List.of(Vp8Codec::create, H264Codec::create);

    @Test
    void aNewPictureSizeStartsAgainWithAKeyFrame() throws Exception {
        for (Function<FfmpegNatives, VideoCodecFactory> make : CODECS) {
            VideoCodecFactory codec = make.apply(FfmpegNatives.javacpp());
            try (VideoEncoder encoder = codec.createEncoder(new VideoEncoderConfig(800_000, 30));
                 VideoDecoder decoder = codec.createDecoder()) {
                TestPattern small = new TestPattern(640, 360);
                TestPattern large = new TestPattern(1280, 720);
                for (int n = 0; n < 3; n++) {
                    EncodedVideoFrame e = encoder.encode(small.frame(n, n * 33_333_333L)).orElseThrow();
                    assertEquals(640, e.width());
                    assertEquals(640, decoder.decode(e.data(), 0).orElseThrow().width());
                }
                EncodedVideoFrame switched = encoder.encode(large.frame(3, 100_000_000L)).orElseThrow();
                assertTrue(switched.keyFrame(), codec.name() + ": a new size starts with a key frame");
                VideoFrame picture = decoder.decode(switched.data(), 0).orElseThrow();
                assertEquals(1280, picture.width());
                assertEquals(720, picture.height());
                assertEquals(3, large.read(picture).orElseThrow().frameNumber());
            }
        }
    }

    @Test
    void garbageIsADecodeErrorAndTheDecoderGoesOn() throws Exception {
        for (Function<FfmpegNatives, VideoCodecFactory> make : CODECS) {
            VideoCodecFactory codec = make.apply(FfmpegNatives.javacpp());
            TestPattern pattern = new TestPattern(640, 360);
            try (VideoEncoder encoder = codec.createEncoder(new VideoEncoderConfig(800_000, 30));
                 VideoDecoder decoder = codec.createDecoder()) {
                byte[] garbage = new byte[300];
                new java.util.Random(5).nextBytes(garbage);
                if (codec.name().equals("H264")) { // an Annex B start code and a slice header that lies
                    garbage[0] = 0; garbage[1] = 0; garbage[2] = 0; garbage[3] = 1; garbage[4] = 0x65;
                }
                try {
                    assertTrue(decoder.decode(garbage, 0).isEmpty(), codec.name() + ": no picture from garbage");
                } catch (VideoDecodeException expected) {
                    // the usual outcome
                }
                assertThrows(VideoDecodeException.class, () -> decoder.decode(new byte[0], 0));
                EncodedVideoFrame key = encoder.encode(pattern.frame(0, 0)).orElseThrow();
                assertEquals(0, pattern.read(decoder.decode(key.data(), 0).orElseThrow()).orElseThrow().frameNumber(),
                        codec.name() + ": a key frame decodes after garbage");
            }
        }
    }

    @Test
    void closingIsIdempotentAndAClosedCodecRefusesWork() throws Exception {
        VideoCodecFactory codec = Vp8Codec.create(FfmpegNatives.javacpp());
        VideoEncoder encoder = codec.createEncoder(new VideoEncoderConfig(800_000, 30));
        VideoDecoder decoder = codec.createDecoder();
        encoder.close();
        encoder.close();
        decoder.close();
        decoder.close();
        VideoFrame frame = new TestPattern(640, 360).frame(0, 0);
        assertThrows(IllegalStateException.class, () -> encoder.encode(frame));
        assertThrows(IllegalStateException.class, () -> decoder.decode(new byte[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> encoder.setTargetBitrate(0));
        assertThrows(IllegalArgumentException.class, () -> encoder.setFrameRate(0));
    }
}
