package dev.parley.ui.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.VideoFrame;
import dev.parley.rtc.VideoTrackSource;
import dev.parley.ui.FxThread;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** VideoView on a real (headless Monocle) stage, its pixels read back from snapshots. */
@ExtendWith(ApplicationExtension.class)
class VideoViewTest {
    private static final int SCENE_WIDTH = 200;
    private static final int SCENE_HEIGHT = 200;

    private final ExecutorService converter = Executors.newSingleThreadExecutor();
    private VideoView view;

    @Start
    void start(Stage stage) {
        view = new VideoView(FxThread.platform(), converter);
        // TestFX reuses one stage for all tests: each test sets its own scene, of a known size.
        stage.setScene(new Scene(view, SCENE_WIDTH, SCENE_HEIGHT));
        stage.show();
    }

    @AfterEach
    void stopConverter() throws InterruptedException {
        converter.shutdownNow();
        assertTrue(converter.awaitTermination(5, TimeUnit.SECONDS));
    }

    @Test
    void showsEachSideOfTheFrameOnItsSide() throws Exception {
        // 2:1 in a square: fills the width, 100 high, centred (rows 50..150)
        show(TestFrames.leftRight(64, 32, Color.RED, Color.BLUE));

        PixelReader pixels = snapshot();
        assertColour(Color.RED, pixels, 50, 100);
        assertColour(Color.BLUE, pixels, 150, 100);
    }

    @Test
    void mirroringSwapsLeftAndRight() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.setMirrored(true)).get();
        show(TestFrames.leftRight(64, 32, Color.RED, Color.BLUE));

        PixelReader pixels = snapshot();
        assertColour(Color.BLUE, pixels, 50, 100);
        assertColour(Color.RED, pixels, 150, 100);
    }

    @Test
    void aWiderFrameLeavesBlackBarsAboveAndBelow() throws Exception {
        // 4:1 in a square: 200 x 50, rows 75..125
        show(TestFrames.leftRight(64, 16, Color.RED, Color.BLUE));

        PixelReader pixels = snapshot();
        assertColour(Color.BLACK, pixels, 100, 30);
        assertColour(Color.BLACK, pixels, 100, 170);
        assertColour(Color.RED, pixels, 50, 100);
        assertColour(Color.BLUE, pixels, 150, 100);
    }

    @Test
    void aTallerFrameLeavesBlackBarsLeftAndRight() throws Exception {
        // 1:2 in a square: 100 x 200, columns 50..150
        show(TestFrames.frame(32, 64, 0, 0, (x, y) -> Color.LIME));

        PixelReader pixels = snapshot();
        assertColour(Color.BLACK, pixels, 20, 100);
        assertColour(Color.BLACK, pixels, 180, 100);
        assertColour(Color.LIME, pixels, 100, 100);
    }

    @Test
    void aFrameToBeTurnedClockwiseIsShownUpright() throws Exception {
        // top red, bottom blue, to be turned 90° clockwise: red on the right, blue on the left,
        // 100 x 200 upright (columns 50..150)
        show(TestFrames.frame(64, 32, 90, 0, (x, y) -> y < 16 ? Color.RED : Color.BLUE));

        PixelReader pixels = snapshot();
        assertColour(Color.RED, pixels, 125, 100);
        assertColour(Color.BLUE, pixels, 75, 100);
        assertColour(Color.BLACK, pixels, 20, 100);
    }

    @Test
    void aTurnedFrameIsMirroredOnScreenAfterItIsTurned() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> view.setMirrored(true)).get();
        show(TestFrames.frame(64, 32, 90, 0, (x, y) -> y < 16 ? Color.RED : Color.BLUE));

        PixelReader pixels = snapshot();
        assertColour(Color.RED, pixels, 75, 100);
        assertColour(Color.BLUE, pixels, 125, 100);
    }

    @Test
    void framesWaitingForConversionAreReplacedByTheNewest() throws Exception {
        // A converter held shut while 100 frames arrive: only the newest is converted and painted.
        CountDownLatch open = new CountDownLatch(1);
        ExecutorService held = Executors.newSingleThreadExecutor();
        try {
            VideoView heldView = WaitForAsyncUtils.asyncFx(() -> {
                VideoView v = new VideoView(FxThread.platform(), task -> held.execute(() -> {
                    awaitQuietly(open);
                    task.run();
                }));
                view.getScene().setRoot(v);
                return v;
            }).get();
            for (int i = 1; i <= 100; i++) {
                heldView.onFrame(TestFrames.plain(64, 64, i, i < 100 ? Color.RED : Color.BLUE));
            }
            open.countDown();
            waitUntil(() -> heldView.framesRendered() == 1, "the newest frame rendered");
            WaitForAsyncUtils.waitForFxEvents();

            assertEquals(100, heldView.framesReceived());
            assertEquals(1, heldView.framesRendered());
            assertEquals(99, heldView.framesDropped());
            assertEquals(100, heldView.lastRenderedCaptureTimeNanos());
            assertColour(Color.BLUE, snapshotOf(heldView), 100, 100);
        } finally {
            held.shutdownNow();
        }
    }

    @Test
    void manyFramesFromAnEngineThreadEndWithTheNewestShown() throws Exception {
        int count = 300;
        VideoFrame red = TestFrames.plain(320, 180, 0, Color.RED);
        VideoFrame blue = TestFrames.plain(320, 180, 0, Color.BLUE);
        Thread engine = new Thread(() -> {
            for (int i = 1; i <= count; i++) {
                view.onFrame((i < count ? red : blue).withCaptureTime(i));
            }
        }, "test-engine");
        engine.start();
        engine.join(10_000);

        waitUntil(() -> view.framesRendered() + view.framesDropped() == count, "every frame rendered or dropped");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(count, view.framesReceived());
        assertTrue(view.framesRendered() >= 1 && view.framesRendered() <= count,
                "rendered " + view.framesRendered());
        assertEquals(count, view.lastRenderedCaptureTimeNanos(), "the last frame painted is the newest");
        assertColour(Color.BLUE, snapshot(), 100, 100);
    }

    @Test
    void detachStopsRenderingAndShowsBlack() throws Exception {
        VideoTrackSource source = new VideoTrackSource();
        MediaStreamTrack track = source.createTrack("camera");
        WaitForAsyncUtils.asyncFx(() -> view.attach(track)).get();
        source.push(TestFrames.plain(64, 64, 1, Color.RED));
        waitUntil(() -> view.framesRendered() == 1, "the first frame rendered");
        assertColour(Color.RED, snapshot(), 100, 100);

        WaitForAsyncUtils.asyncFx(view::detach).get();
        source.push(TestFrames.plain(64, 64, 2, Color.BLUE));
        view.onFrame(TestFrames.plain(64, 64, 3, Color.BLUE)); // even handed over directly
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, view.framesReceived());
        assertEquals(1, view.framesRendered());
        assertColour(Color.BLACK, snapshot(), 100, 100);

        WaitForAsyncUtils.asyncFx(() -> view.attach(track)).get();
        source.push(TestFrames.plain(64, 64, 4, Color.BLUE));
        waitUntil(() -> view.framesRendered() == 2, "a frame rendered after attaching again");
        assertColour(Color.BLUE, snapshot(), 100, 100);
        source.close();
    }

    @Test
    void theImageIsReusedWhileTheSizeStaysAndReplacedWhenItChanges() throws Exception {
        show(TestFrames.leftRight(64, 16, Color.RED, Color.BLUE)); // 4:1: bars above and below
        Image first = shownImage();
        show(TestFrames.leftRight(64, 16, Color.BLUE, Color.RED));
        assertSame(first, shownImage(), "same size, same image");
        PixelReader pixels = snapshot();
        assertColour(Color.BLACK, pixels, 100, 30);
        assertColour(Color.BLUE, pixels, 50, 100);

        show(TestFrames.plain(48, 48, 2, Color.LIME));
        assertNotSame(first, shownImage(), "a new size, a new image");
        pixels = snapshot();
        assertColour(Color.LIME, pixels, 100, 30);
        assertColour(Color.LIME, pixels, 10, 190);
    }

    @Test
    void aFrameMuchLargerThanTheViewIsPaintedAtTheViewsSize() throws Exception {
        // 800x400 in a 200x200 view: shown 200x100, so a quarter of the frame each way is enough.
        show(TestFrames.leftRight(800, 400, Color.RED, Color.BLUE));
        show(TestFrames.leftRight(800, 400, Color.RED, Color.BLUE)); // laid out by now at the latest
        Image shown = shownImage();
        assertEquals(200, (int) shown.getWidth(), "the picture is the view's size, not the frame's");
        assertEquals(100, (int) shown.getHeight());
        PixelReader pixels = snapshot();
        assertColour(Color.RED, pixels, 50, 100);
        assertColour(Color.BLUE, pixels, 150, 100);
        assertColour(Color.BLACK, pixels, 100, 30);
    }

    private Image shownImage() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((ImageView) view.getChildrenUnmodifiable().get(0)).getImage()).get();
    }

    private void show(VideoFrame frame) throws TimeoutException {
        long before = view.framesRendered();
        view.onFrame(frame);
        waitUntil(() -> view.framesRendered() == before + 1, "the frame rendered");
    }

    private PixelReader snapshot() throws Exception {
        return snapshotOf(view);
    }

    private static PixelReader snapshotOf(VideoView node) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get(5, TimeUnit.SECONDS);
        assertEquals(SCENE_WIDTH, (int) image.getWidth());
        assertEquals(SCENE_HEIGHT, (int) image.getHeight());
        return image.getPixelReader();
    }

    private static void waitUntil(BooleanSupplier condition, String what) throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new TimeoutException("not within 5 s: " + what);
        }
    }

    /** BT.601 in video range and back loses a little: each channel within 0.1 of the colour's. */
    private static void assertColour(Color expected, PixelReader pixels, int x, int y) {
        Color actual = pixels.getColor(x, y);
        boolean close = Math.abs(actual.getRed() - expected.getRed()) < 0.1
                && Math.abs(actual.getGreen() - expected.getGreen()) < 0.1
                && Math.abs(actual.getBlue() - expected.getBlue()) < 0.1;
        assertTrue(close, "pixel (" + x + ", " + y + ") should be " + expected + ", is " + actual);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
