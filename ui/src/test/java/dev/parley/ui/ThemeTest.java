package dev.parley.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Light and dark switch the colour tokens; the dark sheet sits on top of the base one. */
@ExtendWith(ApplicationExtension.class)
class ThemeTest {
    private Scene scene;
    private StackPane root;

    @Start
    void start(Stage stage) {
        root = new StackPane(new Label("x"));
        scene = new Scene(root, 100, 100);
        scene.getStylesheets().add("data:text/css,.other{}");
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void darkAddsTheOverrideAndLightRemovesItKeepingOtherSheets() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Theme.DARK.applyTo(scene)).get();
        assertEquals(3, scene.getStylesheets().size());
        assertTrue(scene.getStylesheets().get(2).endsWith("parley-dark.css"));
        assertEquals(Color.web("#18181b"), background());

        WaitForAsyncUtils.asyncFx(() -> Theme.LIGHT.applyTo(scene)).get();
        assertEquals(2, scene.getStylesheets().size());
        assertEquals("data:text/css,.other{}", scene.getStylesheets().get(0));
        assertEquals(Color.web("#f7f7f8"), background());
    }

    private Color background() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            root.applyCss();
            Background background = root.getBackground();
            return (Color) background.getFills().get(0).getFill();
        }).get();
    }
}
