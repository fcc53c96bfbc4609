package dev.parley.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.ui.fakes.TestMessages;
import dev.parley.ui.port.CallSummary;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class CallSummaryViewTest {
    private final AtomicInteger closed = new AtomicInteger();

    @Start
    void start(Stage stage) {
        CallSummaryViewModel vm = new CallSummaryViewModel("Ada",
                new CallSummary(Duration.ofSeconds(187), 640.6, 0.031, "Ada hung up"), TestMessages.english());
        stage.setScene(new Scene(new CallSummaryView(vm, TestMessages.english(), closed::incrementAndGet), 400, 300));
        stage.show();
    }

    @Test
    void showsDurationBitrateLossAndReasonThenCloses(FxRobot robot) {
        assertEquals("Call with Ada ended", text(robot, "#summaryTitle"));
        assertEquals("Ada hung up", text(robot, "#summaryReason"));
        assertEquals("Duration: 03:07", text(robot, "#summaryDuration"));
        assertEquals("Average bitrate: 641 kbit/s", text(robot, "#summaryBitrate"));
        assertEquals("Packet loss: 3.1 %", text(robot, "#summaryLoss"));
        robot.clickOn("#summaryClose");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, closed.get());
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
