package dev.parley.app.desktop;

import dev.parley.app.media.VideoSize;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How the desktop app was launched ({@code parley [options]}); everything has a default, so a
 * double-click needs none.
 *
 * @param testCall start a test call as soon as the main window is up
 * @param cameraSize what calls ask of the camera
 * @param syntheticDevices only the synthetic camera and tone (tests, demonstrations, Xvfb)
 * @param cameraFile a video file offered as one more camera
 * @param settingsDir where settings, history and logs go instead of the platform's folders
 * @param name the display name to use when none is saved yet (skips the first-run screen)
 * @param server a signaling server's address instead of the saved choice
 * @param bindHost where the embedded server listens when it is the choice
 * @param port the embedded server's port (another free one if taken)
 */
public record DesktopOptions(boolean testCall, VideoSize cameraSize, boolean syntheticDevices, Optional<Path> cameraFile,
                             Optional<Path> settingsDir, Optional<String> name, Optional<URI> server, String bindHost,
                             int port) {

    public static DesktopOptions defaults() {
        return new DesktopOptions(false, VideoSize.DEFAULT, false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), EmbeddedServerHost.ALL_INTERFACES, EmbeddedServerHost.DEFAULT_PORT);
    }
}
