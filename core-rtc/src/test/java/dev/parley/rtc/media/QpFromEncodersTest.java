package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.codec.EncodedVideoFrame;
import dev.parley.rtc.codec.FfmpegNatives;
import dev.parley.rtc.codec.H264Codec;
import dev.parley.rtc.codec.VideoCodecFactory;
import dev.parley.rtc.codec.VideoEncoder;
import dev.parley.rtc.codec.VideoEncoderConfig;
import dev.parley.rtc.codec.Vp8Codec;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The QP parsers on real encoder output (libvpx, OpenH264 through FFmpeg): every frame gives a QP
 * in its codec's range, and less bitrate means coarser quantization.
 */
class QpFromEncodersTest {
    private static final int[] BITRATES = {200_000, 600_000, 3_000_000};
    private static final int FRAMES = 45;
    private static final double FPS = 30;

    @ParameterizedTest
    @EnumSource(VideoPayloadFormat.class)
    void qpFollowsTheBitrateAndStaysInRange(VideoPayloadFormat format) throws Exception {
        int maxQp = format == VideoPayloadFormat.VP8 ? 127 : 51;
        double previous = Double.MAX_VALUE;
        StringBuilder report = new StringBuilder(format + " 640x360 average QP by bitrate:");
        for (int bitrate : BITRATES) {
            double average = averageQp(format, bitrate, maxQp);
            report.append(' ').append(bitrate / 1000).append("k=").append(String.format("%.1f", average));
            assertTrue(average < previous, report::toString);
            previous = average;
        }
        System.out.println(report);
    }

    private static double averageQp(VideoPayloadFormat format, int bitrate, int maxQp) throws Exception {
        VideoCodecFactory codec = format == VideoPayloadFormat.VP8 ? Vp8Codec.create(FfmpegNatives.javacpp())
                : H264Codec.create(FfmpegNatives.javacpp());
        TestPattern pattern = new TestPattern(640, 360);
        FrameQpParser parser = format.qpParser();
        long sum = 0;
        int frames = 0;
        int keyFrames = 0;
        try (VideoEncoder encoder = codec.createEncoder(new VideoEncoderConfig(bitrate, FPS))) {
            for (int n = 0; n < FRAMES; n++) {
                Optional<EncodedVideoFrame> out = encoder.encode(pattern.frame(n, Math.round(n * 1e9 / FPS)));
                if (out.isEmpty()) {
                    continue; // OpenH264 skipped the picture
                }
                int qp = parser.qp(out.get().data()); // real encoder output always parses
                assertTrue(qp >= 0 && qp <= maxQp, "QP " + qp);
                sum += qp;
                frames++;
                keyFrames += out.get().keyFrame() ? 1 : 0;
            }
        }
        assertEquals(1, keyFrames, "one key frame at the start");
        assertTrue(frames >= 10, frames + " frames"); // OpenH264 skips pictures at low rates
        return (double) sum / frames;
    }
}
