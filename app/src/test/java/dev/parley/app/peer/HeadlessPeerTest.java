package dev.parley.app.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.app.signaling.client.CallEndReason;
import dev.parley.app.signaling.client.ServerTrust;
import dev.parley.app.signaling.client.SignalingClientRuntime;
import dev.parley.app.signaling.server.SignalingServer;
import dev.parley.app.signaling.server.SignalingServerConfig;
import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.EngineSettings;
import dev.parley.rtc.VideoFrame;
import dev.parley.rtc.ice.IceSettings;
import dev.parley.rtc.media.TestPattern;
import dev.parley.rtc.media.ToneDetector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two headless peers call each other through the embedded server on 127.0.0.1 (ICE restricted
 * to loopback): each hears the other's tone and sees the other's test pattern, chat crosses the
 * data channel both ways, and the received audio and video are recorded.
 */
class HeadlessPeerTest {
    private static final double ADA_HZ = 440;
    private static final double BOB_HZ = 660;
    /** 1.5 s of 10 ms frames. */
    private static final int FRAMES = 150;
    /**
     * The tone is measured in windows of 100 ms and judged by their median: the jitter buffer
     * adds or drops whole 10 ms frames as it adapts (on a busy machine, several a second), and
     * each such step shifts a pure tone's phase, so one measurement over all 1.5 s came out at
     * 0.15–0.38 of full scale for a tone that every window between the steps holds at 0.5.
     */
    private static final int WINDOW_FRAMES = 10;
    /**
     * 10 ms frames of each call skipped before listening: two seconds. The jitter buffer starts on
     * concealment, and audio/video sync's first steps (from 0.5 s on) reach their delay by
     * stretching the sound.
     */
    private static final int WARM_UP_FRAMES = 200;
    /**
     * Different sizes, so each recording shows whose pattern it holds; small and 15 fps, so two
     * encoders and two decoders leave a shared two-core machine room for the audio path.
     */
    private static final SyntheticCamera ADA_CAMERA = new SyntheticCamera(384, 216, 15);
    private static final SyntheticCamera BOB_CAMERA = new SyntheticCamera(320, 180, 15);
    /** Decoded pictures each side waits for: two seconds at 15 fps. */
    private static final int VIDEO_FRAMES = 30;

    @TempDir
    Path dir;

    /** Collects what a peer receives. */
    private static final class Heard implements HeadlessPeer.Listener {
        /** Windows of {@link #WINDOW_FRAMES} frames each, at the rate of the first frame (48 kHz for Opus). */
        final List<ToneDetector> toneWindows = new ArrayList<>();
        final CountDownLatch enoughAudio = new CountDownLatch(FRAMES);
        final LinkedBlockingQueue<String> chat = new LinkedBlockingQueue<>();
        final CompletableFuture<String> connected = new CompletableFuture<>();
        final CompletableFuture<CallEndReason> ended = new CompletableFuture<>();
        final CompletableFuture<String> resumed = new CompletableFuture<>();
        final java.util.concurrent.atomic.AtomicLong frames = new java.util.concurrent.atomic.AtomicLong();
        final CountDownLatch enoughVideo = new CountDownLatch(VIDEO_FRAMES);

        @Override
        public void onRemoteVideo(dev.parley.rtc.VideoFrame frame) {
            enoughVideo.countDown();
        }
        int sampleRate;

        @Override
        public void onSignalingResumed(String callId) {
            resumed.complete(callId);
        }

        /** Waits until {@code more} frames beyond {@code from} have arrived. */
        void awaitFrames(long from, long more) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            synchronized (this) {
                while (frames.get() < from + more) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new AssertionError("only " + (frames.get() - from) + " of " + more + " frames arrived");
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            }
        }

        @Override
        public void onCallConnected(String callId) {
            connected.complete(callId);
        }

        @Override
        public synchronized void onRemoteAudio(AudioFrame frame) {
            long count = frames.incrementAndGet();
            notifyAll();
            // The call's first seconds are left out (WARM_UP_FRAMES): the check is about the tone
            // of the call, not its first moments.
            if (enoughAudio.getCount() == 0 || count <= WARM_UP_FRAMES) {
                return;
            }
            ToneDetector window = toneWindows.isEmpty() ? null : toneWindows.get(toneWindows.size() - 1);
            int windowSamples = WINDOW_FRAMES * frame.samplesPerChannel();
            if (window == null || window.sampleCount() == windowSamples) {
                if (window != null && frame.sampleRate() != window.sampleRate()) {
                    return;
                }
                window = new ToneDetector(frame.sampleRate(), windowSamples);
                toneWindows.add(window);
            }
            if (frame.sampleRate() == window.sampleRate()) {
                window.add(frame);
                enoughAudio.countDown();
            }
            sampleRate = frame.sampleRate();
        }

        @Override
        public void onChatMessage(String text) {
            chat.add(text);
        }

        @Override
        public void onCallEnded(String callId, CallEndReason reason) {
            ended.complete(reason);
        }
    }

    /** The other's tone (sent at half of full scale) is there, and one's own is not: medians over the windows. */
    private static void assertHears(List<ToneDetector> windows, double expectedHz, double ownHz) {
        double[] expected = windows.stream().mapToDouble(w -> w.amplitudeAt(expectedHz)).sorted().toArray();
        double[] own = windows.stream().mapToDouble(w -> w.amplitudeAt(ownHz)).sorted().toArray();
        double expectedMedian = expected[expected.length / 2];
        double ownMedian = own[own.length / 2];
        assertTrue(expectedMedian > 0.3, "the " + expectedHz + " Hz tone arrives at " + expectedMedian
                + " of full scale (median of 100 ms windows: " + Arrays.toString(expected) + ")");
        assertTrue(expectedMedian > 20 * ownMedian, expectedHz + " Hz at " + expectedMedian + " against " + ownHz
                + " Hz at " + ownMedian);
    }

    @Test
    void twoHeadlessPeersCallEachOtherWithToneVideoAndChat() throws Exception {
        EngineSettings loopback = EngineSettings.builder().ice(IceSettings.DEFAULTS.loopbackOnly()).build();
        Heard atAda = new Heard();
        Heard atBob = new Heard();
        Path adaDir = Files.createDirectories(dir.resolve("ada"));
        Path bobDir = Files.createDirectories(dir.resolve("bob"));
        String callId;
        try (SignalingServer server = SignalingServer.start(SignalingServerConfig.builder().build());
             SignalingClientRuntime runtime = new SignalingClientRuntime(ServerTrust.systemDefault(), 2);
             HeadlessPeer bob = new HeadlessPeer(new PeerOptions(server.webSocketUri(), "Bob", null, true, BOB_HZ, null, BOB_CAMERA, null,
                     bobDir, dir.resolve("bob-stats.json")), runtime, loopback, atBob);
             HeadlessPeer ada = new HeadlessPeer(new PeerOptions(server.webSocketUri(), "Ada", "Bob", false, ADA_HZ, null, ADA_CAMERA, null,
                     adaDir, null), runtime, loopback, atAda)) {
            bob.start().get(10, TimeUnit.SECONDS);
            ada.start().get(10, TimeUnit.SECONDS);

            callId = atAda.connected.get(20, TimeUnit.SECONDS);
            assertEquals(callId, atBob.connected.get(20, TimeUnit.SECONDS));
            assertEquals("hello from Bob", atAda.chat.poll(10, TimeUnit.SECONDS));
            assertEquals("hello from Ada", atBob.chat.poll(10, TimeUnit.SECONDS));

            assertTrue(atAda.enoughAudio.await(20, TimeUnit.SECONDS), "Ada receives audio: " + atAda.frames);
            assertTrue(atBob.enoughAudio.await(20, TimeUnit.SECONDS), "Bob receives audio: " + atBob.frames);
            assertEquals(48_000, atAda.sampleRate, "the call carries Opus, played at 48 kHz");
            synchronized (atAda) {
                assertHears(atAda.toneWindows, BOB_HZ, ADA_HZ);
            }
            synchronized (atBob) {
                assertHears(atBob.toneWindows, ADA_HZ, BOB_HZ);
            }

            assertTrue(atAda.enoughVideo.await(30, TimeUnit.SECONDS), "Ada sees video: " + atAda.enoughVideo);
            assertTrue(atBob.enoughVideo.await(30, TimeUnit.SECONDS), "Bob sees video: " + atBob.enoughVideo);

            assertEquals(null, atAda.chat.poll(200, TimeUnit.MILLISECONDS), "one greeting, not two");
            ada.hangup().get(10, TimeUnit.SECONDS);
            assertEquals(CallEndReason.HUNG_UP, atBob.ended.get(10, TimeUnit.SECONDS));
            Path recording = bobDir.resolve(callId + "-audio.wav");
            assertTrue(Files.size(recording) > 44 + FRAMES * 160, "Bob recorded Ada's audio: " + Files.size(recording));
        }
        String stats = Files.readString(dir.resolve("bob-stats.json"));
        assertTrue(stats.contains("\"chatMessagesReceived\": 1"), stats);
        assertTrue(stats.contains("\"framesDecoded\"") && stats.contains("\"framesEncoded\""), stats);
        assertRecordedPattern(adaDir, callId, BOB_CAMERA);
        assertRecordedPattern(bobDir, callId, ADA_CAMERA);
    }

    /**
     * The call's video recordings ({@code -video.y4m}, then {@code -video-2.y4m}… if the sender
     * changed size) hold the sender's pattern, at its size or scaled down, with frame numbers
     * rising: decoded pictures of the other's camera, in order.
     */
    private static void assertRecordedPattern(Path dir, String callId, SyntheticCamera sender) throws Exception {
        TestPattern pattern = new TestPattern(sender.width(), sender.height());
        long last = -1;
        int frames = 0;
        int stamped = 0;
        for (int n = 1; ; n++) {
            Path file = dir.resolve(n == 1 ? callId + "-video.y4m" : callId + "-video-" + n + ".y4m");
            if (!Files.exists(file)) {
                break;
            }
            for (VideoFrame frame : Y4mReader.frames(file)) {
                frames++;
                var stamp = pattern.read(frame);
                if (stamp.isPresent()) {
                    stamped++;
                    assertTrue(stamp.get().frameNumber() > last,
                            "frame numbers rise: " + stamp.get().frameNumber() + " after " + last + " in " + file);
                    last = stamp.get().frameNumber();
                }
            }
        }
        assertTrue(frames >= VIDEO_FRAMES, dir + ": " + frames + " frames recorded");
        assertTrue(stamped >= frames * 9 / 10, dir + ": the pattern's stamp read in " + stamped + " of " + frames);
    }

    @Test
    void mediaGoesOnWhileTheServerRestartsAndBothPeersResume() throws Exception {
        EngineSettings loopback = EngineSettings.builder().ice(IceSettings.DEFAULTS.loopbackOnly()).build();
        Heard atAda = new Heard();
        Heard atBob = new Heard();
        SignalingServer server = SignalingServer.start(SignalingServerConfig.builder().build());
        int port = server.port();
        try (SignalingClientRuntime runtime = new SignalingClientRuntime(ServerTrust.systemDefault(), 2);
             HeadlessPeer bob = new HeadlessPeer(new PeerOptions(server.webSocketUri(), "Bob", null, true, BOB_HZ, null, null, null,
                     null, null), runtime, loopback, atBob);
             HeadlessPeer ada = new HeadlessPeer(new PeerOptions(server.webSocketUri(), "Ada", "Bob", false, ADA_HZ, null, null, null,
                     null, null), runtime, loopback, atAda)) {
            bob.start().get(10, TimeUnit.SECONDS);
            ada.start().get(10, TimeUnit.SECONDS);
            String callId = atAda.connected.get(20, TimeUnit.SECONDS);
            atBob.awaitFrames(0, 50);

            server.close();
            // No server at all: the call's media is peer to peer and keeps flowing.
            atBob.awaitFrames(atBob.frames.get(), 100);
            atAda.awaitFrames(atAda.frames.get(), 100);

            server = SignalingServer.start(SignalingServerConfig.builder().port(port).build());
            assertEquals(callId, atAda.resumed.get(30, TimeUnit.SECONDS));
            assertEquals(callId, atBob.resumed.get(30, TimeUnit.SECONDS));
            atBob.awaitFrames(atBob.frames.get(), 50);

            ada.hangup().get(10, TimeUnit.SECONDS);
            assertEquals(CallEndReason.HUNG_UP, atBob.ended.get(10, TimeUnit.SECONDS));
        } finally {
            server.close();
        }
    }
}
