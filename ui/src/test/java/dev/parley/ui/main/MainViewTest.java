package dev.parley.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.ui.FxThread;
import dev.parley.ui.fakes.FakeDirectory;
import dev.parley.ui.fakes.RecordingNavigator;
import dev.parley.ui.fakes.TestMessages;
import dev.parley.ui.port.CallDirection;
import dev.parley.ui.port.CallHistoryEntry;
import dev.parley.ui.port.ConnectionState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainViewTest {
    private final FakeDirectory directory = new FakeDirectory();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private MainViewModel vm;

    @Start
    void start(Stage stage) {
        directory.online = List.of("Grace", "Ada", "Alan");
        vm = new MainViewModel(directory, navigator, FxThread.platform(), TestMessages.english(), ZoneOffset.UTC);
        vm.start();
        vm.setHistory(List.of(new CallHistoryEntry("Ada", CallDirection.INCOMING,
                Instant.parse("2026-11-26T09:00:00Z"), Duration.ofSeconds(75))));
        stage.setScene(new Scene(new MainView(vm, TestMessages.english()), 700, 420));
        stage.show();
    }

    @Test
    void searchThenCallTheOnePersonLeft(FxRobot robot) {
        assertTrue(robot.lookup("#call").queryButton().isDisabled()); // nobody selected
        robot.clickOn("#search").write("gra");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ListView<String> online = robot.lookup("#online").queryAs(ListView.class);
        assertEquals(List.of("Grace"), online.getItems());

        robot.clickOn("Grace");
        robot.clickOn("#call");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Grace"), directory.calls);
        assertEquals(List.of("outgoing Grace"), navigator.shown);
    }

    @Test
    void statusFollowsTheConnectionAndHistoryIsShown(FxRobot robot) {
        Label status = robot.lookup("#connectionStatus").queryAs(Label.class);
        assertEquals("Connected", status.getText());
        directory.emit(l -> l.onConnectionState(ConnectionState.RECONNECTING));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Reconnecting\u2026", status.getText());
        assertTrue(status.getStyleClass().contains("status-reconnecting"));

        @SuppressWarnings("unchecked")
        ListView<CallHistoryEntry> history = robot.lookup("#history").queryAs(ListView.class);
        assertEquals(1, history.getItems().size());
        robot.clickOn("#settings");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("settings"), navigator.shown);
    }

    @Test
    void theTestCallButtonStartsATestCall_andTheStatusLineSaysWhereOthersReachUs(FxRobot robot) {
        robot.interact(() -> vm.setIdentity("Ada", "ws://192.0.2.7:47800/signal"));
        assertEquals("Ada \u00b7 others reach you at ws://192.0.2.7:47800/signal",
                robot.lookup("#identity").queryAs(Label.class).getText());
        robot.clickOn("#testCall");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("test call"), navigator.shown);
    }

    @Test
    void theDarkThemeBoxAsksForTheTheme_butShowingTheSavedOneDoesNot(FxRobot robot) {
        robot.interact(() -> vm.showTheme(dev.parley.ui.Theme.DARK));
        assertTrue(robot.lookup("#darkTheme").queryAs(javafx.scene.control.CheckBox.class).isSelected());
        assertEquals(List.of(), navigator.shown, "the saved theme is shown, not asked for");
        robot.clickOn("#darkTheme");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("theme LIGHT"), navigator.shown);
    }
}
