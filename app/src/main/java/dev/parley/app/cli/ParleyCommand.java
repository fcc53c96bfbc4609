package dev.parley.app.cli;

import dev.parley.app.desktop.DesktopLogs;
import dev.parley.app.desktop.DesktopOptions;
import dev.parley.app.desktop.EmbeddedServerHost;
import dev.parley.app.media.VideoSize;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ResourceBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code parley}: with no subcommand, launches the desktop app. */
@Command(name = "parley", mixinStandardHelpOptions = true, versionProvider = ParleyCommand.Version.class,
        subcommands = {ServerCommand.class, PeerCommand.class},
        description = "One-to-one video calls on the JVM. Without a command, opens the app.")
public final class ParleyCommand implements Runnable {

    /** Opens the desktop app; tests pass one that records the options instead. */
    @FunctionalInterface
    public interface Launcher {
        void launch(DesktopOptions options) throws Exception;
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--test-call", description = "Start a test call (to yourself) once the window is up.")
    boolean testCall;

    @Option(names = "--camera-size", paramLabel = "WxH", defaultValue = "1280x720",
            description = "Camera size calls ask for (default: ${DEFAULT-VALUE}).")
    String cameraSize;

    @Option(names = "--synthetic-devices", description = "Only the synthetic camera and tone microphone.")
    boolean syntheticDevices;

    @Option(names = "--camera-file", paramLabel = "PATH", description = "Offer a video file as one more camera.")
    Path cameraFile;

    @Option(names = "--settings-dir", paramLabel = "DIR",
            description = "Keep settings, history and logs here instead of the platform's folders.")
    Path settingsDir;

    @Option(names = "--name", paramLabel = "NAME", description = "Your display name when none is saved yet.")
    String name;

    @Option(names = "--server", paramLabel = "URL", description = "A signaling server (ws:// or wss://) instead of the saved choice.")
    URI server;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = EmbeddedServerHost.ALL_INTERFACES,
            description = "Where the embedded server listens (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + EmbeddedServerHost.DEFAULT_PORT,
            description = "The embedded server's port, another free one if taken (default: ${DEFAULT-VALUE}).")
    int port;

    private final PrintStream out;
    private final Launcher launcher;

    public ParleyCommand(PrintStream out) {
        this(out, DesktopLogs::launch);
    }

    public ParleyCommand(PrintStream out, Launcher launcher) {
        this.out = out;
        this.launcher = launcher;
    }

    @Override
    public void run() {
        DesktopOptions options = options();
        try {
            launcher.launch(options);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            out.println("Parley could not start: " + e.getMessage());
            throw new IllegalStateException(e);
        }
    }

    /** The parsed options, checked. */
    DesktopOptions options() {
        VideoSize size;
        try {
            size = VideoSize.parse(cameraSize);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--camera-size " + cameraSize + ": " + e.getMessage());
        }
        if (server != null && !("ws".equalsIgnoreCase(server.getScheme()) || "wss".equalsIgnoreCase(server.getScheme()))) {
            throw new ParameterException(spec.commandLine(), "--server " + server + ": a ws:// or wss:// address");
        }
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port " + port + ": 0 to 65535");
        }
        return new DesktopOptions(testCall, size, syntheticDevices, Optional.ofNullable(cameraFile),
                Optional.ofNullable(settingsDir), Optional.ofNullable(name), Optional.ofNullable(server), host, port);
    }

    /** {@code parley --version}: the build. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            ResourceBundle messages = ResourceBundle.getBundle("dev.parley.resources.i18n.messages");
            String version = ParleyCommand.class.getPackage().getImplementationVersion();
            return new String[] {messages.getString("app.name") + " " + (version == null ? "(development build)" : version),
                    messages.getString("app.tagline")};
        }
    }
}
