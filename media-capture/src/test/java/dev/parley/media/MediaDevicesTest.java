package dev.parley.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.MediaStream;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.MediaStreamTrackListener;
import dev.parley.rtc.MediaStreamTrackState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link MediaDevices} over the synthetic microphones and small test providers: choice, errors, watch. */
class MediaDevicesTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final MediaDevicesOptions FAST = new MediaDevicesOptions(Duration.ofMillis(500),
            Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofMillis(500));

    private final SyntheticAudioProvider synthetic = new SyntheticAudioProvider(440, List.of());
    private MediaDevices devices;

    @AfterEach
    void close() {
        if (devices != null) {
            devices.close();
        }
    }

    @Test
    void syntheticMicrophoneIsListedWithAStableIdAndDeliversTheTone() {
        devices = new MediaDevices(List.of(synthetic), FAST);
        List<MediaDeviceInfo> listed = Await.done(devices.enumerateDevices(), WAIT);
        assertEquals(1, listed.size());
        MediaDeviceInfo mic = listed.get(0);
        assertEquals(MediaDeviceKind.AUDIO_INPUT, mic.kind());
        assertTrue(mic.label().contains("synthetic"), mic.label());
        assertEquals(mic.deviceId(), new SyntheticAudioProvider(440, List.of()).devices().get(0).deviceId(),
                "the same device has the same id in a new provider (a restart)");

        MediaStream stream = Await.done(devices.getUserMedia(MediaStreamConstraints.builder().audio().build()), WAIT);
        MediaStreamTrack track = stream.getAudioTracks().get(0);
        AtomicReference<AudioFrame> received = new AtomicReference<>();
        track.addAudioSink(received::set);
        Await.until(WAIT, "a frame", () -> received.get() != null);
        assertEquals(48_000, received.get().sampleRate());
        assertEquals(480, received.get().samplesPerChannel());
        MediaTrackSettings settings = devices.getSettings(track).orElseThrow();
        assertEquals(mic.deviceId(), settings.deviceId());
        assertEquals(48_000, settings.sampleRate());
        assertEquals(1, settings.channelCount());
        assertEquals(Boolean.FALSE, settings.echoCancellation(), "a synthetic tone is not processed unless asked");
    }

    @Test
    void audioAndVideoTogetherMakeOneStreamAndAFailingHalfReleasesTheOther() {
        TestProvider cameras = new TestProvider(List.of(camera("cam")));
        devices = new MediaDevices(List.of(cameras, synthetic), FAST);
        MediaStream both = Await.done(devices.getUserMedia(MediaStreamConstraints.builder().audio().video().build()), WAIT);
        assertEquals(1, both.getAudioTracks().size());
        assertEquals(1, both.getVideoTracks().size());
        both.getTracks().forEach(MediaStreamTrack::stop);

        MediaDeviceException failed = Await.failure(devices.getUserMedia(MediaStreamConstraints.builder()
                .audio(MediaTrackConstraints.builder().sampleRate(ConstrainNumber.exact(8000)).build()).video().build()),
                WAIT);
        assertEquals(Optional.of("sampleRate"), failed.constraint());
        Await.until(WAIT, "the camera opened for the failed request released",
                () -> cameras.opened.size() == 2 && cameras.opened.get(1).closed.getCount() == 0);
    }

    @Test
    void processingFlagsAskedForAreReported() {
        devices = new MediaDevices(List.of(synthetic), FAST);
        MediaTrackConstraints noProcessing = MediaTrackConstraints.builder().echoCancellation(false)
                .noiseSuppression(false).autoGainControl(true).channelCount(ConstrainNumber.exact(2)).build();
        MediaStream stream = Await.done(devices.getUserMedia(MediaStreamConstraints.builder().audio(noProcessing).build()), WAIT);
        MediaTrackSettings settings = devices.getSettings(stream.getTracks().get(0)).orElseThrow();
        assertEquals(Boolean.FALSE, settings.echoCancellation());
        assertEquals(Boolean.FALSE, settings.noiseSuppression());
        assertEquals(Boolean.TRUE, settings.autoGainControl());
        assertEquals(2, settings.channelCount());
    }

    @Test
    void errorsCarryTheWebsNames() {
        devices = new MediaDevices(List.of(synthetic), FAST);
        assertEquals(MediaDeviceException.TYPE,
                Await.failure(devices.getUserMedia(MediaStreamConstraints.builder().build()), WAIT).name());
        assertEquals(MediaDeviceException.NOT_FOUND,
                Await.failure(devices.getUserMedia(MediaStreamConstraints.builder().video().build()), WAIT).name());
        MediaDeviceException wrongId = Await.failure(devices.getUserMedia(MediaStreamConstraints.builder()
                .audio(MediaTrackConstraints.builder().deviceId(ConstrainString.exact("nope")).build()).build()), WAIT);
        assertEquals(MediaDeviceException.OVERCONSTRAINED, wrongId.name());
        assertEquals(Optional.of("deviceId"), wrongId.constraint());
        MediaDeviceException rate = Await.failure(devices.getUserMedia(MediaStreamConstraints.builder()
                .audio(MediaTrackConstraints.builder().sampleRate(ConstrainNumber.exact(8000)).build()).build()), WAIT);
        assertEquals(Optional.of("sampleRate"), rate.constraint());
        // an ideal id that is absent falls back to the default device
        Await.done(devices.getUserMedia(MediaStreamConstraints.builder()
                .audio(MediaTrackConstraints.builder().deviceId(ConstrainString.ideal("nope")).build()).build()), WAIT);
    }

    @Test
    void aHungOrBrokenDriverNeitherHangsNorHidesTheOthers() {
        DeviceProvider hung = new TestProvider(List.of()) {
            @Override
            public List<MediaDeviceInfo> devices() {
                sleepForever();
                return List.of();
            }
        };
        DeviceProvider broken = new TestProvider(List.of()) {
            @Override
            public List<MediaDeviceInfo> devices() {
                throw new UnsatisfiedLinkError("libv4l2.so.0: cannot open shared object file");
            }
        };
        devices = new MediaDevices(List.of(hung, broken, synthetic), FAST);
        long start = System.nanoTime();
        List<MediaDeviceInfo> listed = Await.done(devices.enumerateDevices(), WAIT);
        assertEquals(1, listed.size());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos(), "bounded by the call timeout");
    }

    @Test
    void aDeviceThatDoesNotOpenInTimeIsAnAbortError() {
        MediaDeviceInfo camera = camera("stuck camera");
        DeviceProvider stuck = new TestProvider(List.of(camera)) {
            @Override
            public DeviceCapture open(MediaDeviceInfo device, MediaTrackConstraints constraints) {
                sleepForever();
                return null;
            }
        };
        devices = new MediaDevices(List.of(stuck, synthetic), FAST);
        MediaDeviceException aborted = Await.failure(devices.getUserMedia(
                MediaStreamConstraints.builder().audio().video().build()), WAIT);
        assertEquals(MediaDeviceException.ABORT, aborted.name());
    }

    @Test
    void aDeviceThatOpensAfterTheTimeoutIsReleasedNotLeaked() {
        TestProvider slow = new TestProvider(List.of(camera("slow camera"))) {
            @Override
            public DeviceCapture open(MediaDeviceInfo device, MediaTrackConstraints constraints) {
                try {
                    Thread.sleep(FAST.callTimeout().toMillis() * 2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.open(device, constraints);
            }
        };
        devices = new MediaDevices(List.of(slow), FAST);
        MediaDeviceException aborted = Await.failure(devices.getUserMedia(MediaStreamConstraints.builder().video().build()),
                WAIT);
        assertEquals(MediaDeviceException.ABORT, aborted.name());
        Await.until(WAIT, "the late camera opened", () -> !slow.opened.isEmpty());
        Await.until(WAIT, "and released", () -> slow.opened.get(0).closed.getCount() == 0);
    }

    @Test
    void stoppingEveryTrackReleasesTheDevice() {
        TestProvider provider = new TestProvider(List.of(camera("cam")));
        devices = new MediaDevices(List.of(provider), FAST);
        MediaStream stream = Await.done(devices.getUserMedia(MediaStreamConstraints.builder().video().build()), WAIT);
        MediaStreamTrack track = stream.getVideoTracks().get(0);
        MediaStreamTrack clone = track.clone();
        track.stop();
        TestCapture capture = provider.opened.get(0);
        assertEquals(1, capture.liveTrackCount(), "the clone still feeds from the device");
        clone.stop();
        Await.until(WAIT, "device released", () -> capture.closed.getCount() == 0);
    }

    @Test
    void hotPlugFiresDeviceChangeAndUnplugEndsTheTrack() throws Exception {
        MediaDeviceInfo cam = camera("usb cam");
        TestProvider provider = new TestProvider(List.of(cam));
        devices = new MediaDevices(List.of(provider), FAST);
        CopyOnWriteArrayList<List<MediaDeviceInfo>> changes = new CopyOnWriteArrayList<>();
        devices.addListener(new MediaDevicesListener() {
            @Override
            public void onDeviceChange(List<MediaDeviceInfo> now) {
                changes.add(now);
            }
        });
        MediaStream stream = Await.done(devices.getUserMedia(MediaStreamConstraints.builder().video().build()), WAIT);
        MediaStreamTrack track = stream.getVideoTracks().get(0);
        CountDownLatch ended = new CountDownLatch(1);
        track.addListener(new MediaStreamTrackListener() {
            @Override
            public void onEnded(MediaStreamTrack t) {
                ended.countDown();
            }
        });
        Await.until(WAIT, "the watch's first listing, the baseline", () -> devices.deviceListings() >= 1);
        MediaDeviceInfo second = camera("second cam");
        provider.present = List.of(cam, second);
        Await.until(WAIT, "devicechange on plug", () -> changes.stream().anyMatch(l -> l.contains(second)));
        provider.present = List.of(second);
        Await.until(WAIT, "devicechange on unplug", () -> changes.stream().anyMatch(l -> !l.contains(cam)));
        Await.until(Duration.ofSeconds(2), "ended", () -> ended.getCount() == 0);
        assertEquals(MediaStreamTrackState.ENDED, track.readyState());
    }

    @Test
    void aDeviceThatStopsDeliveringEndsItsTrackWithinTwoSeconds() {
        TestProvider provider = new TestProvider(List.of(camera("cam")));
        devices = new MediaDevices(List.of(provider), FAST);
        MediaStreamTrack track = Await.done(devices.getUserMedia(MediaStreamConstraints.builder().video().build()), WAIT)
                .getVideoTracks().get(0);
        TestCapture capture = provider.opened.get(0);
        capture.lastFrame = System.nanoTime(); // delivered a frame, then nothing more
        long stalled = System.nanoTime();
        Await.until(Duration.ofSeconds(2), "ended after the stall", () -> track.readyState() == MediaStreamTrackState.ENDED);
        assertTrue(System.nanoTime() - stalled >= FAST.stallTimeout().toNanos() / 2);
        assertNotEquals(0, capture.failures.get());
    }

    private static MediaDeviceInfo camera(String name) {
        return new MediaDeviceInfo(MediaDeviceInfo.stableId("videoinput", "test", name), MediaDeviceKind.VIDEO_INPUT,
                name, MediaDeviceInfo.stableId("test", name));
    }

    private static void sleepForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A provider whose device list a test changes, opening {@link TestCapture}s. */
    static class TestProvider implements DeviceProvider {
        volatile List<MediaDeviceInfo> present;
        final List<TestCapture> opened = new CopyOnWriteArrayList<>();

        TestProvider(List<MediaDeviceInfo> present) {
            this.present = present;
        }

        @Override
        public List<MediaDeviceInfo> devices() {
            return present;
        }

        @Override
        public DeviceCapture open(MediaDeviceInfo device, MediaTrackConstraints constraints) {
            TestCapture capture = new TestCapture(device);
            opened.add(capture);
            return capture;
        }
    }

    /** A capture whose frames the test pretends: it only records what MediaDevices does to it. */
    static final class TestCapture implements DeviceCapture {
        private final MediaDeviceInfo device;
        private final dev.parley.rtc.VideoTrackSource source = new dev.parley.rtc.VideoTrackSource();
        private final MediaStreamTrack track;
        private final long started = System.nanoTime();
        volatile long lastFrame = System.nanoTime();
        final CountDownLatch closed = new CountDownLatch(1);
        final AtomicInteger failures = new AtomicInteger();

        TestCapture(MediaDeviceInfo device) {
            this.device = device;
            this.track = source.createTrack(device.label());
        }

        @Override
        public MediaDeviceInfo device() {
            return device;
        }

        @Override
        public MediaStreamTrack track() {
            return track;
        }

        @Override
        public MediaTrackSettings settings() {
            return MediaTrackSettings.video(device, 640, 480, 30);
        }

        @Override
        public void applyConstraints(MediaTrackConstraints constraints) {}

        @Override
        public int liveTrackCount() {
            return source.liveTrackCount();
        }

        @Override
        public long lastFrameNanos() {
            return lastFrame;
        }

        @Override
        public long startedNanos() {
            return started;
        }

        @Override
        public void fail(String reason) {
            failures.incrementAndGet();
            source.close();
        }

        @Override
        public void close() {
            closed.countDown();
            source.close();
        }
    }
}
