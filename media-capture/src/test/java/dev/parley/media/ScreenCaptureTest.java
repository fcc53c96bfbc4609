package dev.parley.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.MediaStreamTrackListener;
import dev.parley.rtc.MediaStreamTrackState;
import dev.parley.rtc.VideoFrame;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * getDisplayMedia on a real X server (Xvfb): a red desktop with a green and a blue window at
 * known places; their colours must come out where they are, in the whole screen (at its own size
 * and scaled) and in one window's capture. A window that closes and a display that dies end
 * their tracks within 2 s, and the capture of another display keeps running.
 */
class ScreenCaptureTest {
    @RegisterExtension
    static final Xvfb XVFB = new Xvfb();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int[] RED = {255, 0, 0};
    private static final int[] GREEN = {0, 255, 0};
    private static final int[] BLUE = {0, 0, 255};
    /** The green window: 320x180 at 100,60. */
    private static final int GX = 100;
    private static final int GY = 60;
    private static final int GW = 320;
    private static final int GH = 180;
    /** The blue window: 160x120 at 800,400. */
    private static final int BX = 800;
    private static final int BY = 400;
    private static MediaDevices devices;
    private static Xvfb.Display display;
    private static String greenWindow;

    @BeforeAll
    static void paintTheScreen() throws Exception {
        display = XVFB.display();
        display.paintRoot("#ff0000");
        greenWindow = display.openWindow("parley-green", "#00ff00", GX, GY, GW, GH);
        display.openWindow("parley-blue", "#0000ff", BX, BY, 160, 120);
        devices = new MediaDevices(List.of(new SyntheticAudioProvider(440, List.of())), MediaDevicesOptions.DEFAULTS);
    }

    @AfterAll
    static void close() {
        if (devices != null) {
            devices.close();
        }
    }

    @Test
    void theWholeScreenShowsEachWindowWhereItIs() {
        MediaStreamTrack track = capture(DisplayMediaStreamOptions.monitor(display.name()));
        try {
            VideoFrame frame = frameWhere(track, f -> f.width() == Xvfb.WIDTH
                    && near(rgbAt(f, GX + GW / 2, GY + GH / 2), GREEN));
            assertEquals(Xvfb.HEIGHT, frame.height());
            assertColour(frame, GX + 8, GY + 8, GREEN, "the green window's top left");
            assertColour(frame, GX + GW - 8, GY + GH - 8, GREEN, "the green window's bottom right");
            assertColour(frame, GX - 8, GY + GH / 2, RED, "the desktop left of it");
            assertColour(frame, GX + GW + 8, GY + GH / 2, RED, "the desktop right of it");
            assertColour(frame, BX + 80, BY + 60, BLUE, "the blue window");
            assertColour(frame, 1200, 680, RED, "the desktop at the bottom right");
            MediaTrackSettings settings = devices.getSettings(track).orElseThrow();
            assertEquals(DisplaySurface.MONITOR, settings.displaySurface());
            assertEquals(Xvfb.WIDTH, settings.width());
            assertEquals(Xvfb.HEIGHT, settings.height());
            assertEquals(30.0, settings.frameRate());
        } finally {
            track.stop();
        }
    }

    @Test
    void aScaledScreenKeepsTheWindowInPlace() {
        MediaStreamTrack track = capture(DisplayMediaStreamOptions.monitor(display.name())
                .withVideo(MediaTrackConstraints.builder().width(ConstrainNumber.ideal(640)).build()));
        try {
            VideoFrame frame = frameWhere(track, f -> near(rgbAt(f, (GX + GW / 2) / 2, (GY + GH / 2) / 2), GREEN));
            assertEquals(640, frame.width());
            assertEquals(360, frame.height(), "the height follows the screen's shape");
            assertColour(frame, GX / 2 + 6, GY / 2 + 6, GREEN, "the green window's top left, halved");
            assertColour(frame, GX / 2 - 6, GY / 2 + 20, RED, "the desktop left of it");
            assertColour(frame, (BX + 80) / 2, (BY + 60) / 2, BLUE, "the blue window, halved");
        } finally {
            track.stop();
        }
    }

    @Test
    void oneWindowShowsThatWindowOnly() {
        MediaStreamTrack track = capture(DisplayMediaStreamOptions.window(display.name(), greenWindow));
        try {
            VideoFrame frame = frameWhere(track, f -> near(rgbAt(f, GW / 2, GH / 2), GREEN));
            assertEquals(GW, frame.width());
            assertEquals(GH, frame.height());
            for (int y = 4; y < GH; y += 16) {
                for (int x = 4; x < GW; x += 16) {
                    assertColour(frame, x, y, GREEN, "inside the window");
                }
            }
            MediaTrackSettings settings = devices.getSettings(track).orElseThrow();
            assertEquals(DisplaySurface.WINDOW, settings.displaySurface());
            assertEquals(GW, settings.width());
            assertEquals(GH, settings.height());
        } finally {
            track.stop();
        }
    }

    @Test
    void applyConstraintsChangesSizeAndRateInPlaceButNotBeyondTheScreen() {
        MediaStreamTrack track = capture(DisplayMediaStreamOptions.monitor(display.name())
                .withVideo(MediaTrackConstraints.builder().frameRate(ConstrainNumber.ideal(10)).build()));
        try {
            List<Long> arrivals = new CopyOnWriteArrayList<>();
            track.addVideoSink(f -> arrivals.add(System.nanoTime()));
            Await.until(WAIT, "21 frames", () -> arrivals.size() >= 21);
            double fps = 20 / ((arrivals.get(20) - arrivals.get(0)) / 1e9);
            assertTrue(fps > 7 && fps < 12, "about 10 fps: " + fps);

            Await.done(devices.applyConstraints(track, MediaTrackConstraints.builder()
                    .width(ConstrainNumber.exact(640)).build()), WAIT);
            VideoFrame small = frameWhere(track, f -> f.width() == 640);
            assertEquals(360, small.height());
            assertEquals(640, devices.getSettings(track).orElseThrow().width());

            MediaDeviceException tooWide = Await.failure(devices.applyConstraints(track, MediaTrackConstraints.builder()
                    .width(ConstrainNumber.exact(2000)).build()), WAIT);
            assertEquals(MediaDeviceException.OVERCONSTRAINED, tooWide.name());
            assertEquals("width", tooWide.constraint().orElseThrow());
            assertEquals(640, devices.getSettings(track).orElseThrow().width(), "unchanged");
        } finally {
            track.stop();
        }
    }

    /** One frame a second is slower than a 0.5 s stall timeout: the watch must not take it for a dead display. */
    @Test
    void aScreenSharedAtOneFrameASecondIsNoStall() {
        try (MediaDevices impatient = new MediaDevices(List.of(new SyntheticAudioProvider(440, List.of())),
                new MediaDevicesOptions(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(5),
                        Duration.ofMillis(500)))) {
            MediaStreamTrack track = Await.done(impatient.getDisplayMedia(DisplayMediaStreamOptions.monitor(display.name())
                    .withVideo(MediaTrackConstraints.builder().frameRate(ConstrainNumber.ideal(1)).build())), WAIT)
                    .getVideoTracks().get(0);
            AtomicInteger frames = new AtomicInteger();
            track.addVideoSink(f -> frames.incrementAndGet());
            Await.until(WAIT, () -> "3 frames at 1 fps, track " + track.readyState(), () -> frames.get() >= 3
                    || track.readyState() == MediaStreamTrackState.ENDED);
            assertEquals(MediaStreamTrackState.LIVE, track.readyState());
        }
    }

    @Test
    void aClosedWindowEndsItsTrackWithinTwoSeconds() throws Exception {
        String id = display.openWindow("parley-closing", "#ffff00", 600, 100, 100, 100);
        MediaStreamTrack track = capture(DisplayMediaStreamOptions.window(display.name(), id));
        AtomicLong endedAt = endTime(track);
        frameWhere(track, f -> near(rgbAt(f, 50, 50), new int[] {255, 255, 0}));
        long closed = System.nanoTime();
        display.closeWindow("parley-closing");
        Await.until(WAIT, "the track ended", () -> endedAt.get() != 0);
        long millis = TimeUnit.NANOSECONDS.toMillis(endedAt.get() - closed);
        System.out.printf("window capture ended %d ms after its window closed%n", millis);
        assertTrue(millis < 2_000, "ended " + millis + " ms after the window closed");
    }

    @Test
    void aDisplayKilledMidCaptureEndsItsTrackWithinTwoSecondsWhileAnotherRuns() throws Exception {
        Xvfb.Display doomed = XVFB.startAnother();
        doomed.paintRoot("#0000ff");
        MediaStreamTrack dying = capture(DisplayMediaStreamOptions.monitor(doomed.name()));
        MediaStreamTrack other = capture(DisplayMediaStreamOptions.monitor(display.name()));
        try {
            AtomicLong endedAt = endTime(dying);
            frameWhere(dying, f -> near(rgbAt(f, 640, 360), BLUE));
            long killed = System.nanoTime();
            doomed.kill();
            Await.until(WAIT, "the track ended", () -> endedAt.get() != 0);
            long millis = TimeUnit.NANOSECONDS.toMillis(endedAt.get() - killed);
            System.out.printf("screen capture ended %d ms after its X server was killed%n", millis);
            assertTrue(millis < 2_000, "ended " + millis + " ms after the display died");

            AtomicInteger frames = new AtomicInteger();
            other.addVideoSink(f -> frames.incrementAndGet());
            Await.until(WAIT, "the other display's capture still delivers", () -> frames.get() >= 5);
            assertEquals(MediaStreamTrackState.LIVE, other.readyState());

            MediaDeviceException gone = Await.failure(devices.getDisplayMedia(
                    DisplayMediaStreamOptions.monitor(doomed.name())), WAIT);
            assertEquals(MediaDeviceException.NOT_FOUND, gone.name(), gone.toString());
        } finally {
            dying.stop();
            other.stop();
        }
    }

    @Test
    void aWindowThatIsNotThereIsNotFound() {
        MediaDeviceException failure = Await.failure(devices.getDisplayMedia(
                DisplayMediaStreamOptions.window(display.name(), "0x3ffffff0")), WAIT);
        assertEquals(MediaDeviceException.NOT_FOUND, failure.name(), failure.toString());
    }

    @Test
    void noDisplayAtAllIsNotFound() {
        MediaDeviceException failure = assertThrows(MediaDeviceException.class,
                () -> ScreenSource.x11(DisplayMediaStreamOptions.monitor(), null));
        assertEquals(MediaDeviceException.NOT_FOUND, failure.name());
    }

    @Test
    void exactConstraintsAndAWindowWithoutAnIdAreTypeErrorsAnImpossibleMaxIsOverconstrained() {
        MediaDeviceException exact = Await.failure(devices.getDisplayMedia(DisplayMediaStreamOptions
                .monitor(display.name()).withVideo(MediaTrackConstraints.builder()
                        .width(ConstrainNumber.exact(640)).build())), WAIT);
        assertEquals(MediaDeviceException.TYPE, exact.name(), exact.toString());
        MediaDeviceException noId = Await.failure(devices.getDisplayMedia(
                DisplayMediaStreamOptions.window(display.name(), null)), WAIT);
        assertEquals(MediaDeviceException.TYPE, noId.name(), noId.toString());
        MediaDeviceException tooSlow = Await.failure(devices.getDisplayMedia(DisplayMediaStreamOptions
                .monitor(display.name()).withVideo(MediaTrackConstraints.builder()
                        .frameRate(new ConstrainNumber(null, null, null, 0.5)).build())), WAIT);
        assertEquals(MediaDeviceException.OVERCONSTRAINED, tooSlow.name(), tooSlow.toString());
        assertEquals("frameRate", tooSlow.constraint().orElseThrow());
    }

    private static MediaStreamTrack capture(DisplayMediaStreamOptions options) {
        return Await.done(devices.getDisplayMedia(options), WAIT).getVideoTracks().get(0);
    }

    private static AtomicLong endTime(MediaStreamTrack track) {
        AtomicLong endedAt = new AtomicLong();
        track.addListener(new MediaStreamTrackListener() {
            @Override
            public void onEnded(MediaStreamTrack ended) {
                endedAt.set(System.nanoTime());
            }
        });
        return endedAt;
    }

    /** The first frame (within the wait) that {@code test} accepts. */
    private static VideoFrame frameWhere(MediaStreamTrack track, java.util.function.Predicate<VideoFrame> test) {
        AtomicReference<VideoFrame> found = new AtomicReference<>();
        AtomicReference<VideoFrame> last = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        try (AutoCloseable sink = track.addVideoSink(frame -> {
            last.set(frame);
            try {
                if (found.get() == null && test.test(frame)) {
                    found.set(frame);
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        })) {
            Await.until(WAIT, () -> "a matching frame; last " + describe(last.get()), () -> found.get() != null
                    || failure.get() != null);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return found.get();
    }

    private static String describe(VideoFrame frame) {
        if (frame == null) {
            return "none";
        }
        int[] centre = rgbAt(frame, frame.width() / 2, frame.height() / 2);
        return frame.width() + "x" + frame.height() + ", centre rgb " + centre[0] + "," + centre[1] + "," + centre[2];
    }

    private static void assertColour(VideoFrame frame, int x, int y, int[] expected, String where) {
        int[] rgb = rgbAt(frame, x, y);
        assertTrue(near(rgb, expected), where + " at " + x + "," + y + ": rgb " + rgb[0] + "," + rgb[1] + "," + rgb[2]
                + ", expected " + expected[0] + "," + expected[1] + "," + expected[2]);
    }

    /** Within 40 of each channel: I420's video range and 4:2:0 chroma blur the exact values. */
    private static boolean near(int[] rgb, int[] expected) {
        for (int i = 0; i < 3; i++) {
            if (Math.abs(rgb[i] - expected[i]) > 40) {
                return false;
            }
        }
        return true;
    }

    private static int[] rgbAt(VideoFrame frame, int x, int y) {
        byte[] rgb = new byte[frame.width() * frame.height() * 3];
        I420ToRgb.convert(frame, rgb);
        int at = (y * frame.width() + x) * 3;
        return new int[] {rgb[at] & 0xFF, rgb[at + 1] & 0xFF, rgb[at + 2] & 0xFF};
    }
}
