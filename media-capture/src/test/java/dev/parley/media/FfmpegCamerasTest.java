package dev.parley.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.sarxos.webcam.Webcam;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.MediaStreamTrackListener;
import dev.parley.rtc.MediaStreamTrackState;
import dev.parley.rtc.VideoFrame;
import dev.parley.rtc.media.TestPattern;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FFmpeg cameras through webcam-capture and getUserMedia: the file camera playing a Y4M of
 * core-rtc's test pattern (stamps in order, looping, at the asked size; missing and corrupt
 * files), and the native camera driver driven by FFmpeg's lavfi test sources in place of
 * /dev/video (720p30 frames; a source that ends mid-stream ends its track only).
 */
class FfmpegCamerasTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int PATTERN_FRAMES = 20;
    private static final String LIVE_720P = "testsrc2=size=1280x720:rate=30";
    private static final String ENDING = "testsrc2=size=640x360:rate=30:duration=1";
    @TempDir
    static Path dir;
    private static MediaDevices devices;

    @BeforeAll
    static void installDrivers() throws Exception {
        Y4mPattern.write(dir.resolve("pattern.y4m"), 320, 240, PATTERN_FRAMES, 30);
        Vp8IvfPattern.write(dir.resolve("pattern.ivf"), 320, 240, PATTERN_FRAMES, 30, 1_500_000);
        byte[] noise = new byte[200_000];
        new Random(7).nextBytes(noise);
        Files.write(dir.resolve("corrupt.mp4"), noise);
        FfmpegCameraDriver lavfi = new FfmpegCameraDriver("lavfi", () -> List.of(
                new FfmpegCameraDriver.Source("Test source 720p", LIVE_720P),
                new FfmpegCameraDriver.Source("Test source ending", ENDING)), size -> Map.of(), Duration.ofSeconds(2));
        CameraDrivers drivers = new CameraDrivers(List.of(new FileCameraDriver(dir.resolve("pattern.y4m")),
                new FileCameraDriver(dir.resolve("pattern.ivf")),
                new FileCameraDriver(dir.resolve("missing.y4m")), new FileCameraDriver(dir.resolve("corrupt.mp4")),
                lavfi));
        devices = new MediaDevices(List.of(new WebcamProvider(drivers, Duration.ofSeconds(4))),
                new MediaDevicesOptions(Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(5),
                        Duration.ofSeconds(1)));
    }

    @AfterAll
    static void close() {
        devices.close();
    }

    @Test
    void fileCameraLoopsThePatternInOrderAtTheAskedSize() {
        MediaStreamTrack track = video("File: pattern.y4m", MediaTrackConstraints.builder()
                .width(ConstrainNumber.exact(320)).height(ConstrainNumber.exact(240)));
        try {
            TestPattern pattern = new TestPattern(320, 240);
            List<Long> numbers = new CopyOnWriteArrayList<>();
            List<String> sizes = new CopyOnWriteArrayList<>();
            track.addVideoSink(frame -> {
                sizes.add(frame.width() + "x" + frame.height());
                pattern.read(frame).ifPresent(stamp -> numbers.add(stamp.frameNumber()));
            });
            assertLoopsInOrder(numbers);
            assertTrue(sizes.stream().allMatch("320x240"::equals), "sizes " + sizes);
            MediaTrackSettings settings = devices.getSettings(track).orElseThrow();
            assertEquals(320, settings.width());
            assertEquals(240, settings.height());

            // another size: swscale scales the file's pictures to it
            Await.done(devices.applyConstraints(track, MediaTrackConstraints.builder()
                    .width(ConstrainNumber.exact(1280)).height(ConstrainNumber.exact(720)).build()), WAIT);
            AtomicReference<VideoFrame> last = new AtomicReference<>();
            track.addVideoSink(last::set);
            Await.until(WAIT, "1280x720 frames", () -> last.get() != null && last.get().width() == 1280);
            assertEquals(720, last.get().height());
        } finally {
            track.stop();
        }
        assertEquals(MediaStreamTrackState.ENDED, track.readyState());
    }

    /** VP8 in IVF: demultiplexed, decoded, and sought back to its key frame at each loop. */
    @Test
    void fileCameraLoopsACompressedFileInOrder() {
        MediaStreamTrack track = video("File: pattern.ivf", MediaTrackConstraints.builder()
                .width(ConstrainNumber.exact(320)).height(ConstrainNumber.exact(240)));
        try {
            TestPattern pattern = new TestPattern(320, 240);
            List<Long> numbers = new CopyOnWriteArrayList<>();
            AtomicLong unreadable = new AtomicLong();
            track.addVideoSink(frame -> pattern.read(frame).ifPresentOrElse(stamp -> numbers.add(stamp.frameNumber()),
                    unreadable::incrementAndGet));
            assertLoopsInOrder(numbers);
            assertEquals(0, unreadable.get(), "every decoded picture carries its stamp");
        } finally {
            track.stop();
        }
    }

    /** Waits for two and a half loops of a {@value #PATTERN_FRAMES}-frame file and checks they came in order. */
    private static void assertLoopsInOrder(List<Long> numbers) {
        Await.until(WAIT, "two and a half loops of the file", () -> numbers.size() >= PATTERN_FRAMES * 5 / 2);
        int wraps = 0;
        for (int i = 1; i < numbers.size(); i++) {
            long previous = numbers.get(i - 1);
            long now = numbers.get(i);
            if (now < previous) {
                wraps++;
                assertTrue(previous >= PATTERN_FRAMES - 3 && now <= 2, "loops from the end to the start: " + numbers);
            } else {
                assertTrue(now - previous <= 2, "in order, at the file's rate: " + numbers);
            }
        }
        assertTrue(wraps >= 2, "looped: " + numbers);
    }

    @Test
    void fileCameraWorksThroughWebcamCapturesOwnApi() throws Exception {
        Webcam webcam = Webcam.getWebcams(5, TimeUnit.SECONDS).stream()
                .filter(w -> w.getName().equals("File: pattern.y4m")).findFirst().orElseThrow();
        Await.until(WAIT, "released by other tests", () -> !webcam.isOpen());
        webcam.setViewSize(new java.awt.Dimension(320, 240));
        assertTrue(webcam.open());
        try {
            ByteBuffer rgb = ByteBuffer.allocate(320 * 240 * 3);
            webcam.getImageBytes(rgb);
            assertEquals(rgb.capacity(), rgb.position());
            VideoFrame frame = new RgbToI420(320, 240, 320, 240).convert(rgb.array(), 0);
            assertEquals(0, new TestPattern(320, 240).read(frame).orElseThrow().frameNumber(), "starts at the first");
            assertEquals(30.0, webcam.getFPS(), 0.01, "the file's own rate");
        } finally {
            webcam.close();
        }
    }

    @Test
    void aMissingFileIsNotFound() {
        assertEquals(MediaDeviceException.NOT_FOUND, openFailure("File: missing.y4m").name());
    }

    @Test
    void aCorruptFileIsNotReadableAndDoesNotHang() {
        long start = System.nanoTime();
        MediaDeviceException failure = openFailure("File: corrupt.mp4");
        assertEquals(MediaDeviceException.NOT_READABLE, failure.name(), failure.toString());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "answered in time");
    }

    @Test
    void nativeDriverDeliversTheTestSourceAt720p30() {
        MediaStreamTrack track = video("Test source 720p", MediaTrackConstraints.builder()
                .width(ConstrainNumber.exact(1280)).height(ConstrainNumber.exact(720))
                .frameRate(ConstrainNumber.ideal(30)));
        try {
            List<Long> arrivals = new CopyOnWriteArrayList<>();
            List<String> sizes = new CopyOnWriteArrayList<>();
            track.addVideoSink(frame -> {
                arrivals.add(System.nanoTime());
                sizes.add(frame.width() + "x" + frame.height());
            });
            Await.until(WAIT, "3 s of frames", () -> arrivals.size() >= 91);
            // the rate over the last 2 s (the first frames include opening)
            double seconds = (arrivals.get(90) - arrivals.get(30)) / 1e9;
            double fps = 60 / seconds;
            System.out.printf("lavfi 1280x720 through the FFmpeg camera driver: %.1f fps%n", fps);
            assertTrue(fps > 27 && fps < 33, "about 30 fps: " + fps);
            assertTrue(sizes.stream().allMatch("1280x720"::equals), "sizes " + sizes);
        } finally {
            track.stop();
        }
    }

    @Test
    void aSourceEndingMidStreamEndsItsTrackWithinTwoSecondsWhileTheOtherRuns() {
        MediaStreamTrack ending = video("Test source ending", MediaTrackConstraints.builder());
        MediaStreamTrack other = video("File: pattern.y4m", MediaTrackConstraints.builder());
        try {
            AtomicLong lastFrame = new AtomicLong();
            AtomicLong endedAt = new AtomicLong();
            ending.addVideoSink(frame -> lastFrame.set(System.nanoTime()));
            ending.addListener(new MediaStreamTrackListener() {
                @Override
                public void onEnded(MediaStreamTrack track) {
                    endedAt.set(System.nanoTime());
                }
            });
            Await.until(WAIT, "the source delivers, then ends", () -> endedAt.get() != 0);
            assertTrue(lastFrame.get() != 0, "it delivered before it ended");
            long millis = TimeUnit.NANOSECONDS.toMillis(endedAt.get() - lastFrame.get());
            System.out.printf("ended %d ms after its last frame%n", millis);
            assertTrue(millis < 2_000, "ended " + millis + " ms after its last frame");
            AtomicLong frames = new AtomicLong();
            other.addVideoSink(frame -> frames.incrementAndGet());
            Await.until(WAIT, "the other camera still delivers", () -> frames.get() >= 5);
            assertEquals(MediaStreamTrackState.LIVE, other.readyState());
        } finally {
            ending.stop();
            other.stop();
        }
    }

    private static MediaDeviceException openFailure(String label) {
        MediaDeviceInfo camera = camera(label);
        return Await.failure(devices.getUserMedia(MediaStreamConstraints.builder()
                .video(MediaTrackConstraints.builder().deviceId(ConstrainString.exact(camera.deviceId())).build())
                .build()), WAIT);
    }

    private static MediaStreamTrack video(String label, MediaTrackConstraints.Builder constraints) {
        MediaDeviceInfo camera = camera(label);
        Webcam webcam = Webcam.getWebcamByName(label);
        Await.until(WAIT, label + " released by other tests", () -> webcam == null || !webcam.isOpen());
        return Await.done(devices.getUserMedia(MediaStreamConstraints.builder()
                .video(constraints.deviceId(ConstrainString.exact(camera.deviceId())).build()).build()), WAIT)
                .getVideoTracks().get(0);
    }

    private static MediaDeviceInfo camera(String label) {
        return Await.done(devices.enumerateDevices(), WAIT).stream().filter(d -> d.label().equals(label))
                .findFirst().orElseThrow(() -> new AssertionError("no camera " + label));
    }
}
