package dev.parley.rtc;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.media.PacedVideoSource;
import dev.parley.rtc.media.TestPattern;
import dev.parley.rtc.media.VideoQuality;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Video between two Parley peer connections over real UDP on 127.0.0.1: each sends a moving test
 * pattern from a paced synthetic camera through VP8, and each decodes the other's — frame numbers
 * rising, the capture stamp intact, and the picture close to its source.
 */
class PeerConnectionVideoTest {
    private static final int FRAMES_TO_CHECK = 45;

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private PeerPair pair;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void vp8BothWays_theReceiversDecodeThePatternInOrderAndSharp() throws Exception {
        pair = new PeerPair();
        TestPattern politeCamera = new TestPattern(640, 360);
        TestPattern impoliteCamera = new TestPattern(320, 240);
        pair.polite.pc.addTrack(camera(politeCamera), new MediaStream());
        pair.impolite.pc.addTrack(camera(impoliteCamera), new MediaStream());

        pair.awaitConnected(10);
        pair.awaitStable(10);

        assertDecodesInOrder(awaitVideoTrack(pair.impolite), politeCamera, "impolite sees polite's 640x360");
        assertDecodesInOrder(awaitVideoTrack(pair.polite), impoliteCamera, "polite sees impolite's 320x240");
    }

    private MediaStreamTrack camera(TestPattern pattern) {
        VideoTrackSource source = new VideoTrackSource();
        MediaStreamTrack track = source.createTrack("synthetic camera");
        closeables.add(new PacedVideoSource(pattern, 30, source).start());
        closeables.add(source);
        return track;
    }

    private static void assertDecodesInOrder(MediaStreamTrack remote, TestPattern pattern, String what)
            throws Exception {
        LinkedBlockingQueue<VideoFrame> frames = new LinkedBlockingQueue<>();
        try (AutoCloseable sink = remote.addVideoSink(frames::add)) {
            long lastNumber = -1;
            double worst = Double.MAX_VALUE;
            for (int i = 0; i < FRAMES_TO_CHECK; i++) {
                VideoFrame frame = frames.poll(10, TimeUnit.SECONDS);
                assertNotNull(frame, what + ": frame " + i + " within 10 s");
                int index = i;
                TestPattern.Stamp stamp = pattern.read(frame).orElseThrow(
                        () -> new AssertionError(what + ": frame " + index + " (" + frame + ") carries no readable stamp"));
                assertTrue(stamp.frameNumber() > lastNumber, what + ": frame numbers rise, "
                        + stamp.frameNumber() + " after " + lastNumber);
                lastNumber = stamp.frameNumber();
                double psnr = VideoQuality.psnr(pattern.frame(stamp.frameNumber(), stamp.captureTimeNanos()), frame);
                worst = Math.min(worst, psnr);
                assertTrue(psnr >= 30, what + ": frame " + stamp.frameNumber() + " PSNR " + psnr + " dB");
            }
            System.out.printf("%s: %d frames in order, worst PSNR %.1f dB%n", what, FRAMES_TO_CHECK, worst);
        }
    }

    private static MediaStreamTrack awaitVideoTrack(PeerPair.Peer peer) throws InterruptedException {
        while (true) {
            RTCTrackEvent event = peer.tracks.poll(10, TimeUnit.SECONDS);
            assertNotNull(event, peer.name + " gets a video track event");
            if (event.track().kind().equals("video")) {
                return event.track();
            }
        }
    }
}
