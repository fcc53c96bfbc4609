package dev.parley.ui;

import java.net.URL;
import java.util.List;
import java.util.Objects;
import javafx.scene.Scene;

/**
 * Light or dark look of a scene. {@code parley.css} defines the colour tokens (looked-up colours)
 * and every rule; {@code parley-dark.css} only redefines the tokens, so it is added on top.
 */
public enum Theme {
    LIGHT,
    DARK;

    static final String BASE = "/dev/parley/resources/css/parley.css";
    static final String DARK_OVERRIDE = "/dev/parley/resources/css/parley-dark.css";

    /** Replaces any Parley stylesheet on {@code scene} with this theme's, keeping other sheets. */
    public void applyTo(Scene scene) {
        String base = url(BASE);
        String dark = url(DARK_OVERRIDE);
        List<String> sheets = scene.getStylesheets();
        sheets.removeAll(List.of(base, dark));
        sheets.add(base);
        if (this == DARK) {
            sheets.add(dark);
        }
    }

    private static String url(String path) {
        URL url = Objects.requireNonNull(Theme.class.getResource(path), () -> "missing stylesheet " + path);
        return url.toExternalForm();
    }
}
