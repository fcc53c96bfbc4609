package dev.parley.rtc.media;

import dev.parley.rtc.codec.FfmpegNatives;
import dev.parley.rtc.codec.H264Codec;
import dev.parley.rtc.codec.VideoCodecFactory;
import dev.parley.rtc.codec.Vp8Codec;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each video codec at 1280x720 through its encoder (libvpx for VP8, OpenH264 for H.264), its
 * payload format's packetizer and depacketizer (RFC 7741, RFC 6184) and FFmpeg's decoder.
 */
class VideoRoundTripTest {

    private static VideoRoundTrip trip(VideoPayloadFormat format, int bitrate) throws Exception {
        Function<FfmpegNatives, VideoCodecFactory> codec = switch (format) {
            case VP8 -> Vp8Codec::create;
            case H264 -> H264Codec::create;
        };
        return new VideoRoundTrip(codec, format.packetizer(PayloadSize.defaultSize(), new Random(7)),
                format.depacketizer(), bitrate);
    }

    @ParameterizedTest
    @EnumSource(VideoPayloadFormat.class)
    void sixtyFramesDecodeInOrderAtThirtyDbOrBetter(VideoPayloadFormat format) throws Exception {
        try (VideoRoundTrip trip = trip(format, 1_500_000)) {
            double worst = VideoRoundTripChecks.sixtyFramesDecodeInOrder(trip);
            System.out.println(format + " 1280x720 at 1.5 Mbit/s: lowest PSNR over 60 frames " + worst + " dB");
        }
    }

    @ParameterizedTest
    @EnumSource(VideoPayloadFormat.class)
    void keyFrameOnRequest(VideoPayloadFormat format) throws Exception {
        try (VideoRoundTrip trip = trip(format, 1_500_000)) {
            VideoRoundTripChecks.keyFrameOnRequest(trip);
        }
    }

    @ParameterizedTest
    @EnumSource(VideoPayloadFormat.class)
    void lostPacketMakesFrameIncomplete(VideoPayloadFormat format) throws Exception {
        try (VideoRoundTrip trip = trip(format, 1_500_000)) {
            VideoRoundTripChecks.lostPacketMakesFrameIncomplete(trip, format.explicitFrameStart());
        }
    }

    @ParameterizedTest
    @EnumSource(VideoPayloadFormat.class)
    void lossRecoversThroughAKeyFrameRequest(VideoPayloadFormat format) throws Exception {
        try (VideoRoundTrip trip = trip(format, 1_500_000)) {
            int decoded = VideoRoundTripChecks.lossRecoversThroughAKeyFrameRequest(trip, format.explicitFrameStart());
            System.out.println(format + ": " + decoded + " of 90 frames decoded around one lost packet");
        }
    }

    @ParameterizedTest
    @EnumSource(VideoPayloadFormat.class)
    void bitrateFollowsTarget(VideoPayloadFormat format) throws Exception {
        try (VideoRoundTrip trip = trip(format, 1_500_000)) {
            VideoRoundTripChecks.bitrateFollowsTarget(trip, 1_500_000, 500_000);
        }
    }
}
