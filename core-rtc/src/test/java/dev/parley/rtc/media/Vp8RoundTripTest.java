package dev.parley.rtc.media;

import dev.parley.rtc.codec.Vp8Codec;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** VP8 at 1280x720 through libvpx, the RFC 7741 packetizer and depacketizer, and FFmpeg's decoder. */
class Vp8RoundTripTest {

    private static VideoRoundTrip trip(int bitrate) throws Exception {
        return new VideoRoundTrip(Vp8Codec::create, new Vp8Packetizer(PayloadSize.defaultSize(), new Random(7)),
                new Vp8Depacketizer(), bitrate);
    }

    @Test
    void sixtyFramesDecodeInOrderAtThirtyDbOrBetter() throws Exception {
        try (VideoRoundTrip trip = trip(1_500_000)) {
            double worst = VideoRoundTripChecks.sixtyFramesDecodeInOrder(trip);
            System.out.println("VP8 1280x720 at 1.5 Mbit/s: lowest PSNR over 60 frames " + worst + " dB");
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
            VideoRoundTripChecks.lostPacketMakesFrameIncomplete(trip, true);
        }
    }

    @Test
    void lossRecoversThroughAKeyFrameRequest() throws Exception {
        try (VideoRoundTrip trip = trip(1_500_000)) {
            int decoded = VideoRoundTripChecks.lossRecoversThroughAKeyFrameRequest(trip, true);
            System.out.println("Vp8: " + decoded + " of 90 frames decoded around one lost packet");
        }
    }

    @Test
    void bitrateFollowsTarget() throws Exception {
        try (VideoRoundTrip trip = trip(1_500_000)) {
            VideoRoundTripChecks.bitrateFollowsTarget(trip, 1_500_000, 500_000);
        }
    }
}
