package dev.parley.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The JavaFX dialogs answer what the person pressed; pressed here by firing the dialog's buttons. */
@ExtendWith(ApplicationExtension.class)
class JavaFxDialogServiceTest {
    private DialogService dialogs;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
        dialogs = new JavaFxDialogService(stage);
    }

    @Test
    void confirmIsTrueForOk() throws Exception {
        CompletableFuture<Boolean> answer = ask(() -> dialogs.confirm("Hang up?", "End the call with Ada?"));
        DialogPane pane = openDialog();
        assertEquals("End the call with Ada?", pane.getContentText());
        press(pane, ButtonType.OK);
        assertEquals(true, answer.get(5, TimeUnit.SECONDS));
    }

    @Test
    void confirmIsFalseForCancel() throws Exception {
        CompletableFuture<Boolean> answer = ask(() -> dialogs.confirm("Hang up?", "End the call with Ada?"));
        press(openDialog(), ButtonType.CANCEL);
        assertEquals(false, answer.get(5, TimeUnit.SECONDS));
    }

    @Test
    void confirmWithNamedButtonsIsTrueOnlyForTheConfirmingOne() throws Exception {
        CompletableFuture<Boolean> trusted = ask(() -> dialogs.confirm("Untrusted", "Trust it?", "Trust", "Cancel"));
        DialogPane pane = openDialog();
        assertEquals("Trust it?", pane.getContentText());
        pressNamed(pane, "Trust");
        assertEquals(true, trusted.get(5, TimeUnit.SECONDS));

        CompletableFuture<Boolean> cancelled = ask(() -> dialogs.confirm("Untrusted", "Trust it?", "Trust", "Cancel"));
        pressNamed(openDialog(), "Cancel");
        assertEquals(false, cancelled.get(5, TimeUnit.SECONDS));
    }

    @Test
    void askTextReturnsWhatWasTypedOrNothingOnCancel() throws Exception {
        CompletableFuture<Optional<String>> typed = ask(() -> dialogs.askText("Call", "Name", "Ada"));
        DialogPane pane = openDialog();
        WaitForAsyncUtils.asyncFx(() -> ((TextField) pane.lookup(".text-field")).setText("Grace")).get();
        press(pane, ButtonType.OK);
        assertEquals(Optional.of("Grace"), typed.get(5, TimeUnit.SECONDS));

        CompletableFuture<Optional<String>> cancelled = ask(() -> dialogs.askText("Call", "Name", "Ada"));
        press(openDialog(), ButtonType.CANCEL);
        assertEquals(Optional.empty(), cancelled.get(5, TimeUnit.SECONDS));
    }

    @Test
    void showErrorReturnsWhenDismissed() throws Exception {
        CompletableFuture<Boolean> shown = ask(() -> {
            dialogs.showError("No camera", "The camera is in use by another program.");
            return true;
        });
        DialogPane pane = openDialog();
        assertEquals("The camera is in use by another program.", pane.getContentText());
        press(pane, ButtonType.OK);
        assertEquals(true, shown.get(5, TimeUnit.SECONDS));
    }

    /** Opens a dialog on the FX thread; its answer completes the future when the dialog closes. */
    private static <T> CompletableFuture<T> ask(Supplier<T> dialog) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(dialog.get()));
        return answer;
    }

    private static DialogPane openDialog() throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> findDialog() != null);
        DialogPane pane = findDialog();
        assertNotNull(pane);
        return pane;
    }

    private static DialogPane findDialog() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                    .filter(Window::isShowing)
                    .map(window -> window.getScene().getRoot())
                    .filter(DialogPane.class::isInstance)
                    .map(DialogPane.class::cast)
                    .findFirst().orElse(null)).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pressNamed(DialogPane pane, String text) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> pane.getButtonTypes().stream().filter(t -> t.getText().equals(text))
                .map(t -> (Button) pane.lookupButton(t)).findFirst().orElseThrow().fire()).get(5, TimeUnit.SECONDS);
    }

    private static void press(DialogPane pane, ButtonType type) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> ((Button) pane.lookupButton(type)).fire()).get(5, TimeUnit.SECONDS);
    }
}
