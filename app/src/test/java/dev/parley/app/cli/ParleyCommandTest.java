package dev.parley.app.cli;

import dev.parley.app.desktop.DesktopOptions;
import dev.parley.app.media.VideoSize;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.app.signaling.protocol.IceServer;
import dev.parley.app.signaling.client.ServerTrust;
import dev.parley.app.signaling.e2e.SelfSignedCertificate;
import dev.parley.app.signaling.server.SignalingServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ParleyCommandTest {
    @TempDir
    Path dir;

    @Test
    void noArgumentsOpensTheAppWithItsDefaults() {
        List<DesktopOptions> launched = new ArrayList<>();
        int code = new CommandLine(new ParleyCommand(System.out, launched::add)).execute();
        assertEquals(0, code);
        assertEquals(List.of(DesktopOptions.defaults()), launched);
    }

    @Test
    void appOptionsReachTheApp() {
        List<DesktopOptions> launched = new ArrayList<>();
        int code = new CommandLine(new ParleyCommand(System.out, launched::add)).execute("--test-call", "--camera-size",
                "640x360", "--synthetic-devices", "--settings-dir", dir.toString(), "--name", "Ada", "--server",
                "ws://127.0.0.1:9000/signal", "--host", "127.0.0.1", "--port", "0");
        assertEquals(0, code);
        DesktopOptions o = launched.get(0);
        assertTrue(o.testCall() && o.syntheticDevices());
        assertEquals(new VideoSize(640, 360), o.cameraSize());
        assertEquals(Optional.of(dir), o.settingsDir());
        assertEquals(Optional.of("Ada"), o.name());
        assertEquals(Optional.of(URI.create("ws://127.0.0.1:9000/signal")), o.server());
        assertEquals("127.0.0.1", o.bindHost());
        assertEquals(0, o.port());
    }

    @Test
    void badAppOptionsAreRefusedWithoutOpeningTheApp() {
        List<DesktopOptions> launched = new ArrayList<>();
        CommandLine cli = new CommandLine(new ParleyCommand(System.out, launched::add));
        assertEquals(2, cli.execute("--camera-size", "big"));
        assertEquals(2, cli.execute("--server", "http://example.invalid/"));
        assertTrue(launched.isEmpty());
    }

    @Test
    void versionSaysWhatTheBuildIs() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine cli = new CommandLine(new ParleyCommand(System.out, o -> { }));
        cli.setOut(new java.io.PrintWriter(out, true, StandardCharsets.UTF_8));
        assertEquals(0, cli.execute("--version"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Parley"), out.toString(StandardCharsets.UTF_8));
    }

    private SignalingServerConfig serverConfig(String... args) throws Exception {
        CommandLine cli = new CommandLine(new ParleyCommand(System.out));
        CommandLine.ParseResult parsed = cli.parseArgs(args);
        ServerCommand server = (ServerCommand) parsed.subcommand().commandSpec().userObject();
        return server.config();
    }

    @Test
    void serverDefaultsBindLoopback() throws Exception {
        SignalingServerConfig config = serverConfig("server");
        assertEquals("127.0.0.1", config.host());
        assertEquals(8080, config.port());
        assertNull(config.token());
        assertEquals(Duration.ofSeconds(45), config.ringTimeout());
    }

    @Test
    void serverOptionsReachTheConfiguration() throws Exception {
        Path tokenFile = dir.resolve("token");
        Files.writeString(tokenFile, "s3cret\n");
        SignalingServerConfig config = serverConfig("server", "--port", "0", "--host", "0.0.0.0", "--token-file",
                tokenFile.toString(), "--ice-server", "stun:127.0.0.1:3478", "--ice-server", "turn:127.0.0.1:3478",
                "--ice-username", "u", "--ice-credential", "c", "--max-clients", "5", "--tls-cert", "c.pem",
                "--tls-key", "k.pem");
        assertEquals("0.0.0.0", config.host());
        assertEquals(0, config.port());
        assertEquals("s3cret", config.token());
        assertEquals(5, config.maxClients());
        assertTrue(config.tls());
        assertEquals(List.of(new IceServer(List.of("stun:127.0.0.1:3478"), null, null),
                new IceServer(List.of("turn:127.0.0.1:3478"), "u", "c")), config.iceServers());
        assertNotEquals(-1, config.toString().indexOf("token set"), "the token itself is never printed");
        assertEquals(-1, config.toString().indexOf("s3cret"));
    }

    @Test
    void peerOptionsReachThePeer() {
        CommandLine cli = new CommandLine(new ParleyCommand(System.out));
        PeerCommand peer = (PeerCommand) cli.parseArgs("peer", "--server", "ws://127.0.0.1:9/signal", "--name", "Bot",
                "--call", "Ada", "--mic", "tone:660", "--record-dir", dir.toString()).subcommand().commandSpec().userObject();
        var options = peer.options();
        assertEquals("Bot", options.name());
        assertEquals("Ada", options.call());
        assertEquals(660, options.toneHz());
        assertEquals(dir, options.recordDir());
        PeerCommand file = (PeerCommand) new CommandLine(new ParleyCommand(System.out)).parseArgs("peer", "--server",
                "ws://127.0.0.1:9/signal", "--name", "Bot", "--mic", "file:x.wav").subcommand().commandSpec().userObject();
        assertEquals(Path.of("x.wav"), file.options().micFile());
        PeerCommand camera = (PeerCommand) new CommandLine(new ParleyCommand(System.out)).parseArgs("peer", "--server",
                "ws://127.0.0.1:9/signal", "--name", "Bot", "--mic", "webcam").subcommand().commandSpec().userObject();
        assertThrows(CommandLine.ParameterException.class, camera::options);
    }

    @Test
    void cameraOptionsReachThePeer() {
        assertEquals(new dev.parley.app.peer.SyntheticCamera(1280, 720, 30), peer().options().camera(),
                "a 720p30 test pattern unless told otherwise");
        assertEquals(new dev.parley.app.peer.SyntheticCamera(640, 360, 15),
                peer("--camera-size", "640x360", "--camera-fps", "15").options().camera());
        assertNull(peer("--camera", "none").options().camera());
        assertNull(peer().options().cameraFile());
        assertThrows(CommandLine.ParameterException.class, () -> peer("--camera", "webcam").options());
        assertThrows(CommandLine.ParameterException.class, () -> peer("--camera-size", "640").options());
        assertThrows(CommandLine.ParameterException.class, () -> peer("--camera-size", "100x100").options());
        assertThrows(CommandLine.ParameterException.class, () -> peer("--camera-fps", "0").options());
    }

    @Test
    void aCameraFileIsPlayedAtTheCamerasSizeAndRate() throws Exception {
        Path clip = Files.writeString(dir.resolve("clip.y4m"), "the file's content is the peer's business");
        var options = peer("--camera", "file:" + clip, "--camera-size", "640x360", "--camera-fps", "15").options();
        assertEquals(clip, options.cameraFile());
        assertEquals(new dev.parley.app.peer.SyntheticCamera(640, 360, 15), options.camera());
        assertThrows(CommandLine.ParameterException.class,
                () -> peer("--camera", "file:" + clip, "--camera-size", "640").options());
    }

    @Test
    void aMissingCameraFileIsRefusedAtStartNamingIt() {
        Path missing = dir.resolve("no-such-clip.y4m");
        CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
                () -> peer("--camera", "file:" + missing).options());
        assertTrue(e.getMessage().contains("no such file: " + missing), e.getMessage());
        StringWriter err = new StringWriter();
        int code = new CommandLine(new ParleyCommand(System.out)).setErr(new PrintWriter(err)).execute("peer",
                "--server", "ws://127.0.0.1:9/signal", "--name", "Bot", "--camera", "file:" + missing);
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains(missing.toString()), err.toString());
    }

    /** FFmpeg's refusal comes when the peer is made, before it connects anywhere, as the same usage error. */
    @Test
    void aCameraFileFfmpegCanNotReadIsRefusedAtStartNamingIt() throws Exception {
        Path notVideo = Files.writeString(dir.resolve("notes.webm"), "not a video at all\n".repeat(100));
        StringWriter err = new StringWriter();
        long started = System.nanoTime();
        int code = new CommandLine(new ParleyCommand(System.out)).setErr(new PrintWriter(err)).execute("peer",
                "--server", "ws://127.0.0.1:9/signal", "--name", "Bot", "--camera", "file:" + notVideo);
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("notes.webm") && err.toString().contains("NotReadableError"),
                err.toString());
        assertTrue(System.nanoTime() - started < 10_000_000_000L, "refused at once, not after a wait");
    }

    private static PeerCommand peer(String... extra) {
        String[] args = new String[5 + extra.length];
        System.arraycopy(new String[] {"peer", "--server", "ws://127.0.0.1:9/signal", "--name", "Bot"}, 0, args, 0, 5);
        System.arraycopy(extra, 0, args, 5, extra.length);
        return (PeerCommand) new CommandLine(new ParleyCommand(System.out)).parseArgs(args).subcommand().commandSpec()
                .userObject();
    }

    @Test
    void badOptionsAreRefusedWithAMessage() {
        assertThrows(CommandLine.ParameterException.class, () -> serverConfig("server", "--tls-cert", "c.pem"));
        assertThrows(CommandLine.ParameterException.class, () -> serverConfig("server", "--ice-server", "http://x"));
        StringWriter err = new StringWriter();
        int code = new CommandLine(new ParleyCommand(System.out)).setErr(new PrintWriter(err)).execute("server", "--port", "x");
        assertEquals(2, code);
        assertTrue(err.toString().contains("--port"), err.toString());
    }

    @Test
    void serverPrintsTheFingerprintUsersCompare() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(dir);
        assertEquals(ServerTrust.fingerprint(certificate.certificate()),
                ServerCommand.certificateFingerprint(certificate.certificateFile()));
    }
}
