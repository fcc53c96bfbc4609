package dev.parley.app.cli;

import dev.parley.app.peer.HeadlessPeer;
import dev.parley.app.peer.PeerOptions;
import dev.parley.app.media.VideoSize;
import dev.parley.app.peer.SyntheticCamera;
import dev.parley.app.signaling.client.CallEndReason;
import dev.parley.app.signaling.client.ServerTrust;
import dev.parley.app.signaling.client.SignalingClientRuntime;
import dev.parley.media.MediaDeviceException;
import dev.parley.rtc.EngineSettings;
import dev.parley.rtc.ice.IceSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code parley peer}: a headless Parley endpoint. It registers, calls {@code --call} or waits to
 * be called, sends a tone (or a WAV file) as its microphone and a moving test pattern (or a video
 * file: {@code --camera file:PATH}, anything FFmpeg reads, looped) as its camera, greets over
 * chat, records what it receives and writes stats, for {@code --duration} seconds or until the
 * call ends. A camera file that is missing or that FFmpeg cannot read is refused at start.
 */
@Command(name = "peer", mixinStandardHelpOptions = true,
        description = "Run a headless Parley peer (audio, video and chat).")
public final class PeerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--server", required = true, description = "Signaling server, ws://host:port/signal or wss://…")
    URI server;

    @Option(names = "--name", required = true, description = "Display name to register.")
    String name;

    @Option(names = "--call", paramLabel = "NAME", description = "Call this user once registered.")
    String call;

    @Option(names = "--auto-answer", description = "Accept incoming calls at once.")
    boolean autoAnswer;

    @Option(names = "--mic", defaultValue = "tone", paramLabel = "tone[:HZ]|file:PATH",
            description = "Microphone: a sine tone (440 Hz unless given) or a 16-bit PCM WAV file, looped. Default: ${DEFAULT-VALUE}.")
    String mic;

    @Option(names = "--camera", defaultValue = "synthetic", paramLabel = "synthetic|none|file:PATH",
            description = "Camera: a moving test pattern carrying frame number and capture time, no video,"
                    + " or a video file FFmpeg reads (Y4M, MP4, WebM…), looped. Default: ${DEFAULT-VALUE}.")
    String camera;

    @Option(names = "--camera-size", defaultValue = "1280x720", paramLabel = "WxH",
            description = "Size of the camera's picture (a file is scaled to it). Default: ${DEFAULT-VALUE}.")
    String cameraSize;

    @Option(names = "--camera-fps", defaultValue = "30", paramLabel = "FPS",
            description = "Frame rate the camera is sent at (a file still plays at its own speed)."
                    + " Default: ${DEFAULT-VALUE}.")
    double cameraFps;

    @Option(names = "--record-dir", paramLabel = "DIR",
            description = "Write received audio here as <callId>-audio.wav and video as <callId>-video.y4m"
                    + " (a new size starts <callId>-video-2.y4m, -3…).")
    Path recordDir;

    @Option(names = "--stats-json", paramLabel = "FILE", description = "Write stats here every second.")
    Path statsJson;

    @Option(names = "--duration", defaultValue = "0", paramLabel = "S", description = "Stop after S seconds (0: when the call ends).")
    long durationSeconds;

    @Option(names = "--trust-fingerprint", paramLabel = "SHA256",
            description = "Trust exactly this server certificate (for a self-signed wss:// server).")
    String trustFingerprint;

    @Option(names = "--loopback-only", description = "Gather ICE candidates on loopback only (tests on one machine).")
    boolean loopbackOnly;

    @Override
    public Integer call() throws Exception {
        PeerOptions options = options();
        if (recordDir != null) {
            Files.createDirectories(recordDir);
        }
        EngineSettings engine = loopbackOnly
                ? EngineSettings.builder().ice(IceSettings.DEFAULTS.loopbackOnly()).build() : EngineSettings.defaults();
        CountDownLatch ended = new CountDownLatch(1);
        ServerTrust trust = trustFingerprint == null ? ServerTrust.systemDefault() : ServerTrust.pinned(trustFingerprint);
        try (SignalingClientRuntime runtime = new SignalingClientRuntime(trust, 2);
             HeadlessPeer peer = peer(options, runtime, engine, new HeadlessPeer.Listener() {
                 @Override
                 public void onCallEnded(String callId, CallEndReason reason) {
                     spec.commandLine().getOut().println("call " + callId + " ended: " + reason);
                     spec.commandLine().getOut().flush();
                     ended.countDown();
                 }
             })) {
            peer.start().get(60, TimeUnit.SECONDS);
            spec.commandLine().getOut().println("registered as " + name + " at " + server);
            spec.commandLine().getOut().flush();
            if (durationSeconds > 0) {
                ended.await(durationSeconds, TimeUnit.SECONDS);
            } else {
                ended.await();
            }
            peer.hangup().get(10, TimeUnit.SECONDS);
        }
        return 0;
    }

    /** The peer; a camera file FFmpeg can not open is the user's mistake, said as such. */
    private HeadlessPeer peer(PeerOptions options, SignalingClientRuntime runtime, EngineSettings engine,
            HeadlessPeer.Listener listener) throws IOException {
        try {
            return new HeadlessPeer(options, runtime, engine, listener);
        } catch (MediaDeviceException e) {
            throw new ParameterException(spec.commandLine(), "--camera " + camera + ": " + e, e);
        }
    }

    PeerOptions options() {
        double hz = 440;
        Path micFile = null;
        if (mic.startsWith("file:")) {
            micFile = Path.of(mic.substring("file:".length()));
        } else if (mic.startsWith("tone:")) {
            try {
                hz = Double.parseDouble(mic.substring("tone:".length()));
            } catch (NumberFormatException e) {
                throw new ParameterException(spec.commandLine(), "--mic tone:HZ needs a number");
            }
        } else if (!mic.equals("tone")) {
            throw new ParameterException(spec.commandLine(),
                    "--mic " + mic + ": tone[:HZ] or file:PATH (devices come with issue #7)");
        }
        try {
            return new PeerOptions(server, name, call, autoAnswer, hz, micFile, camera(), cameraFile(), recordDir,
                    statsJson);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * The file {@code --camera file:PATH} names, or null for another camera. A missing or unreadable
     * file is refused here, before anything starts; one FFmpeg can not decode, when the peer opens it.
     */
    private Path cameraFile() {
        if (!camera.startsWith("file:")) {
            return null;
        }
        Path file = Path.of(camera.substring("file:".length()));
        if (!Files.exists(file)) {
            throw new ParameterException(spec.commandLine(), "--camera " + camera + ": no such file: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new ParameterException(spec.commandLine(), "--camera " + camera + ": can not read " + file);
        }
        return file;
    }

    /** The camera's size and rate (the test pattern's, or a file's), or null for none. */
    private SyntheticCamera camera() {
        if (camera.equals("none")) {
            return null;
        }
        if (!camera.equals("synthetic") && !camera.startsWith("file:")) {
            throw new ParameterException(spec.commandLine(), "--camera " + camera + ": synthetic, none or file:PATH");
        }
        try {
            VideoSize size = VideoSize.parse(cameraSize);
            return new SyntheticCamera(size.width(), size.height(), cameraFps);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--camera-size " + cameraSize + ": " + e.getMessage());
        }
    }
}
