package dev.parley.ui.port;

import java.util.Objects;

/** What the first-run screen collected; the app stores it in its settings. */
public record FirstRunResult(String displayName, ServerChoice server, SelectedDevices devices) {
    public FirstRunResult {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(devices, "devices");
    }
}
