package dev.parley.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.ui.FxThread;
import dev.parley.ui.fakes.FakeCallSession;
import dev.parley.ui.fakes.FakeDevices;
import dev.parley.ui.fakes.ManualTicker;
import dev.parley.ui.fakes.SteppingClock;
import dev.parley.ui.fakes.TestMessages;
import dev.parley.ui.port.CallState;
import dev.parley.ui.port.CallStats;
import dev.parley.ui.port.ChatMessage;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The call screen driven by robot clicks and key presses against a fake session. */
@ExtendWith(ApplicationExtension.class)
class CallViewTest {
    private final FakeCallSession session = new FakeCallSession("Ada");
    private final ExecutorService converter = Executors.newSingleThreadExecutor();
    private CallViewModel vm;
    private CallView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new CallViewModel(session, FakeDevices.LISTS, FxThread.platform(), TestMessages.english(),
                new SteppingClock(), new ManualTicker());
        view = new CallView(vm, TestMessages.english(), FxThread.platform(), converter);
        stage.setScene(new Scene(view, 900, 520));
        stage.show();
        vm.start();
        session.setState(CallState.CONNECTED);
    }

    @AfterEach
    void leaveFullScreenAndStopConverter() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stage.setFullScreen(false)).get();
        converter.shutdownNow();
        assertTrue(converter.awaitTermination(5, TimeUnit.SECONDS));
    }

    @Test
    void muteButtonAndShortcutsMAndV(FxRobot robot) {
        robot.clickOn("#mute");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.microphoneMutedProperty().get());
        assertEquals("Unmute", robot.lookup("#mute").queryButton().getText());

        robot.type(KeyCode.M);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.microphoneMutedProperty().get());
        assertEquals("Mute", robot.lookup("#mute").queryButton().getText());

        robot.type(KeyCode.V);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.cameraEnabledProperty().get());
        assertEquals("Start video", robot.lookup("#camera").queryButton().getText());
        assertFalse(robot.lookup("#localVideo").query().isVisible());
        assertEquals(List.of("mute true", "mute false", "camera false"), session.requests);
    }

    @Test
    void cameraButtonTurnsTheCameraOff(FxRobot robot) {
        robot.clickOn("#camera");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("camera false"), session.requests);
    }

    @Test
    void escLeavesFullScreen(FxRobot robot) throws Exception {
        robot.clickOn("#fullScreen");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.fullScreenProperty().get());
        assertTrue(stage.isFullScreen());

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.fullScreenProperty().get());
        assertFalse(stage.isFullScreen());
    }

    @Test
    void typingMInTheChatDoesNotMuteAndChatShowsBothSides(FxRobot robot) {
        robot.clickOn("#chatToggle");
        robot.clickOn("#chatInput").write("mmm ok");
        robot.type(KeyCode.ENTER);
        session.emit(l -> l.onChat(new ChatMessage("hi there", false, Instant.EPOCH)));
        WaitForAsyncUtils.waitForFxEvents();

        assertFalse(vm.microphoneMutedProperty().get());
        assertEquals(List.of("chat mmm ok"), session.requests);
        @SuppressWarnings("unchecked")
        ListView<ChatMessage> list = robot.lookup("#chatList").queryAs(ListView.class);
        assertEquals(List.of("mmm ok", "hi there"), list.getItems().stream().map(ChatMessage::text).toList());
        List<String> shown = robot.lookup("#chatList .list-cell").queryAllAs(ListCell.class).stream()
                .map(ListCell::getText).filter(t -> t != null).toList();
        assertTrue(shown.containsAll(List.of("Me: mmm ok", "Ada: hi there")), shown.toString());
    }

    @Test
    void choosingACameraInTheMenuSwitchesToIt(FxRobot robot) throws Exception {
        MenuButton devices = robot.lookup("#devices").queryAs(MenuButton.class);
        Menu cameras = (Menu) devices.getItems().get(0);
        RadioMenuItem usb = (RadioMenuItem) item(cameras, "cameraMenu-cam2");
        assertFalse(usb.isSelected());
        assertTrue(((RadioMenuItem) item(cameras, "cameraMenu-cam1")).isSelected());

        WaitForAsyncUtils.asyncFx(usb::fire).get();
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("switchCamera cam2"), session.requests);
        assertTrue(((RadioMenuItem) item(cameras, "cameraMenu-cam2")).isSelected()); // rebuilt from the session's answer
    }

    private static MenuItem item(Menu menu, String id) {
        return menu.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    @Test
    void securityCodeReconnectingBannerQualityAndRemoteMute(FxRobot robot) throws Exception {
        Label lock = robot.lookup("#securityCode").queryAs(Label.class);
        assertEquals("Securing\u2026", lock.getText());
        Node banner = robot.lookup("#reconnectingBanner").query();
        assertFalse(banner.isVisible());

        SecurityCode code = SecurityCode.of(CallViewModelTest.FINGERPRINT_A, CallViewModelTest.FINGERPRINT_B);
        session.securityCode.complete(code);
        session.setState(CallState.RECONNECTING);
        session.emit(l -> l.onStats(new CallStats(180, 0.01, 800, true)));
        session.emit(l -> l.onRemoteMicrophoneMuted(true));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(String.join(" ", code.words()), lock.getText());
        assertTrue(lock.getGraphic() instanceof javafx.scene.shape.SVGPath, "the padlock shows once the code is known");
        assertTrue(banner.isVisible());
        Label quality = robot.lookup("#quality").queryAs(Label.class);
        assertEquals("Fair connection", quality.getText());
        assertTrue(quality.getStyleClass().contains("quality-fair"));
        assertEquals("Fair connection: round trip 180 ms, loss 1.0 %, 800 kbit/s", quality.getTooltip().getText());
        assertTrue(robot.lookup("#remoteMuted").query().isVisible());

        session.setState(CallState.CONNECTED);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(banner.isVisible());
    }

    @Test
    void theSelfViewSnapsToTheCornerItIsDroppedNear(FxRobot robot) {
        assertEquals(Corner.BOTTOM_RIGHT, view.localCornerProperty().get());
        robot.drag("#localVideo").moveBy(-500, -300).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Corner.TOP_LEFT, view.localCornerProperty().get());
        assertEquals(0, robot.lookup("#localVideo").query().getTranslateX());
    }

    @Test
    void hangUpAsksTheSession(FxRobot robot) {
        robot.clickOn("#hangUp");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("hangUp"), session.requests);
    }
}
