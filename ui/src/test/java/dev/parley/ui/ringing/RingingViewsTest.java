package dev.parley.ui.ringing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.ui.FxThread;
import dev.parley.ui.fakes.FakeDirectory;
import dev.parley.ui.fakes.FakeOutgoingCall;
import dev.parley.ui.fakes.RecordingNavigator;
import dev.parley.ui.fakes.TestMessages;
import dev.parley.ui.port.IncomingCall;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Incoming and outgoing call screens clicked by the robot. */
@ExtendWith(ApplicationExtension.class)
class RingingViewsTest {
    private final FakeDirectory directory = new FakeDirectory();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final FakeOutgoingCall outgoing = new FakeOutgoingCall("Grace");
    private final StackPane root = new StackPane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 520, 240));
        stage.show();
    }

    private void showIncoming() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> root.getChildren().setAll(new IncomingCallView(
                new IncomingCallViewModel(new IncomingCall("c7", "Ada"), directory, navigator, FxThread.platform(),
                        TestMessages.english()), TestMessages.english()))).get();
    }

    @Test
    void answerWithVideo(FxRobot robot) throws Exception {
        showIncoming();
        assertEquals("Ada is calling", robot.lookup("#callerPrompt").queryAs(Label.class).getText());
        robot.clickOn("#answerVideo");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("c7 video"), directory.accepted);
        assertTrue(robot.lookup("#answerAudio").queryButton().isDisabled());
    }

    @Test
    void answerAudioOnly(FxRobot robot) throws Exception {
        showIncoming();
        robot.clickOn("#answerAudio");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("c7 audio"), directory.accepted);
    }

    @Test
    void decline(FxRobot robot) throws Exception {
        showIncoming();
        robot.clickOn("#decline");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("c7"), directory.declined);
        assertEquals(List.of("main"), navigator.shown);
    }

    @Test
    void cancelAnOutgoingCall(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> root.getChildren().setAll(new OutgoingCallView(
                new OutgoingCallViewModel(outgoing, navigator, FxThread.platform(), TestMessages.english()),
                TestMessages.english()))).get();
        outgoing.emit(l -> l.onRinging());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Ringing Grace\u2026", robot.lookup("#outgoingStatus").queryAs(Label.class).getText());
        robot.clickOn("#cancelCall");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, outgoing.cancels);
        assertEquals(List.of("main"), navigator.shown);
    }
}
