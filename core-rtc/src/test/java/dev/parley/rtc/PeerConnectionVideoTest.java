package dev.parley.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.codec.CodecRegistry;
import dev.parley.rtc.codec.FfmpegNatives;
import dev.parley.rtc.media.FrameScaler;
import dev.parley.rtc.media.PacedAudioSource;
import dev.parley.rtc.media.PacedVideoSource;
import dev.parley.rtc.media.TestPattern;
import dev.parley.rtc.media.ToneDetector;
import dev.parley.rtc.media.ToneGenerator;
import dev.parley.rtc.media.VideoQuality;
import dev.parley.rtc.sdp.MediaKind;
import dev.parley.rtc.testutil.RtpLossNet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    /** W3C §5.4: a video receiver lists its sender's SSRC like an audio one, but never with an audioLevel. */
    @Test
    void videoReceiver_listsTheSendersSsrc_withoutAudioLevel() throws Exception {
        pair = new PeerPair();
        RTCRtpSender sender = pair.polite.pc.addTrack(camera(new TestPattern(320, 240)), new MediaStream());
        pair.awaitConnected(10);
        pair.awaitStable(10);
        RTCTrackEvent event = pair.impolite.tracks.poll(10, TimeUnit.SECONDS);
        assertNotNull(event, "impolite gets the video track");
        RTCRtpReceiver receiver = event.receiver();
        Loopback.await(() -> receiver.getSynchronizationSources().stream().anyMatch(s -> s.source() == sender.ssrc()),
                "the video receiver lists SSRC " + sender.ssrc());
        List<RTCRtpSynchronizationSource> sources = receiver.getSynchronizationSources();
        assertTrue(sources.stream().allMatch(s -> s.audioLevel().isEmpty()), sources.toString());
        assertEquals(List.of(sender.ssrc()), sources.stream().map(RTCRtpSynchronizationSource::source).toList());
    }

    /**
     * Issue #6's loopback item: 1280x720 at 30 fps and an Opus tone both ways, in each video codec
     * Parley ships. Each receiver decodes the pattern in order and sharp, and hears the other's
     * tone at its frequency.
     */
    @ParameterizedTest(name = "{0} + Opus")
    @ValueSource(strings = {"VP8", "H264"})
    void hd720p30AndOpusBothWays_theReceiversDecodeThePatternAndHearTheTone(String codec) throws Exception {
        pair = new PeerPair(new MediaEngine(CodecRegistry.standard(FfmpegNatives.javacpp())
                .withPreference(MediaKind.AUDIO, List.of("opus"))
                .withPreference(MediaKind.VIDEO, List.of(codec)), MediaEngine.defaultExtensions()));
        TestPattern politeCamera = new TestPattern(1280, 720);
        TestPattern impoliteCamera = new TestPattern(1280, 720);
        MediaStream politeStream = new MediaStream();
        MediaStream impoliteStream = new MediaStream();
        pair.polite.pc.addTrack(camera(politeCamera), politeStream);
        pair.polite.pc.addTrack(tone(440), politeStream);
        pair.impolite.pc.addTrack(camera(impoliteCamera), impoliteStream);
        pair.impolite.pc.addTrack(tone(660), impoliteStream);
        pair.awaitConnected(10);
        pair.awaitStable(10);

        Map<String, MediaStreamTrack> atImpolite = awaitTracks(pair.impolite);
        Map<String, MediaStreamTrack> atPolite = awaitTracks(pair.polite);
        assertDecodesInOrder(atImpolite.get("video"), politeCamera, codec + ": impolite sees polite's 1280x720");
        assertDecodesInOrder(atPolite.get("video"), impoliteCamera, codec + ": polite sees impolite's 1280x720");
        ToneDetector heardByImpolite = Loopback.listen(atImpolite.get("audio"), 50);
        assertTrue(heardByImpolite.dominantAt(440, 20), "impolite hears 440 Hz: " + heardByImpolite);
        ToneDetector heardByPolite = Loopback.listen(atPolite.get("audio"), 50);
        assertTrue(heardByPolite.dominantAt(660, 20), "polite hears 660 Hz: " + heardByPolite);
        for (PeerPair.Peer receiver : List.of(pair.polite, pair.impolite)) {
            RTCStatsReport report = receiver.pc.getStats().get(5, TimeUnit.SECONDS);
            List<String> mimeTypes = report.ofType("inbound-rtp").stream()
                    .map(in -> in.getString("codecId").orElseThrow())
                    .map(id -> report.ofType("codec").stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow())
                    .map(c -> c.getString("mimeType").orElseThrow()).sorted().toList();
            assertEquals(List.of("audio/opus", "video/" + codec), mimeTypes, "the negotiated codecs");
            System.out.printf("%s %s sends %s%n", codec, receiver.name, videoStats(receiver.pc, "outbound-rtp"));
        }
    }

    /**
     * W3C qpSum on both ends, read from the bitstream: once the camera stops and every encoded
     * frame has been decoded, the receiver has summed the QP of the very frames the sender did,
     * so the averages (qpSum/framesEncoded, qpSum/framesDecoded) agree.
     */
    @ParameterizedTest
    @ValueSource(strings = {"VP8", "H264"})
    void qpSum_theSendersAndTheReceiversAverageQpAgree(String codec) throws Exception {
        pair = new PeerPair(new MediaEngine(CodecRegistry.standard(FfmpegNatives.javacpp())
                .withPreference(MediaKind.VIDEO, List.of(codec)), MediaEngine.standard().headerExtensions(MediaKind.VIDEO)));
        VideoTrackSource source = new VideoTrackSource();
        closeables.add(source);
        pair.polite.pc.addTrack(source.createTrack("synthetic camera"), new MediaStream());
        pair.awaitConnected(10);
        pair.awaitStable(10);
        awaitVideoTrack(pair.impolite);
        // The camera starts once both ends are connected, so that no frame is sent before the
        // receiver can take it: the receiver's sum is then over the very frames the sender's is.
        PacedVideoSource paced = new PacedVideoSource(new TestPattern(640, 360), 30, source).start();
        closeables.add(paced);
        awaitStats(() -> pair.impolite.pc.getStats().get(5, TimeUnit.SECONDS).ofType("inbound-rtp").stream()
                .anyMatch(in -> in.get("framesDecoded").map(n -> (Long) n >= FRAMES_TO_CHECK).orElse(false)),
                () -> "the receiver decodes " + FRAMES_TO_CHECK + " frames");
        paced.close(); // no more frames: what was encoded can all arrive
        RTCStats[] last = new RTCStats[2];
        awaitStats(() -> {
            last[0] = videoStats(pair.polite.pc, "outbound-rtp");
            last[1] = videoStats(pair.impolite.pc, "inbound-rtp");
            return last[0].getLong("framesEncoded") == last[1].getLong("framesDecoded");
        }, () -> "every encoded frame is decoded: " + java.util.Arrays.asList(last));
        RTCStats outbound = last[0];
        RTCStats inbound = last[1];
        long sent = outbound.getLong("qpSum");
        long received = inbound.getLong("qpSum");
        assertTrue(sent > 0 && received > 0, "qpSum on both ends: " + outbound + "; " + inbound);
        double sentAverage = (double) sent / outbound.getLong("framesEncoded");
        double receivedAverage = (double) received / inbound.getLong("framesDecoded");
        System.out.printf("%s qpSum: sender %d over %d frames (%.2f), receiver %d over %d frames (%.2f)%n", codec,
                sent, outbound.getLong("framesEncoded"), sentAverage, received, inbound.getLong("framesDecoded"),
                receivedAverage);
        assertEquals(sentAverage, receivedAverage, 0.01, "average QP at both ends");
        assertTrue(sentAverage >= 1 && sentAverage <= (codec.equals("VP8") ? 127 : 51), "in the codec's range");
    }

    /** Polls getStats every 50 ms until the condition holds; fails after 10 s. */
    private static void awaitStats(StatsCondition condition, java.util.function.Supplier<String> what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.holds()) {
            assertTrue(System.nanoTime() < deadline, () -> what.get() + " within 10 s");
            Thread.sleep(50);
        }
    }

    private interface StatsCondition {
        boolean holds() throws Exception;
    }

    private MediaStreamTrack tone(int hz) {
        AudioTrackSource source = new AudioTrackSource();
        closeables.add(new PacedAudioSource(new ToneGenerator(hz, 0.5, 48_000, 1), source).start());
        closeables.add(source::close);
        return source.createTrack(hz + " Hz tone");
    }

    /** The first remote track of each kind the peer announces. */
    private static Map<String, MediaStreamTrack> awaitTracks(PeerPair.Peer peer) throws InterruptedException {
        Map<String, MediaStreamTrack> byKind = new java.util.HashMap<>();
        while (byKind.size() < 2) {
            RTCTrackEvent event = peer.tracks.poll(10, TimeUnit.SECONDS);
            assertNotNull(event, peer.name + " gets an audio and a video track event");
            byKind.putIfAbsent(event.track().kind(), event.track());
        }
        return byKind;
    }

    /** A camera held sideways: pictures go as captured, the turn in the video-orientation extension. */
    @Test
    void aRotatedCamerasTurnReachesTheReceiver() throws Exception {
        pair = new PeerPair();
        VideoTrackSource sideways = new VideoTrackSource();
        closeables.add(sideways);
        MediaStreamTrack upright = camera(new TestPattern(320, 240));
        closeables.add(upright.addVideoSink(frame -> sideways.push(frame.withRotation(90))));
        pair.polite.pc.addTrack(sideways.createTrack("sideways camera"), new MediaStream());
        pair.awaitConnected(10);
        pair.awaitStable(10);

        LinkedBlockingQueue<VideoFrame> frames = new LinkedBlockingQueue<>();
        try (AutoCloseable sink = awaitVideoTrack(pair.impolite).addVideoSink(frames::add)) {
            VideoFrame frame = frames.poll(10, TimeUnit.SECONDS);
            assertNotNull(frame, "a frame arrives");
            assertEquals(90, frame.rotation(), "shown turned a quarter clockwise");
            assertEquals(320, frame.width(), "the pixels themselves travel unturned");
        }
    }

    /**
     * W3C maxBitrate caps what the encoder aims for, and the resolution ladder follows the capped
     * rate down; without a cap a 720p source still stops at its size's ceiling (2.5 Mbit/s), however
     * much a loopback link allows.
     */
    @Test
    void setParametersMaxBitrate_capsTheVideoSender_andThePictureShrinksWithIt() throws Exception {
        pair = new PeerPair();
        RTCRtpSender sender = pair.polite.pc.addTrack(camera(new TestPattern(1280, 720)), new MediaStream());
        pair.awaitConnected(10);
        pair.awaitStable(10);
        LinkedBlockingQueue<VideoFrame> frames = new LinkedBlockingQueue<>();
        closeables.add(awaitVideoTrack(pair.impolite).addVideoSink(frames::add));
        awaitFrameWidth(frames, w -> w == 1280, "720p before the cap");
        assertTrue(videoStats(pair.polite.pc, "outbound-rtp").getDouble("targetBitrate") <= 2_500_000,
                "the encoder stays under a 720p picture's ceiling");

        RTCRtpSendParameters parameters = sender.getParameters();
        sender.setParameters(parameters.withEncoding(new RTCRtpEncodingParameters(true, java.util.OptionalLong.of(
                300_000)))).get(5, TimeUnit.SECONDS);
        awaitFrameWidth(frames, w -> w <= 640, "at most 640 wide at 300 kbit/s");
        RTCStats before = videoStats(pair.polite.pc, "outbound-rtp");
        assertTrue(before.getDouble("targetBitrate") <= 300_000, "the encoder's target obeys the cap: " + before);
        long window = 3_000_000_000L;
        long started = System.nanoTime();
        while (System.nanoTime() - started < window) {
            frames.poll(100, TimeUnit.MILLISECONDS); // keeps the queue short while the window runs
        }
        RTCStats after = videoStats(pair.polite.pc, "outbound-rtp");
        double bps = (after.getLong("bytesSent") - before.getLong("bytesSent")) * 8e9 / (System.nanoTime() - started);
        System.out.printf("capped at 300 kbit/s: %.0f kbit/s of payload, %s%n", bps / 1000, after);
        assertTrue(bps <= 300_000 * 1.25, "payload rate near the cap: " + bps);
        assertTrue(bps >= 300_000 * 0.3, "still sending video: " + bps);
    }

    private static void awaitFrameWidth(LinkedBlockingQueue<VideoFrame> frames, java.util.function.IntPredicate wanted,
            String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int lastWidth = -1;
        while (System.nanoTime() < deadline) {
            VideoFrame frame = frames.poll(1, TimeUnit.SECONDS);
            if (frame != null && wanted.test(lastWidth = frame.width())) {
                return;
            }
        }
        throw new AssertionError(what + " within 10 s; last frame " + lastWidth + " wide");
    }

    @Test
    void vp8At5PercentRtpLoss_nackAndRtxRepairTheStream() throws Exception {
        RtpLossNet[] lossy = new RtpLossNet[1];
        pair = new PeerPair(net -> lossy[0] = new RtpLossNet(net, 0.05, 7));
        TestPattern politeCamera = new TestPattern(640, 360);
        pair.polite.pc.addTrack(camera(politeCamera), new MediaStream());
        pair.awaitConnected(10);
        pair.awaitStable(10);

        assertDecodesInOrder(awaitVideoTrack(pair.impolite), politeCamera, "impolite sees polite's video through loss");
        assertTrue(lossy[0].dropped() > 0, "the link lost RTP");

        RTCStats inbound = videoStats(pair.impolite.pc, "inbound-rtp");
        RTCStats outbound = videoStats(pair.polite.pc, "outbound-rtp");
        assertTrue(inbound.getLong("nackCount") > 0, "the receiver sent NACKs: " + inbound);
        assertTrue(outbound.getLong("retransmittedPacketsSent") > 0, "the sender retransmitted: " + outbound);
        assertTrue(inbound.getLong("framesDecoded") >= FRAMES_TO_CHECK, inbound.toString());
        assertTrue(inbound.getDouble("framesPerSecond") > 10, "decoding at the camera's pace: " + inbound);
        assertTrue(outbound.getDouble("framesPerSecond") > 10, "encoding at the camera's pace: " + outbound);
        assertTrue(outbound.getLong("framesEncoded") >= inbound.getLong("framesDecoded"), outbound.toString());
        assertTrue(outbound.get("pliCount").isPresent() && outbound.get("firCount").isPresent(), outbound.toString());
        RTCStats pair = pairStats(this.pair.polite.pc);
        assertTrue(pair.getDouble("availableOutgoingBitrate") > 0, "congestion control has an estimate: " + pair);
        System.out.printf("lost %d RTP packets; receiver: %s; sender: %s; %s%n", lossy[0].dropped(), inbound, outbound,
                pair);
    }

    private static RTCStats videoStats(RTCPeerConnection pc, String type) throws Exception {
        return pc.getStats().get(5, TimeUnit.SECONDS).ofType(type).stream()
                .filter(st -> "video".equals(st.getString("kind").orElse(""))).findFirst()
                .orElseThrow(() -> new AssertionError("no video " + type));
    }

    private static RTCStats pairStats(RTCPeerConnection pc) throws Exception {
        RTCStatsReport report = pc.getStats().get(5, TimeUnit.SECONDS);
        String selected = report.ofType("transport").get(0).getString("selectedCandidatePairId").orElseThrow();
        return report.ofType("candidate-pair").stream().filter(st -> st.id().equals(selected)).findFirst().orElseThrow();
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
            // A call starts at a small picture and grows as congestion control learns the link:
            // the checks start with the first picture at the source's own size.
            awaitFrameWidth(frames, w -> w == pattern.width(), what + ": the source's own size");
            long lastNumber = -1;
            double worst = Double.MAX_VALUE;
            java.util.Map<String, Integer> sizes = new java.util.TreeMap<>();
            for (int i = 0; i < FRAMES_TO_CHECK; i++) {
                VideoFrame frame = frames.poll(10, TimeUnit.SECONDS);
                assertNotNull(frame, what + ": frame " + i + " within 10 s");
                int index = i;
                TestPattern.Stamp stamp = pattern.read(frame).orElseThrow(
                        () -> new AssertionError(what + ": frame " + index + " (" + frame + ") carries no readable stamp"));
                assertTrue(stamp.frameNumber() > lastNumber, what + ": frame numbers rise, "
                        + stamp.frameNumber() + " after " + lastNumber);
                lastNumber = stamp.frameNumber();
                // Against the source picture as the sender encoded it: congestion control may have
                // scaled it down (ResolutionLadder) on a loaded machine.
                VideoFrame source = FrameScaler.scale(pattern.frame(stamp.frameNumber(), stamp.captureTimeNanos()),
                        frame.width(), frame.height());
                double psnr = VideoQuality.psnr(source, frame);
                sizes.merge(frame.width() + "x" + frame.height(), 1, Integer::sum);
                worst = Math.min(worst, psnr);
                assertTrue(psnr >= 30, what + ": frame " + stamp.frameNumber() + " PSNR " + psnr + " dB");
            }
            System.out.printf("%s: %d frames in order, worst PSNR %.1f dB, sizes %s%n", what, FRAMES_TO_CHECK, worst,
                    sizes);
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
