package dev.parley.rtc.media;

import dev.parley.rtc.codec.H264Codec;
import org.junit.jupiter.api.Test;

/** H.264 constrained baseline at 1280x720 through OpenH264, the RFC 6184 packetizer and depacketizer, and FFmpeg's decoder. */
class H264RoundTripTest {

    private static VideoRoundTrip trip(int bitrate) throws Exception {
        return new VideoRoundTrip(H264Codec::create, new H264Packetizer(PayloadSize.defaultSize()),
                new H264Depacketizer(), bitrate);
    }

    @Test
    void sixtyFramesDecodeInOrderAtThirtyDbOrBetter() throws Exception {
        try (VideoRoundTrip trip = trip(1_500_000)) {
            double worst = VideoRoundTripChecks.sixtyFramesDecodeInOrder(trip);
            System.out.println("H.264 1280x720 at 1.5 Mbit/s: lowest PSNR over 60 frames " + worst + " dB");
        }
    }

    @Test
    void keyFrameOnRequest() throws Exception {
        try (VideoRoundTrip trip = trip(1_500_000)) {
            VideoRoundTripChecks.keyFrameOnRequest(trip);
        }
    }

    @Test
    void lostPacketMakesFrameIncomplete() throws Exception {
        try (VideoRoundTrip trip = trip(1_500_000)) {
            VideoRoundTripChecks.lostPacketMakesFrameIncomplete(trip, false);
        }
    }

    @Test
    void lossRecoversThroughAKeyFrameRequest() throws Exception {
        try (VideoRoundTrip trip = trip(1_500_000)) {
            int decoded = VideoRoundTripChecks.lossRecoversThroughAKeyFrameRequest(trip, false);
            System.out.println("H264: " + decoded + " of 90 frames decoded around one lost packet");
        }
    }

    @Test
    void bitrateFollowsTarget() throws Exception {
        try (VideoRoundTrip trip = trip(1_500_000)) {
            VideoRoundTripChecks.bitrateFollowsTarget(trip, 1_500_000, 500_000);
        }
    }
}
