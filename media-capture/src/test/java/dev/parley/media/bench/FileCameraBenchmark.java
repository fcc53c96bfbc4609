package dev.parley.media.bench;

import dev.parley.media.CameraDrivers;
import dev.parley.media.FileCameraDriver;
import dev.parley.media.MediaDevices;
import dev.parley.media.MediaDevicesOptions;
import dev.parley.media.MediaStreamConstraints;
import dev.parley.media.Vp8IvfPattern;
import dev.parley.media.WebcamProvider;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.bench.BenchReport;
import dev.parley.rtc.media.TestPattern;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue #7's camera benchmark, file camera: a 1280x720 30 fps VP8 file (core-rtc's test pattern,
 * 5 s, 2.5 Mbit/s, written by our own encoder into IVF) looped through webcam-capture and
 * getUserMedia at 1280x720@30. Latency is capture-to-track: from the start of the device read
 * (the file camera stamps the picture then, before demultiplexing, VP8 decoding and swscale) to a
 * sink on the track. A read that falls between two of the file's pictures repeats the last one
 * with its old stamp; repeats are counted, not measured. CPU as for the synthetic camera; the
 * targets are ours (a frame through before the next is due; a quarter of one core).
 */
public final class FileCameraBenchmark {
    private static final int FRAMES = 150;

    private FileCameraBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("parley-file-camera");
        Path file = Vp8IvfPattern.write(dir.resolve("pattern-720p.ivf"), 1280, 720, FRAMES, 30, 2_500_000);
        try {
            CameraDrivers drivers = new CameraDrivers(List.of(new FileCameraDriver(file)));
            try (MediaDevices devices = new MediaDevices(List.of(new WebcamProvider(drivers, Duration.ofSeconds(4))),
                    MediaDevicesOptions.DEFAULTS)) {
                MediaStreamTrack track = devices.getUserMedia(MediaStreamConstraints.builder()
                        .video(SyntheticCameraBenchmark.hd()).build()).get(10, TimeUnit.SECONDS).getVideoTracks().get(0);
                TestPattern pattern = new TestPattern(1280, 720);
                AtomicLong previousStamp = new AtomicLong();
                AtomicInteger repeats = new AtomicInteger();
                AtomicInteger unstamped = new AtomicInteger();
                CaptureMeasurement.Result result = CaptureMeasurement.measure(track, (frame, arrived) -> {
                    if (pattern.read(frame).isEmpty()) {
                        unstamped.incrementAndGet(); // decoded wrongly: the pattern's own stamp is unreadable
                    }
                    if (previousStamp.getAndSet(frame.captureTimeNanos()) == frame.captureTimeNanos()) {
                        repeats.incrementAndGet();
                        return OptionalDouble.empty();
                    }
                    return OptionalDouble.of((arrived - frame.captureTimeNanos()) / 1e6);
                }, Optional.empty());
                track.stop();
                String common = String.format(Locale.ROOT, "file camera (VP8 1280x720@30 in IVF, %d KB, looped) via"
                        + " webcam-capture and getUserMedia at 1280x720@30; %d repeated pictures (counted among those"
                        + " without a capture time), %d pictures whose pattern stamp did not decode; %s",
                        Files.size(file) / 1024, repeats.get(), unstamped.get(), result.window());
                new BenchReport("camera-file-720p30-latency", "ms", "lower", result.median(), null, 33.3,
                        result.sorted().length, "capture-to-track, from the start of the read (demultiplexing, VP8"
                        + " decoding, swscale to I420 and the push); " + result.spread() + "; " + common).publish();
                new BenchReport("camera-file-720p30-cpu", "% of one core", "lower", result.cpuPercent(), null, 25.0, 1,
                        "process CPU over wall time, decoding included; " + common).publish();
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
