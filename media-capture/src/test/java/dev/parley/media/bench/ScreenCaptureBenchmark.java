package dev.parley.media.bench;

import dev.parley.media.ConstrainNumber;
import dev.parley.media.DisplayMediaStreamOptions;
import dev.parley.media.MediaDevices;
import dev.parley.media.MediaDevicesOptions;
import dev.parley.media.MediaTrackConstraints;
import dev.parley.media.SyntheticAudioProvider;
import dev.parley.media.Xvfb;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.bench.BenchReport;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

/**
 * Issue #7's screen benchmark: getDisplayMedia of a whole 1280x720 Xvfb screen at 30 fps
 * (x11grab over MIT-SHM). Latency is capture-to-track: from just before the grab (the capture
 * thread stamps the picture, then x11grab copies the screen and swscale converts BGR0 to I420) to
 * a sink on the track. CPU is the process's and the X server's (a child of it, and its copy is
 * part of each grab), with the server's share in the notes. The screen is still (a painted
 * desktop and a window); grabbing copies every pixel whatever it shows. Targets are ours, as for
 * the cameras.
 */
public final class ScreenCaptureBenchmark {
    private ScreenCaptureBenchmark() {}

    public static void main(String[] args) throws Exception {
        Xvfb servers = new Xvfb();
        try {
            Xvfb.Display display = servers.startAnother();
            display.paintRoot("#3060a0");
            display.openWindow("parley-bench", "#e0e0e0", 200, 120, 640, 360);
            try (MediaDevices devices = new MediaDevices(List.of(new SyntheticAudioProvider(440, List.of())),
                    MediaDevicesOptions.DEFAULTS)) {
                MediaStreamTrack track = devices.getDisplayMedia(DisplayMediaStreamOptions.monitor(display.name())
                        .withVideo(MediaTrackConstraints.builder().width(ConstrainNumber.ideal(1280))
                                .height(ConstrainNumber.ideal(720)).frameRate(ConstrainNumber.ideal(30)).build()))
                        .get(10, TimeUnit.SECONDS).getVideoTracks().get(0);
                CaptureMeasurement.Result result = CaptureMeasurement.measure(track,
                        (frame, arrived) -> OptionalDouble.of((arrived - frame.captureTimeNanos()) / 1e6),
                        Optional.of(display.server()));
                track.stop();
                String common = String.format(Locale.ROOT, "whole Xvfb screen 1280x720 via getDisplayMedia at 30 fps"
                        + " (x11grab, MIT-SHM); %s", result.window());
                new BenchReport("screen-720p30-latency", "ms", "lower", result.median(), null, 33.3,
                        result.sorted().length, "capture-to-track, from just before the grab (the X server's copy,"
                        + " swscale BGR0 to I420 and the push); " + result.spread() + "; " + common).publish();
                new BenchReport("screen-720p30-cpu", "% of one core", "lower", result.cpuPercent(), null, 25.0, 1,
                        String.format(Locale.ROOT, "CPU of the process and the X server over wall time; the server's"
                                + " share %.1f%%; ", result.partPercent().orElseThrow()) + common).publish();
            }
        } finally {
            servers.stopAll();
        }
    }
}
