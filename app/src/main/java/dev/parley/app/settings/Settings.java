package dev.parley.app.settings;

import dev.parley.ui.Theme;
import dev.parley.ui.port.ServerChoice;
import dev.parley.app.signaling.protocol.Check;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user chose, kept between runs. Immutable; change one thing with a {@code with…}
 * method and save the result with {@link SettingsStore}.
 *
 * @param displayName the name others see; empty until the first run asked for one
 * @param server the embedded server or a server's address
 * @param cameraId the chosen camera's device id; empty: the system's default
 * @param microphoneId the chosen microphone's device id; empty: the system's default
 * @param speakerId the chosen speaker's device id; empty: the system's default
 * @param theme light or dark
 * @param window where the main window was; empty: let the window system place it
 * @param trustedServer the self-signed server certificate the user trusted, if any
 */
public record Settings(String displayName, ServerChoice server, Optional<String> cameraId,
        Optional<String> microphoneId, Optional<String> speakerId, Theme theme, Optional<WindowBounds> window,
        Optional<TrustedServer> trustedServer) {
    /** Device ids are opaque strings from the OS; longer than this is damage. */
    static final int MAX_DEVICE_ID = 1024;

    public Settings {
        Objects.requireNonNull(displayName, "displayName");
        if (!displayName.isEmpty()) {
            Check.name("displayName", displayName);
        }
        Objects.requireNonNull(server, "server");
        checkDeviceId("cameraId", cameraId);
        checkDeviceId("microphoneId", microphoneId);
        checkDeviceId("speakerId", speakerId);
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(trustedServer, "trustedServer");
    }

    /** A first run's settings: no name yet, the embedded server, the system's devices, light theme. */
    public static Settings defaults() {
        return new Settings("", ServerChoice.embedded(), Optional.empty(), Optional.empty(), Optional.empty(),
                Theme.LIGHT, Optional.empty(), Optional.empty());
    }

    /** False until the user gave a name: the app then shows its first-run screen. */
    public boolean hasDisplayName() {
        return !displayName.isEmpty();
    }

    public Settings withDisplayName(String name) {
        return new Settings(name, server, cameraId, microphoneId, speakerId, theme, window, trustedServer);
    }

    public Settings withServer(ServerChoice choice) {
        return new Settings(displayName, choice, cameraId, microphoneId, speakerId, theme, window, trustedServer);
    }

    public Settings withDevices(Optional<String> camera, Optional<String> microphone, Optional<String> speaker) {
        return new Settings(displayName, server, camera, microphone, speaker, theme, window, trustedServer);
    }

    public Settings withTheme(Theme chosen) {
        return new Settings(displayName, server, cameraId, microphoneId, speakerId, chosen, window, trustedServer);
    }

    public Settings withWindow(Optional<WindowBounds> bounds) {
        return new Settings(displayName, server, cameraId, microphoneId, speakerId, theme, bounds, trustedServer);
    }

    /** Trusts this certificate for that server (replacing any earlier trust). */
    public Settings withTrustedServer(Optional<TrustedServer> trusted) {
        return new Settings(displayName, server, cameraId, microphoneId, speakerId, theme, window, trusted);
    }

    /** The fingerprint the user trusted for exactly this server address, if any. */
    public Optional<String> trustedFingerprint(URI address) {
        return trustedServer.filter(t -> t.isFor(address)).map(TrustedServer::sha256);
    }

    private static void checkDeviceId(String field, Optional<String> id) {
        Objects.requireNonNull(id, field);
        id.ifPresent(v -> {
            if (v.isEmpty() || v.length() > MAX_DEVICE_ID || v.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException(field + ": 1 to " + MAX_DEVICE_ID + " characters without control characters");
            }
        });
    }
}
