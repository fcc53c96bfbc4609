package dev.parley.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.sarxos.webcam.WebcamDriver;
import dev.parley.rtc.VideoFrame;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The FFmpeg input's own promises: sizes on request, and no blocking call outliving its timeout. */
class FfmpegVideoInputTest {
    @Test
    void readsAtTheSizeAskedForAndReportsTheNativeOne() {
        try (FfmpegVideoInput input = new FfmpegVideoInput("lavfi", "testsrc2=size=640x360:rate=25", Map.of(),
                Duration.ofSeconds(2))) {
            assertEquals(640, input.nativeWidth());
            assertEquals(360, input.nativeHeight());
            assertEquals(25.0, input.nativeFrameRate(), 0.001);
            VideoFrame small = input.read(320, 180, 7);
            assertEquals(320, small.width());
            assertEquals(180, small.height());
            assertEquals(7, small.captureTimeNanos());
            VideoFrame large = input.read(1280, 720, 8);
            assertEquals(1280, large.width());
        }
    }

    @Test
    void anUnknownInputFormatIsNotFound() {
        MediaDeviceException failure = assertThrows(MediaDeviceException.class,
                () -> new FfmpegVideoInput("no-such-format", "x", Map.of(), Duration.ofSeconds(1)));
        assertEquals(MediaDeviceException.NOT_FOUND, failure.name());
    }

    /** FFmpeg's real v4l2 input (this FFmpeg has it) on a node that does not exist. */
    @Test
    void aMissingCameraNodeIsNotFound() {
        MediaDeviceException failure = assertThrows(MediaDeviceException.class,
                () -> new FfmpegVideoInput("v4l2", "/dev/video77", Map.of("video_size", "640x480"),
                        Duration.ofSeconds(2)));
        assertEquals(MediaDeviceException.NOT_FOUND, failure.name(), failure.toString());
        assertTrue(failure.getMessage().contains("could not open"), failure.getMessage());
    }

    /** A peer that accepts and then says nothing: FFmpeg waits in its I/O; the interrupt callback ends the wait. */
    @Test
    void aSilentInputIsAbortedAtItsTimeout() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.accept();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            long start = System.nanoTime();
            MediaDeviceException failure = assertThrows(MediaDeviceException.class, () -> new FfmpegVideoInput(
                    "mpegts", "tcp://127.0.0.1:" + server.getLocalPort(), Map.of(), Duration.ofMillis(500)));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(MediaDeviceException.ABORT, failure.name(), failure.toString());
            assertTrue(millis >= 450 && millis < 2_000, "gave up at its timeout: " + millis + " ms");
            assertNotNull(accepted.get(2, TimeUnit.SECONDS), "it did connect, then waited");
            accepted.get().close();
        }
    }

    /**
     * A stream that starts, then goes silent (a camera unplugged without a word): a read waits in
     * FFmpeg's I/O, and close() from another thread makes it return at once, long before its timeout.
     */
    @Test
    void closeEndsAReadStuckInASilentStream(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        byte[] start = java.nio.file.Files.readAllBytes(Y4mPattern.write(dir.resolve("start.y4m"), 320, 240, 3, 30));
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            java.util.concurrent.CountDownLatch testDone = new java.util.concurrent.CountDownLatch(1);
            Thread peer = new Thread(() -> {
                try (Socket socket = server.accept()) {
                    socket.getOutputStream().write(start);
                    socket.getOutputStream().flush();
                    testDone.await(); // then silence, connection kept open
                } catch (Exception e) {
                    // the test fails on its own if the peer does not serve
                }
            });
            peer.setDaemon(true);
            peer.start();
            FfmpegVideoInput input = new FfmpegVideoInput("yuv4mpegpipe", "tcp://127.0.0.1:" + server.getLocalPort(),
                    Map.of(), Duration.ofSeconds(30));
            try {
                VideoFrame frame;
                while ((frame = readOrNull(input)) != null) {
                    assertEquals(320, frame.width()); // the frames that did come; then the read waits
                    if (new dev.parley.rtc.media.TestPattern(320, 240).read(frame).orElseThrow().frameNumber() == 2) {
                        break;
                    }
                }
                CompletableFuture<Object> stuck = CompletableFuture.supplyAsync(() -> readOrFailure(input));
                Thread.sleep(300); // let the read reach FFmpeg's wait; the assertion below holds either way
                long closing = System.nanoTime();
                input.close();
                Object outcome = stuck.get(5, TimeUnit.SECONDS);
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closing);
                assertTrue(outcome instanceof MediaDeviceException e && e.name().equals(MediaDeviceException.ABORT),
                        "the stuck read gave up: " + outcome);
                assertTrue(millis < 1_000, "within " + millis + " ms of close(), not the 30 s timeout");
            } finally {
                input.close();
                testDone.countDown();
            }
        }
    }

    private static VideoFrame readOrNull(FfmpegVideoInput input) {
        return input.read(320, 240, 0);
    }

    private static Object readOrFailure(FfmpegVideoInput input) {
        try {
            return input.read(320, 240, 0);
        } catch (MediaDeviceException e) {
            return e;
        }
    }

    @Test
    void theStandardDriversIncludeFfmpegsAndTheFileCameraWhenAsked() {
        List<WebcamDriver> drivers = CameraDrivers.standard(true, Optional.of(Path.of("clip.y4m")));
        List<String> names = drivers.stream().map(Object::toString).toList();
        assertTrue(names.contains("guarded FFmpeg v4l2 camera driver"), names.toString());
        assertTrue(names.contains("file camera driver (File: clip.y4m)"), names.toString());
        assertTrue(names.contains("synthetic camera driver"), names.toString());
        assertEquals(List.of(), drivers.stream().filter(d -> d.toString().contains("v4l2")).findFirst()
                .orElseThrow().getDevices(), "no /dev/video* here, so no FFmpeg camera");
    }
}
