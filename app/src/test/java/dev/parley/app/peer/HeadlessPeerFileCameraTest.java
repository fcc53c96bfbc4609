package dev.parley.app.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.app.signaling.client.CallEndReason;
import dev.parley.app.signaling.client.ServerTrust;
import dev.parley.app.signaling.client.SignalingClientRuntime;
import dev.parley.app.signaling.server.SignalingServer;
import dev.parley.app.signaling.server.SignalingServerConfig;
import dev.parley.media.MediaDeviceException;
import dev.parley.rtc.EngineSettings;
import dev.parley.rtc.VideoFrame;
import dev.parley.rtc.ice.IceSettings;
import dev.parley.rtc.media.TestPattern;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A headless peer whose camera is a video file (media-capture's file camera) calls another through
 * the embedded server on 127.0.0.1: the other's recording holds the file's pictures, scaled to the
 * camera size asked for, and looped. A camera file that is missing or not a video is refused when
 * the peer is made, naming the file.
 */
class HeadlessPeerFileCameraTest {
    /** The file's pictures: 384x216, so the camera's 320x180 shows that the file is scaled. */
    private static final int FILE_WIDTH = 384;
    private static final int FILE_HEIGHT = 216;
    /** One second at the 30 fps Y4mRecorder's header says: the call's two seconds see it loop. */
    private static final int FILE_FRAMES = 30;
    /** Frame numbers no synthetic camera sends in the first minutes of a call. */
    private static final long FIRST_NUMBER = 50_000;
    /**
     * 320x180 is the bottom of the resolution ladder, so the sender never scales it further and
     * every recorded picture is this size.
     */
    private static final SyntheticCamera CAMERA = new SyntheticCamera(320, 180, 15);
    /** Decoded pictures Bob waits for: two seconds at 15 fps. */
    private static final int VIDEO_FRAMES = 30;

    @TempDir
    Path dir;

    /** Writes the clip: frames {@link #FIRST_NUMBER}… of core-rtc's test pattern, in Y4M. */
    private Path clip() {
        TestPattern pattern = new TestPattern(FILE_WIDTH, FILE_HEIGHT);
        Y4mRecorder writer = new Y4mRecorder(dir, "clip");
        for (int n = 0; n < FILE_FRAMES; n++) {
            writer.onFrame(pattern.frame(FIRST_NUMBER + n, n));
        }
        writer.close();
        assertEquals(FILE_FRAMES, writer.framesWritten(), "the clip holds every frame (its queue holds them all)");
        return writer.file(1);
    }

    @Test
    void aPeerWithAFileCameraSendsTheFilesPictures() throws Exception {
        Path clip = clip();
        EngineSettings loopback = EngineSettings.builder().ice(IceSettings.DEFAULTS.loopbackOnly()).build();
        Path bobDir = Files.createDirectories(dir.resolve("bob"));
        CountDownLatch enoughVideo = new CountDownLatch(VIDEO_FRAMES);
        CompletableFuture<String> connected = new CompletableFuture<>();
        CompletableFuture<CallEndReason> ended = new CompletableFuture<>();
        String callId;
        long started = System.nanoTime();
        try (SignalingServer server = SignalingServer.start(SignalingServerConfig.builder().build());
             SignalingClientRuntime runtime = new SignalingClientRuntime(ServerTrust.systemDefault(), 2);
             HeadlessPeer bob = new HeadlessPeer(new PeerOptions(server.webSocketUri(), "Bob", null, true, 660, null,
                     null, null, bobDir, null), runtime, loopback, new HeadlessPeer.Listener() {
                         @Override
                         public void onCallConnected(String id) {
                             connected.complete(id);
                         }

                         @Override
                         public void onRemoteVideo(VideoFrame frame) {
                             enoughVideo.countDown();
                         }

                         @Override
                         public void onCallEnded(String id, CallEndReason reason) {
                             ended.complete(reason);
                         }
                     });
             HeadlessPeer ada = new HeadlessPeer(new PeerOptions(server.webSocketUri(), "Ada", "Bob", false, 440, null,
                     CAMERA, clip, null, null), runtime, loopback, new HeadlessPeer.Listener() {})) {
            bob.start().get(10, TimeUnit.SECONDS);
            ada.start().get(10, TimeUnit.SECONDS);
            callId = connected.get(20, TimeUnit.SECONDS);
            assertTrue(enoughVideo.await(30, TimeUnit.SECONDS), "Bob sees video: " + enoughVideo);
            ada.hangup().get(10, TimeUnit.SECONDS);
            assertEquals(CallEndReason.HUNG_UP, ended.get(10, TimeUnit.SECONDS));
        }
        System.out.printf("file camera call: %.1f s%n", (System.nanoTime() - started) / 1e9);
        assertRecordedClip(bobDir.resolve(callId + "-video.y4m"));
    }

    /**
     * Every recorded picture is the camera's size; nearly all carry a stamp of the clip (numbers
     * {@link #FIRST_NUMBER}…, which no synthetic camera sends), rising except where the clip
     * starts over, which it does at least once.
     */
    private static void assertRecordedClip(Path recording) throws Exception {
        assertTrue(Files.exists(recording), recording + " written");
        assertTrue(!Files.exists(recording.resolveSibling(recording.getFileName().toString()
                .replace(".y4m", "-2.y4m"))), "one size throughout");
        TestPattern pattern = new TestPattern(FILE_WIDTH, FILE_HEIGHT);
        List<VideoFrame> frames = Y4mReader.frames(recording);
        List<Long> numbers = new ArrayList<>();
        for (VideoFrame frame : frames) {
            assertEquals(CAMERA.width() + "x" + CAMERA.height(), frame.width() + "x" + frame.height(),
                    "the clip at the camera's size");
            Optional<TestPattern.Stamp> stamp = pattern.read(frame);
            stamp.ifPresent(s -> numbers.add(s.frameNumber()));
        }
        assertTrue(frames.size() >= VIDEO_FRAMES, frames.size() + " frames recorded");
        assertTrue(numbers.size() >= frames.size() * 9 / 10, "the clip's stamp read in " + numbers.size() + " of "
                + frames.size());
        int restarts = 0;
        for (int i = 0; i < numbers.size(); i++) {
            long n = numbers.get(i);
            assertTrue(n >= FIRST_NUMBER && n < FIRST_NUMBER + FILE_FRAMES, "a frame of the clip: " + n);
            if (i > 0 && n <= numbers.get(i - 1)) {
                restarts++;
            }
        }
        System.out.printf("%s: %d frames, %d stamped with the clip's numbers, %d restarts of the clip%n",
                recording.getFileName(), frames.size(), numbers.size(), restarts);
        assertTrue(restarts >= 1 && restarts <= numbers.size() / 5, "the clip loops (" + restarts
                + " restarts), in order between: " + numbers);
    }

    @Test
    void aMissingCameraFileIsRefusedNamingIt() {
        Path missing = dir.resolve("no-such-clip.y4m");
        MediaDeviceException e = assertThrows(MediaDeviceException.class, () -> peerWithCameraFile(missing));
        assertEquals(MediaDeviceException.NOT_FOUND, e.name(), e.getMessage());
        assertTrue(e.getMessage().contains("no-such-clip.y4m"), e.getMessage());
    }

    @Test
    void aCameraFileThatIsNoVideoIsRefusedNamingIt() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.mp4"), "not a video at all\n".repeat(100));
        MediaDeviceException e = assertThrows(MediaDeviceException.class, () -> peerWithCameraFile(text));
        assertEquals(MediaDeviceException.NOT_READABLE, e.name(), e.getMessage());
        assertTrue(e.getMessage().contains("notes.mp4"), e.getMessage());
    }

    /** Makes (and at once closes) a peer with this camera file; nothing is started. */
    private void peerWithCameraFile(Path file) throws Exception {
        try (SignalingClientRuntime runtime = new SignalingClientRuntime(ServerTrust.systemDefault(), 1);
             HeadlessPeer peer = new HeadlessPeer(new PeerOptions(URI.create("ws://127.0.0.1:9/signal"), "Ada", null,
                     false, 440, null, CAMERA, file, null, null), runtime, EngineSettings.defaults(),
                     new HeadlessPeer.Listener() {})) {
            throw new AssertionError("a peer was made with camera file " + file + ": " + peer);
        }
    }
}
