package dev.parley.media;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real audio devices for tests: a user-space PulseAudio with a null sink {@code vsink} (mono,
 * 48 kHz) as the default speaker and its monitor as the default microphone, so whatever is
 * played can be captured back. Java reaches it through ALSA's pulse plugin, as javax.sound's
 * "default" device. Started before the test class and stopped (by its pid) after; if a PulseAudio
 * already runs there it is used, with the sink added and the defaults set (and, in the user's
 * directory, restored after; in the build's own directory it is a leftover of a killed run, and
 * stopped).
 *
 * <p>Where: the build (media-capture's pom) gives it a runtime directory of its own,
 * {@code target/pulse} (system property {@value #DIR_PROPERTY}), and points the test JVM's
 * {@code PULSE_SERVER} at it, so a desktop's PulseAudio or another build's is never touched; its
 * log is {@code pulseaudio.log} there. Without the property (a test run from an IDE) it uses the
 * user's default PulseAudio directory. A daemon that dies during the tests fails them.
 *
 * <p>Without pulseaudio, pactl or the ALSA pulse plugin the tests fail with what to install: CI
 * installs them ({@code .ci/run}).
 */
final class PulseAudio implements BeforeAllCallback, AfterAllCallback {
    static final String SINK = "vsink";
    static final String DIR_PROPERTY = "parley.pulse.dir";
    /**
     * The sink, without rewinds: with them, a playback stream with a 40 ms buffer (ALSA's pulse
     * plugin, as javax.sound opens it) plays its first 40 ms, then the sink rewinds it again and
     * again ("Requesting rewind due to end of underrun" in a verbose log) and the stream takes
     * nothing for half a second to forever. That stalled the tone test's speaker in CI
     * (PulseAudio 16.1; reproduced with a bare SourceDataLine, gone with norewinds).
     */
    private static final String NULL_SINK_ARGUMENTS = "sink_name=" + SINK + " rate=48000 channels=1 norewinds=1";
    private static final long COMMAND_SECONDS = 20;
    private static final List<String> PLUGIN_DIRS = List.of("/usr/lib/x86_64-linux-gnu/alsa-lib",
            "/usr/lib/aarch64-linux-gnu/alsa-lib", "/usr/lib/alsa-lib", "/usr/lib64/alsa-lib");

    private final Path dir = System.getProperty(DIR_PROPERTY) == null ? null : Path.of(System.getProperty(DIR_PROPERTY));
    private Long startedPid;
    private String loadedModule;
    private String previousSink;
    private String previousSource;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        requireInstalled();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        if (run(false, "pulseaudio", "--check").exitCode() == 0) {
            if (dir != null) {
                startedPid = pid(); // in our own directory: left by a run that was killed; ours to stop
            } else {
                previousSink = run(true, "pactl", "get-default-sink").output().trim();
                previousSource = run(true, "pactl", "get-default-source").output().trim();
            }
            if (!run(true, "pactl", "list", "short", "sinks").output().contains(SINK)) {
                List<String> load = new ArrayList<>(List.of("pactl", "load-module", "module-null-sink"));
                load.addAll(List.of(NULL_SINK_ARGUMENTS.split(" ")));
                loadedModule = run(true, load.toArray(String[]::new)).output().trim();
            }
        } else {
            // No shared memory with clients: PulseAudio 16/17 aborts on a memfd block it did not
            // register (its issue 824; "memblock_replace_import" assertion) — it did in CI, and the
            // tests' devices vanished mid-test. Copying blocks over the socket costs nothing here.
            List<String> start = new ArrayList<>(List.of("pulseaudio", "--daemonize=yes", "--system=false",
                    "--exit-idle-time=-1", "--disable-shm=yes", "-n", "--load=module-native-protocol-unix",
                    "--load=module-null-sink " + NULL_SINK_ARGUMENTS,
                    "--load=module-always-sink"));
            if (dir != null) {
                start.add("--log-target=newfile:" + dir.resolve("pulseaudio.log"));
            }
            run(true, start.toArray(String[]::new));
            startedPid = pid();
        }
        run(true, "pactl", "set-default-sink", SINK);
        run(true, "pactl", "set-default-source", SINK + ".monitor");
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (startedPid != null) {
            ProcessHandle daemon = ProcessHandle.of(startedPid).orElse(null);
            if (daemon == null || !daemon.isAlive()) {
                fail("PulseAudio (pid " + startedPid + ") died during the tests"
                        + (dir == null ? "" : "; its log: " + dir.resolve("pulseaudio.log")));
            }
            daemon.destroy();
            daemon.onExit().orTimeout(COMMAND_SECONDS, TimeUnit.SECONDS).join();
            return;
        }
        if (loadedModule != null) {
            run(false, "pactl", "unload-module", loadedModule);
        }
        if (previousSink != null && !previousSink.isEmpty()) {
            run(false, "pactl", "set-default-sink", previousSink);
        }
        if (previousSource != null && !previousSource.isEmpty()) {
            run(false, "pactl", "set-default-source", previousSource);
        }
    }

    private static void requireInstalled() {
        List<String> missing = new ArrayList<>();
        if (!onPath("pulseaudio")) {
            missing.add("pulseaudio");
        }
        if (!onPath("pactl")) {
            missing.add("pulseaudio-utils");
        }
        if (PLUGIN_DIRS.stream().noneMatch(dir -> Files.exists(Path.of(dir, "libasound_module_pcm_pulse.so")))) {
            missing.add("libasound2-plugins");
        }
        if (!missing.isEmpty()) {
            fail("these tests need real audio devices from a user-space PulseAudio; install "
                    + String.join(" ", missing) + " (Debian: apt-get install -y pulseaudio pulseaudio-utils"
                    + " libasound2-plugins; .ci/run installs them)");
        }
    }

    /** The daemon's pid, from the pid file in the runtime directory its socket lives in. */
    private long pid() throws IOException, InterruptedException {
        for (String line : run(true, "pactl", "info").output().split("\n")) {
            if (line.startsWith("Server String:")) {
                String server = line.substring("Server String:".length()).trim();
                Path socket = Path.of(server.startsWith("unix:") ? server.substring("unix:".length()) : server);
                return Long.parseLong(Files.readString(socket.resolveSibling("pid")).trim());
            }
        }
        return fail("pactl info names no server");
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the daemon says now, for a failure message: its sinks and their state, each playing
     * and recording stream (corked or not, on which sink or source), and its log's last lines.
     */
    String snapshot() {
        StringBuilder out = new StringBuilder();
        try {
            out.append("sinks: ").append(oneLine(run(false, "pactl", "list", "short", "sinks").output()));
            out.append("; playing: ").append(streams(run(false, "pactl", "list", "sink-inputs").output()));
            out.append("; recording: ").append(streams(run(false, "pactl", "list", "source-outputs").output()));
            if (dir != null && Files.exists(dir.resolve("pulseaudio.log"))) {
                List<String> log = Files.readAllLines(dir.resolve("pulseaudio.log"));
                out.append("; its log ends: ").append(String.join(" | ", log.subList(Math.max(0, log.size() - 5), log.size())));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            out.append(" (asking PulseAudio failed: ").append(e).append(')');
        }
        return out.toString();
    }

    /** Each stream of a {@code pactl list} as "#index state/corked, sink/source, volume". */
    private static String streams(String listing) {
        List<String> streams = new ArrayList<>();
        StringBuilder current = null;
        for (String raw : listing.split("\n")) {
            String line = raw.trim();
            if (line.startsWith("Sink Input #") || line.startsWith("Source Output #")) {
                current = new StringBuilder(line.substring(line.indexOf('#')));
                streams.add("");
            } else if (current != null && (line.startsWith("Corked:") || line.startsWith("Sink:")
                    || line.startsWith("Source:") || line.startsWith("Mute:") || line.startsWith("Volume:")
                    || line.startsWith("Buffer Latency:"))) {
                current.append(' ').append(line.replaceAll("\\s+", " "));
            }
            if (current != null) {
                streams.set(streams.size() - 1, current.toString());
            }
        }
        return streams.isEmpty() ? "none" : String.join(", ", streams);
    }

    private static String oneLine(String output) {
        return output.trim().replaceAll("\\s+", " ");
    }

    private record Result(int exitCode, String output) {}

    /** Runs a PulseAudio command against this extension's daemon: its runtime directory, if it has one. */
    private Result run(boolean mustSucceed, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            builder.environment().put("PULSE_RUNTIME_PATH", dir.toString());
            builder.environment().put("PULSE_SERVER", "unix:" + dir.resolve("native"));
        }
        Process process = builder.start();
        if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return fail(String.join(" ", command) + " did not finish within " + COMMAND_SECONDS + " s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (mustSucceed && process.exitValue() != 0) {
            fail(String.join(" ", command) + " failed (" + process.exitValue() + "): " + output);
        }
        return new Result(process.exitValue(), output);
    }
}
