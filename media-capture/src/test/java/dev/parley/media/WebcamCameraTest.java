package dev.parley.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.sarxos.webcam.Webcam;
import com.github.sarxos.webcam.WebcamDevice;
import com.github.sarxos.webcam.WebcamDriver;
import com.github.sarxos.webcam.ds.buildin.WebcamDefaultDriver;
import dev.parley.rtc.MediaStream;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.MediaStreamTrackListener;
import dev.parley.rtc.MediaStreamTrackState;
import dev.parley.rtc.VideoFrame;
import dev.parley.rtc.media.TestPattern;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cameras through webcam-capture on a machine without cameras: the default driver lists none (or
 * fails cleanly), and the synthetic camera works through the same webcam-capture API and through
 * getUserMedia, its frames carrying the test pattern's stamps.
 */
class WebcamCameraTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static MediaDevices devices;
    private static final FlakyCameraDriver flaky = new FlakyCameraDriver();

    @BeforeAll
    static void installDrivers() {
        List<WebcamDriver> installed = new java.util.ArrayList<>(CameraDrivers.standard(true));
        installed.add(flaky);
        CameraDrivers drivers = new CameraDrivers(installed);
        devices = new MediaDevices(List.of(new WebcamProvider(drivers, Duration.ofSeconds(4))),
                new MediaDevicesOptions(Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(5),
                        Duration.ofSeconds(1)));
    }

    @AfterAll
    static void close() {
        devices.close();
    }

    @Test
    void defaultDriverFindsNoCameraHereAndNeverHangs() throws java.io.IOException {
        long start = System.nanoTime();
        List<WebcamDevice> found = new GuardedWebcamDriver(new WebcamDefaultDriver(), "hint").getDevices();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis < 5_000, "took " + millis + " ms");
        boolean anyVideoNode;
        try (java.util.stream.Stream<java.nio.file.Path> dev = java.nio.file.Files.list(java.nio.file.Path.of("/dev"))) {
            anyVideoNode = dev.anyMatch(p -> p.getFileName().toString().startsWith("video"));
        }
        if (!anyVideoNode) {
            assertEquals(List.of(), found, "no /dev/video* on this machine, so no camera");
        }
    }

    @Test
    void aDriverThatCanNotLoadListsNothingInsteadOfThrowing() {
        WebcamDriver broken = new WebcamDriver() {
            @Override
            public List<WebcamDevice> getDevices() {
                throw new UnsatisfiedLinkError("libv4l2.so.0: cannot open shared object file");
            }

            @Override
            public boolean isThreadSafe() {
                return false;
            }
        };
        assertEquals(List.of(), new GuardedWebcamDriver(broken, "install libv4l-0").getDevices());
    }

    @Test
    void syntheticCameraWorksThroughWebcamCapturesOwnApi() throws Exception {
        Webcam webcam = Webcam.getWebcams(5, TimeUnit.SECONDS).stream()
                .filter(w -> w.getName().equals(SyntheticCameraDevice.NAME)).findFirst().orElseThrow();
        assertTrue(webcam.open());
        try {
            ByteBuffer rgb = ByteBuffer.allocate(640 * 480 * 3);
            webcam.getImageBytes(rgb);
            assertEquals(rgb.capacity(), rgb.position());
            long before = System.nanoTime();
            VideoFrame frame = new RgbToI420(640, 480, 640, 480).convert(rgb.array(), 0);
            TestPattern.Stamp stamp = new TestPattern(640, 480).read(frame).orElseThrow();
            assertTrue(stamp.captureTimeNanos() <= before, "stamped when drawn");
        } finally {
            webcam.close();
        }
    }

    @Test
    void getUserMediaDeliversStampedFramesInOrderAtTheAskedSize() {
        MediaDeviceInfo camera = Await.done(devices.enumerateDevices(), WAIT).stream()
                .filter(d -> d.label().equals(SyntheticCameraDevice.NAME)).findFirst().orElseThrow();
        assertEquals(MediaDeviceKind.VIDEO_INPUT, camera.kind());
        MediaStream stream = Await.done(devices.getUserMedia(MediaStreamConstraints.builder()
                .video(MediaTrackConstraints.builder().deviceId(ConstrainString.exact(camera.deviceId()))
                        .frameRate(ConstrainNumber.ideal(30)).build()).build()), WAIT);
        MediaStreamTrack track = stream.getVideoTracks().get(0);
        try {
            List<TestPattern.Stamp> stamps = new CopyOnWriteArrayList<>();
            TestPattern pattern = new TestPattern(640, 480);
            track.addVideoSink(frame -> pattern.read(frame).ifPresent(stamps::add));
            Await.until(WAIT, "10 stamped frames", () -> stamps.size() >= 10);
            for (int i = 1; i < 10; i++) {
                assertTrue(stamps.get(i).frameNumber() > stamps.get(i - 1).frameNumber(), "in order: " + stamps);
            }
            MediaTrackSettings settings = devices.getSettings(track).orElseThrow();
            assertEquals(640, settings.width());
            assertEquals(480, settings.height());
            assertEquals(30.0, settings.frameRate());
            assertEquals(camera.deviceId(), settings.deviceId());

            // a second getUserMedia of a camera in use: busy
            MediaDeviceException busy = Await.failure(devices.getUserMedia(MediaStreamConstraints.builder()
                    .video(MediaTrackConstraints.builder().deviceId(ConstrainString.exact(camera.deviceId())).build())
                    .build()), WAIT);
            assertEquals(MediaDeviceException.NOT_READABLE, busy.name());

            // applyConstraints: a larger size reopens the camera at 1280x720; a size it can not reach is refused
            Await.done(devices.applyConstraints(track, MediaTrackConstraints.builder()
                    .width(ConstrainNumber.exact(1280)).height(ConstrainNumber.exact(720)).build()), WAIT);
            AtomicReference<VideoFrame> last = new AtomicReference<>();
            track.addVideoSink(last::set);
            Await.until(WAIT, "1280x720 frames", () -> last.get() != null && last.get().width() == 1280);
            assertEquals(720, last.get().height());
            MediaDeviceException tooWide = Await.failure(devices.applyConstraints(track,
                    MediaTrackConstraints.builder().width(ConstrainNumber.exact(4000)).build()), WAIT);
            assertEquals(Optional.of("width"), tooWide.constraint());
            assertEquals(1280, devices.getSettings(track).orElseThrow().width(), "unchanged after the refusal");

            // disabled: black frames of the same size
            track.setEnabled(false);
            Await.until(WAIT, "a black frame", () -> {
                VideoFrame frame = last.get();
                return frame != null && (frame.dataY().get(frame.width() * 100 + 100) & 0xFF) == 16
                        && (frame.dataY().get(frame.width() * 400 + 700) & 0xFF) == 16;
            });
        } finally {
            track.stop();
        }
        Webcam webcam = Webcam.getWebcamByName(SyntheticCameraDevice.NAME);
        Await.until(WAIT, "the camera released after stop()", () -> !webcam.isOpen());
        assertEquals(MediaStreamTrackState.ENDED, track.readyState());
    }

    @Test
    void aCameraFailingMidStreamEndsItsTrackWithinTwoSecondsWhileTheOtherRuns() {
        List<MediaDeviceInfo> cameras = Await.done(devices.enumerateDevices(), WAIT);
        MediaStreamTrack flakyTrack = video(cameras, FlakyCameraDriver.NAME);
        MediaStreamTrack syntheticTrack = video(cameras, SyntheticCameraDevice.NAME);
        try {
            AtomicReference<VideoFrame> flakyFrame = new AtomicReference<>();
            flakyTrack.addVideoSink(flakyFrame::set);
            Await.until(WAIT, "the flaky camera delivers", () -> flakyFrame.get() != null);
            CountDownLatch ended = new CountDownLatch(1);
            flakyTrack.addListener(new MediaStreamTrackListener() {
                @Override
                public void onEnded(MediaStreamTrack track) {
                    ended.countDown();
                }
            });
            flaky.device.broken = true;
            Await.until(Duration.ofSeconds(2), "ended", () -> ended.getCount() == 0);
            AtomicLong frames = new AtomicLong();
            syntheticTrack.addVideoSink(frame -> frames.incrementAndGet());
            Await.until(WAIT, "the synthetic camera still delivers", () -> frames.get() >= 5);
            assertEquals(MediaStreamTrackState.LIVE, syntheticTrack.readyState());
        } finally {
            flaky.device.broken = false;
            flakyTrack.stop();
            syntheticTrack.stop();
        }
        Await.until(WAIT, "both released", () -> !Webcam.getWebcamByName(SyntheticCameraDevice.NAME).isOpen()
                && !Webcam.getWebcamByName(FlakyCameraDriver.NAME).isOpen());
    }

    private static MediaStreamTrack video(List<MediaDeviceInfo> cameras, String label) {
        MediaDeviceInfo camera = cameras.stream().filter(d -> d.label().equals(label)).findFirst().orElseThrow();
        return Await.done(devices.getUserMedia(MediaStreamConstraints.builder()
                .video(MediaTrackConstraints.builder().deviceId(ConstrainString.exact(camera.deviceId())).build())
                .build()), WAIT).getVideoTracks().get(0);
    }

    @Test
    void scaledFramesAtASizeTheCameraDoesNotHave() {
        MediaStream stream = Await.done(devices.getUserMedia(MediaStreamConstraints.builder()
                .video(MediaTrackConstraints.builder().width(ConstrainNumber.exact(400)).build()).build()), WAIT);
        MediaStreamTrack track = stream.getVideoTracks().get(0);
        try {
            AtomicReference<VideoFrame> last = new AtomicReference<>();
            track.addVideoSink(last::set);
            Await.until(WAIT, "a frame", () -> last.get() != null);
            assertEquals(400, last.get().width());
            assertEquals(225, last.get().height(), "the aspect of 640x360, the smallest covering size");
        } finally {
            track.stop();
        }
        Webcam webcam = Webcam.getWebcamByName(SyntheticCameraDevice.NAME);
        Await.until(WAIT, "released", () -> !webcam.isOpen());
    }
}
