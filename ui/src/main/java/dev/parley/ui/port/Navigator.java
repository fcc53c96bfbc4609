package dev.parley.ui.port;

import dev.parley.ui.Theme;

/** Screen changes a view-model asks for; the app's window controller implements it. */
public interface Navigator {

    default void openSettings() {
    }

    /** A call we placed is ringing: show the outgoing-call screen. */
    default void showOutgoingCall(OutgoingCall call) {
    }

    /** Someone calls: show the incoming-call screen. */
    default void showIncomingCall(IncomingCall call) {
    }

    /** Light or dark, for every window now and from now on (and kept in the settings). */
    default void applyTheme(Theme theme) {
    }

    /** A call to yourself through the whole engine, no server or other person needed. */
    default void startTestCall() {
    }

    /** A screen is done (declined, cancelled, closed): back to the main window. */
    default void showMain() {
    }
}
