package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.VideoFrame;
import dev.parley.rtc.rtp.RtpPacket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The checks every video codec's round-trip test makes (VP8, H.264). */
final class VideoRoundTripChecks {
    private VideoRoundTripChecks() {}

    /** 60 frames through: each decodes, reads back its stamp in order, and has PSNR ≥ 30 dB. Returns the lowest PSNR. */
    static double sixtyFramesDecodeInOrder(VideoRoundTrip trip) throws Exception {
        long lastNumber = -1;
        double worst = Double.MAX_VALUE;
        int decoded = 0;
        for (int n = 0; n < 60; n++) {
            VideoFrame source = trip.source(n);
            List<RtpPacket> packets = trip.send(source);
            if (packets.isEmpty()) {
                continue;
            }
            Optional<VideoFrame> picture = trip.receive(packets, source.captureTimeNanos());
            assertTrue(picture.isPresent(), "frame " + n + " decoded");
            int number = n;
            TestPattern.Stamp stamp = trip.pattern.read(picture.get()).orElseThrow(
                    () -> new AssertionError("frame " + number + ": no readable stamp"));
            assertTrue(stamp.frameNumber() > lastNumber, "frame numbers increase: " + stamp.frameNumber() + " after " + lastNumber);
            lastNumber = stamp.frameNumber();
            double psnr = VideoQuality.psnr(trip.pattern.frame(stamp.frameNumber(), stamp.captureTimeNanos()), picture.get());
            assertTrue(psnr >= 30, "frame " + n + " PSNR " + psnr + " dB");
            worst = Math.min(worst, psnr);
            decoded++;
        }
        assertTrue(decoded >= 55, "decoded " + decoded + " of 60");
        return worst;
    }

    /**
     * 90 frames through a {@link VideoFrameAssembler}, packets of neighbouring frames shuffled, one
     * packet of frame 20 lost: the frames after the loss are held back, the assembler asks for a key
     * frame (as a PLI would carry), the encoder makes one, and decoding carries on with the stamps
     * in order and PSNR ≥ 30 dB. Returns how many frames were decoded.
     */
    static int lossRecoversThroughAKeyFrameRequest(VideoRoundTrip trip, boolean explicitFrameStart) throws Exception {
        VideoFrameAssembler assembler = new VideoFrameAssembler(trip.depacketizer, explicitFrameStart, 512,
                java.time.Duration.ofMillis(100), java.time.Duration.ofMillis(300));
        java.util.Random random = new java.util.Random(11);
        List<RtpPacket> window = new ArrayList<>();
        long lastNumber = -1;
        int decoded = 0;
        int requests = 0;
        int decodedAfterLoss = 0;
        for (int n = 0; n < 90; n++) {
            long now = n * VideoRoundTrip.FRAME_NANOS;
            List<RtpPacket> packets = new ArrayList<>(trip.send(trip.source(n)));
            if (n == 20) {
                assertTrue(packets.size() >= 1);
                packets.remove(packets.size() / 2); // lost for good (no retransmission yet)
            }
            window.addAll(packets);
            if (n % 2 == 0) {
                continue; // deliver two frames' packets at a time, shuffled
            }
            java.util.Collections.shuffle(window, random);
            for (RtpPacket p : window) {
                for (DepacketizedFrame frame : assembler.insert(p, now)) {
                    Optional<VideoFrame> picture = trip.decoder.decode(frame.data(), now);
                    if (picture.isEmpty()) {
                        continue;
                    }
                    TestPattern.Stamp stamp = trip.pattern.read(picture.get()).orElseThrow();
                    assertTrue(stamp.frameNumber() > lastNumber, stamp.frameNumber() + " after " + lastNumber);
                    lastNumber = stamp.frameNumber();
                    double psnr = VideoQuality.psnr(trip.pattern.frame(stamp.frameNumber(), stamp.captureTimeNanos()),
                            picture.get());
                    assertTrue(psnr >= 30, "frame " + stamp.frameNumber() + " PSNR " + psnr);
                    decoded++;
                    if (stamp.frameNumber() > 20) {
                        decodedAfterLoss++;
                    }
                }
            }
            window.clear();
            if (assembler.pollKeyFrameRequest(now)) {
                requests++;
                trip.encoder.requestKeyFrame();
            }
        }
        assertTrue(requests >= 1, "the assembler asked for a key frame");
        assertTrue(decodedAfterLoss >= 50, "decoding went on after the loss: " + decodedAfterLoss + " frames");
        assertTrue(lastNumber >= 88, "the last frames arrived: " + lastNumber);
        return decoded;
    }

    /** After some delta frames, a requested key frame comes next, and the depacketizer sees it. */
    static void keyFrameOnRequest(VideoRoundTrip trip) throws Exception {
        int n = 0;
        List<RtpPacket> packets = trip.send(trip.source(n++));
        assertTrue(trip.lastEncoded.keyFrame(), "a stream starts with a key frame");
        trip.receive(packets, 0);
        for (; n < 10; n++) {
            packets = trip.send(trip.source(n));
            if (!packets.isEmpty()) {
                assertFalse(trip.lastEncoded.keyFrame(), "frame " + n + " is a delta frame");
                trip.receive(packets, 0);
            }
        }
        trip.encoder.requestKeyFrame();
        do {
            packets = trip.send(trip.source(n++));
        } while (packets.isEmpty());
        assertTrue(trip.lastEncoded.keyFrame(), "the frame after the request is a key frame");
        assertTrue(trip.depacketizer.depacketize(packets).keyFrame(), "the depacketizer reports the key frame");
    }

    /**
     * Losing one packet of a frame gives an incomplete frame, not data for the decoder.
     *
     * @param firstLossVisible whether the payload format marks a frame's first packet (VP8's S bit);
     *     H.264's does not, and the loss of a frame's first packet shows only against the previous
     *     frame's last sequence number, which the frame assembler knows
     */
    static void lostPacketMakesFrameIncomplete(VideoRoundTrip trip, boolean firstLossVisible) throws Exception {
        List<RtpPacket> packets = trip.send(trip.source(0)); // a key frame: several packets at 720p
        assertTrue(packets.size() >= 3, "key frame in " + packets.size() + " packets");
        for (int lost = firstLossVisible ? 0 : 1; lost < packets.size(); lost++) {
            List<RtpPacket> received = new ArrayList<>(packets);
            received.remove(lost);
            DepacketizedFrame frame = trip.depacketizer.depacketize(received);
            assertFalse(frame.complete(), "packet " + lost + " of " + packets.size() + " lost: " + frame);
            assertEquals(0, frame.data().length);
        }
    }

    /**
     * Bitrate over 5 s of frames at one target, then at a target a third as high: each measured
     * rate within a loose band of its target, and the second clearly lower. Returns the two rates.
     */
    static double[] bitrateFollowsTarget(VideoRoundTrip trip, int high, int low) throws Exception {
        double first = measure(trip, 0, high);
        double second = measure(trip, 150, low);
        String report = String.format(Locale.ROOT, "%s: target %d kbit/s -> %.0f kbit/s, target %d kbit/s -> %.0f kbit/s",
                trip.encoder.name(), high / 1000, first / 1000, low / 1000, second / 1000);
        System.out.println(report);
        assertTrue(first > 0.4 * high && first < 1.5 * high, report);
        assertTrue(second > 0.4 * low && second < 1.5 * low, report);
        assertTrue(second < 0.7 * first, report);
        return new double[] {first, second};
    }

    /** Bits per second over 150 frames (5 s at 30 fps) from frame {@code start}, the first second not counted. */
    private static double measure(VideoRoundTrip trip, int start, int target) throws Exception {
        trip.encoder.setTargetBitrate(target);
        long bytes = 0;
        for (int n = start; n < start + 150; n++) {
            List<RtpPacket> packets = trip.send(trip.source(n));
            if (n >= start + 30) {
                for (RtpPacket p : packets) {
                    bytes += p.payloadLength();
                }
            }
        }
        return bytes * 8 / (120 / VideoRoundTrip.FPS);
    }
}
