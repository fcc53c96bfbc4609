package dev.parley.ui.firstrun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.ui.FxThread;
import dev.parley.ui.Theme;
import dev.parley.ui.fakes.FakeDevices;
import dev.parley.ui.fakes.TestMessages;
import dev.parley.ui.port.FirstRunResult;
import dev.parley.ui.video.TestFrames;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The first-run form driven by robot clicks and typing. */
@ExtendWith(ApplicationExtension.class)
class FirstRunViewTest {
    private final FakeDevices devices = new FakeDevices();
    private final List<FirstRunResult> finished = new CopyOnWriteArrayList<>();
    private final ExecutorService converter = Executors.newSingleThreadExecutor();
    private FirstRunView view;

    @Start
    void start(Stage stage) {
        FirstRunViewModel vm = new FirstRunViewModel(devices, FxThread.platform(), TestMessages.english(), finished::add);
        view = new FirstRunView(vm, TestMessages.english(), FxThread.platform(), converter);
        Scene scene = new Scene(view, 640, 720);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        vm.start();
    }

    @AfterEach
    void stopConverter() throws InterruptedException {
        converter.shutdownNow();
        assertTrue(converter.awaitTermination(5, TimeUnit.SECONDS));
    }

    @Test
    void finishIsBlockedUntilTheNameAndServerAreValid(FxRobot robot) {
        Button finish = robot.lookup("#finish").queryButton();
        assertTrue(finish.isDisabled());
        assertEquals("Enter a name.", robot.lookup("#nameError").queryAs(Label.class).getText());

        robot.clickOn("#displayName").write("Ada");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(finish.isDisabled());

        robot.clickOn("#serverRemote");
        robot.clickOn("#serverUrl").write("http://example.org");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("The address must start with ws:// or wss://.",
                robot.lookup("#serverError").queryAs(Label.class).getText());
        assertTrue(finish.isDisabled());

        robot.doubleClickOn("#serverUrl").eraseText(40).write("wss://example.org/parley");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", robot.lookup("#serverError").queryAs(Label.class).getText());
        assertFalse(finish.isDisabled());

        robot.clickOn("#finish");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, finished.size());
        assertEquals("Ada", finished.get(0).displayName());
        assertEquals("wss://example.org/parley", finished.get(0).server().url().orElseThrow().toString());
    }

    @Test
    void pickingACameraShowsItsPreview(FxRobot robot) throws Exception {
        robot.clickOn("#camera");
        robot.clickOn("USB camera");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("cam1", "cam2"), devices.previewsOpened);

        // a frame from the chosen camera reaches the preview; the old one's track has ended
        devices.cameraSources.get("cam1").push(TestFrames.plain(32, 18, 1, Color.RED));
        devices.cameraSources.get("cam2").push(TestFrames.plain(32, 18, 2, Color.GREEN));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.preview().framesReceived() == 1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.preview().lastRenderedCaptureTimeNanos() == 2);
        assertTrue(view.preview().isMirrored());
    }

    @Test
    void speakerTestButtonPlaysOnTheChosenSpeaker(FxRobot robot) {
        robot.clickOn("#speakerTest");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("spk1"), devices.soundsPlayed);
    }
}
