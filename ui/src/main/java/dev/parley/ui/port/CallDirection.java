package dev.parley.ui.port;

public enum CallDirection {
    INCOMING,
    OUTGOING,
    /** Incoming, not answered. */
    MISSED
}
