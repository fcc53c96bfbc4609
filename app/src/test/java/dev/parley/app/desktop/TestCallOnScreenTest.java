package dev.parley.app.desktop;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.app.testing.LaunchedApp;
import dev.parley.app.testing.Pictures;
import dev.parley.app.testing.XDisplay;
import dev.parley.media.DisplayMediaStreamOptions;
import dev.parley.media.I420ToRgb;
import dev.parley.media.MediaDevices;
import dev.parley.media.MediaDevicesOptions;
import dev.parley.media.SyntheticAudioProvider;
import dev.parley.rtc.MediaStream;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.VideoFrame;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's promise, end to end: the app, launched as a user launches it (a fresh JVM, on an X
 * display, no server configured), runs a test call that shows the local and the remote video. The
 * app's marks say both reached the call screen; a screenshot, taken through our own screen capture
 * (getDisplayMedia over x11grab) and kept in {@code target/screenshots/}, shows the pictures painted.
 */
class TestCallOnScreenTest {
    private static final Duration MARK_TIMEOUT = Duration.ofSeconds(60);
    /** Colourful pixels: the test pattern's gradients; the app's own chrome is grey, white and black. */
    private static final double MIN_COLOURFUL_SHARE = 0.10;

    @TempDir
    Path settings;

    @Test
    void theTestCallShowsLocalAndRemoteVideo() throws Exception {
        Optional<XDisplay> display = XDisplay.obtain();
        assumeTrue(display.isPresent(), "needs an X display or Xvfb (apt-get install xvfb)");
        try (XDisplay x = display.get();
             LaunchedApp app = LaunchedApp.startParleyAlone(x.name(), settings, "--name", "Ada", "--test-call",
                     "--camera-size", "640x360")) {
            assertTrue(app.awaitMark("window", MARK_TIMEOUT).isPresent(), () -> whyNot(app, "window"));
            assertTrue(app.awaitMark("preview", MARK_TIMEOUT).isPresent(), () -> whyNot(app, "preview"));
            assertTrue(app.awaitMark("remote", MARK_TIMEOUT).isPresent(), () -> whyNot(app, "remote"));

            BufferedImage screen = colourfulScreenshot(x.name(), Duration.ofSeconds(20));
            Path shot = Path.of("target", "screenshots", "test-call.png");
            Files.createDirectories(shot.getParent());
            ImageIO.write(screen, "png", shot.toFile());
            double share = Pictures.colourfulShare(screen);
            assertTrue(share >= MIN_COLOURFUL_SHARE, "the call's video is painted: " + Math.round(share * 100)
                    + "% colourful pixels, see " + shot.toAbsolutePath());
        }
    }

    private static String whyNot(LaunchedApp app, String mark) {
        try {
            return app.whyNot(mark, MARK_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * Screen frames until one shows the video painted (a window maps and paints a moment after
     * its first frame arrives), or the last one when {@code within} has passed.
     */
    private static BufferedImage colourfulScreenshot(String display, Duration within) throws Exception {
        try (MediaDevices devices = new MediaDevices(List.of(new SyntheticAudioProvider(440, List.of())),
                MediaDevicesOptions.DEFAULTS)) {
            MediaStream stream = devices.getDisplayMedia(DisplayMediaStreamOptions.monitor(display)).get(20, TimeUnit.SECONDS);
            MediaStreamTrack screen = stream.getVideoTracks().get(0);
            CompletableFuture<BufferedImage> painted = new CompletableFuture<>();
            BufferedImage[] last = new BufferedImage[1];
            AutoCloseable sink = screen.addVideoSink(frame -> {
                BufferedImage image = image(frame);
                last[0] = image;
                if (Pictures.colourfulShare(image) >= MIN_COLOURFUL_SHARE) {
                    painted.complete(image);
                }
            });
            try {
                return painted.get(within.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                return last[0];
            } finally {
                sink.close();
                screen.stop();
            }
        }
    }

    private static BufferedImage image(VideoFrame frame) {
        byte[] rgb = new byte[I420ToRgb.rgbBytes(frame)];
        I420ToRgb.convert(frame, rgb);
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0, i = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++, i += 3) {
                image.setRGB(x, y, (rgb[i] & 0xff) << 16 | (rgb[i + 1] & 0xff) << 8 | (rgb[i + 2] & 0xff));
            }
        }
        return image;
    }
}
