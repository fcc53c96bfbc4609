package dev.parley.ui.port;

/** Where a call in progress stands. */
public enum CallState {
    CONNECTING,
    CONNECTED,
    /** Media stopped flowing and the app is restarting ICE. */
    RECONNECTING,
    ENDED
}
