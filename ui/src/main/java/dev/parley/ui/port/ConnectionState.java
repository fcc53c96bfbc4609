package dev.parley.ui.port;

/** How the app stands with its signalling server, shown in the main window's status line. */
public enum ConnectionState {
    CONNECTED,
    /** The connection dropped and the app is trying again. */
    RECONNECTING,
    /** Not connected and not trying (no network, server refused, signed out). */
    OFFLINE
}
