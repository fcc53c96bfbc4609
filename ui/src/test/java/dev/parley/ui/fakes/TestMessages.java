package dev.parley.ui.fakes;

import dev.parley.ui.Messages;
import java.util.Locale;

public final class TestMessages {
    private TestMessages() {
    }

    /** The default (English) bundle. */
    public static Messages english() {
        return Messages.forLocale(Locale.ROOT);
    }
}
