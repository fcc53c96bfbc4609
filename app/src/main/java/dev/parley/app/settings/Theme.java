package dev.parley.app.settings;

import java.util.Locale;
import java.util.Optional;

/** The colour theme; written in lower case in the settings file. */
public enum Theme {
    LIGHT,
    DARK;

    String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Theme> fromJsonName(String name) {
        for (Theme t : values()) {
            if (t.jsonName().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
