package dev.parley.ui;

import java.util.Optional;

/**
 * Every dialog the app shows goes through this, so view-models never open windows themselves
 * and tests replace it with an implementation that answers at once. Called on the FX thread;
 * the methods that ask something block (nested event loop) until the person answers.
 */
public interface DialogService {

    /** Tells the person something went wrong; returns when they dismiss it. */
    void showError(String title, String message);

    /** Tells the person something they should know; returns when they dismiss it. */
    void showInformation(String title, String message);

    /** Asks a yes/no question; true only if the person confirms. */
    boolean confirm(String title, String message);

    /**
     * Asks a question whose two answers are named on the buttons ("Trust" / "Cancel"); true only
     * if the person presses {@code confirmButton}. Implementations without named buttons ask
     * {@link #confirm(String, String)}.
     */
    default boolean confirm(String title, String message, String confirmButton, String cancelButton) {
        return confirm(title, message);
    }

    /** Asks for one line of text; empty if the person cancels. */
    Optional<String> askText(String title, String message, String initialText);
}
