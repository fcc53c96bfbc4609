package dev.parley.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.app.testing.Pictures;
import dev.parley.app.testing.XDisplay;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #9's end-to-end check: two Parley apps, each a process in its own network namespace, on
 * one X display, call each other through their windows as two people would.
 *
 * <pre>
 *   Ada: hosts the embedded server   10.213.80.1 ── veth ── 10.213.80.2   Bob: uses Ada's server
 *        synthetic camera and tone                                        synthetic camera, a magenta
 *                                                                         file camera, tone
 * </pre>
 *
 * Each sees the other online; Ada calls Bob, Bob answers with video; both call screens show the
 * other's test pattern (pixels counted in snapshots of the remote video) and the same security
 * code; they chat both ways; Bob switches his camera to the magenta file camera in the call's
 * device menu and Ada's screen turns magenta (the switch reached the far end without dropping the
 * call); Ada hangs up and both see the summary. Snapshots of every step are kept in
 * {@code target/e2e-screenshots/}.
 *
 * <p>X clients reach the display through its unix socket in /tmp, which network namespaces do not
 * separate. Needs root (namespaces), iproute2 and Xvfb (or a DISPLAY): run with -Pinterop.
 */
class TwoAppsCallInteropIT {
    private static final String ADA_IP = "10.213.80.1";
    private static final String BOB_IP = "10.213.80.2";
    private static final int PORT = 47800;
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration STEP = Duration.ofSeconds(30);
    private static final Duration VIDEO = Duration.ofSeconds(45);
    /** Colourful pixels of the test pattern on the remote video view, black bars included: 0.6 measured here. */
    private static final double MIN_PATTERN_SHARE = 0.3;
    private static final Color FILE_CAMERA_COLOUR = new Color(255, 0, 255);
    /** The file camera's colour on the remote video view: 0.76 measured here (the rest is black bars). */
    private static final double MIN_FILE_CAMERA_SHARE = 0.5;
    private static final double MAX_FILE_COLOUR_IN_PATTERN = 0.1;

    private final Path shots = Path.of("target", "e2e-screenshots").toAbsolutePath();
    private int shotNumber;

    @TempDir
    Path work;

    @Test
    void twoAppsCallEachOtherChatSwitchACameraAndHangUp() throws Exception {
        assumeTrue(isRoot(), "network namespaces need root");
        assumeTrue(onPath("ip"), "needs iproute2 (ip)");
        Optional<XDisplay> display = XDisplay.obtain();
        assumeTrue(display.isPresent(), "needs an X display or Xvfb (apt-get install xvfb)");
        Files.createDirectories(shots);
        Path magenta = SolidColourVideo.write(work.resolve("magenta.y4m"), FILE_CAMERA_COLOUR, 320, 180, 30);

        try (XDisplay x = display.get();
             NamespacePair net = NamespacePair.create(ADA_IP, BOB_IP);
             AppProcess ada = AppProcess.start("Ada", net::inFirst, x.name(), Path.of(dir("ada-tmp")), List.of("--synthetic-devices",
                     "--settings-dir", dir("ada"), "--name", "Ada", "--host", ADA_IP, "--port", "" + PORT,
                     "--camera-size", "640x360"));
             AppProcess bob = AppProcess.start("Bob", net::inSecond, x.name(), Path.of(dir("bob-tmp")), List.of("--camera-file", magenta.toString(),
                     "--settings-dir", dir("bob"), "--name", "Bob", "--server", "ws://" + ADA_IP + ":" + PORT + "/signal",
                     "--camera-size", "640x360"))) {

            // Each sees the other online, through Ada's embedded server across the link.
            ada.await("Bob online", "ITEMS main online", items(i -> i.equals("Bob")), START);
            bob.await("Ada online", "ITEMS main online", items(i -> i.equals("Ada")), START);
            snap(ada, "main", "ada-main");
            snap(bob, "main", "bob-main");

            // Ada calls Bob; Bob's ringing window comes up; he answers with video.
            ada.ok("SELECT main online Bob");
            ada.ok("FIRE main call");
            bob.await("the incoming call window", "ROOTS", roots("incomingCall"), STEP);
            assertTrue(bob.ok("TEXT incomingCall callerPrompt").contains("Ada"), bob.output());
            snap(bob, "incomingCall", "bob-ringing");
            bob.ok("FIRE incomingCall answerVideo");

            // Both call screens show the other's test pattern, and the same security code.
            ada.await("the call window", "ROOTS", roots("call"), STEP);
            bob.await("the call window", "ROOTS", roots("call"), STEP);
            BufferedImage adaSeesBob = awaitRemoteVideo(ada, "ada-sees-bob-pattern", Pictures::colourfulShare,
                    MIN_PATTERN_SHARE);
            awaitRemoteVideo(bob, "bob-sees-ada-pattern", Pictures::colourfulShare, MIN_PATTERN_SHARE);
            double magentaBefore = Pictures.shareNear(adaSeesBob, FILE_CAMERA_COLOUR);
            assertTrue(magentaBefore < MAX_FILE_COLOUR_IN_PATTERN, "the test pattern is not mostly magenta: "
                    + magentaBefore + " (the camera switch check below could not tell)");
            String code = ada.await("the security code", "TEXT call securityCode", TwoAppsCallInteropIT::isSecurityCode, STEP);
            assertEquals(code, bob.await("the security code", "TEXT call securityCode", TwoAppsCallInteropIT::isSecurityCode, STEP),
                    "both screens show the same security code");
            snap(ada, "call", "ada-call");
            snap(bob, "call", "bob-call");

            // Chat, both ways, through the call's data channel.
            chat(ada, bob, "hello Bob");
            chat(bob, ada, "hi Ada");
            snap(ada, "call", "ada-chat");
            snap(bob, "call", "bob-chat");

            // Bob switches his camera in the call's device menu; Ada's screen shows the new camera.
            String fileCamera = bob.ok("MENU call devices File: " + magenta.getFileName());
            bob.await("the file camera chosen in the menu", "MENUITEMS call devices",
                    items -> Arrays.asList(items.split(" ")).contains(fileCamera + "=true"), STEP);
            awaitRemoteVideo(ada, "ada-sees-bob-file-camera", image -> Pictures.shareNear(image, FILE_CAMERA_COLOUR),
                    MIN_FILE_CAMERA_SHARE);
            snap(ada, "call", "ada-after-switch");
            snap(bob, "call", "bob-after-switch");

            // Ada hangs up; both call windows turn into the summary.
            ada.ok("FIRE call hangUp");
            ada.await("Ada's summary", "ROOTS", roots("callSummary"), STEP);
            bob.await("Bob's summary", "ROOTS", roots("callSummary"), STEP);
            assertTrue(bob.ok("TEXT callSummary summaryReason").contains("Ada"), "Bob's summary says Ada ended the call"
                    + bob.output());
            assertTrue(ada.ok("TEXT callSummary summaryTitle").contains("Bob"), ada.output());
            snap(ada, "callSummary", "ada-summary");
            snap(bob, "callSummary", "bob-summary");
        }
    }

    private String dir(String name) throws Exception {
        return Files.createDirectories(work.resolve(name)).toString();
    }

    /** {@code from} types {@code text} in the chat and sends it; {@code to}'s chat shows it from the peer. */
    private static void chat(AppProcess from, AppProcess to, String text) throws Exception {
        if (from.ok("SELECTED call chatToggle").equals("false")) {
            from.ok("FIRE call chatToggle");   // opens the chat panel, as a person would
        }
        from.ok("TYPE call chatInput " + text);
        from.ok("FIRE call chatSend");
        from.await("our own line in the chat", "ITEMS call chatList", items(i -> i.equals("me: " + text)), STEP);
        to.await("'" + text + "' in the chat", "ITEMS call chatList", items(i -> i.equals("peer: " + text)), STEP);
    }

    /**
     * Snapshots of {@code app}'s remote video until {@code measure} of one reaches {@code least}
     * (frames take a moment to arrive and paint); that snapshot, kept as {@code name}.
     */
    private BufferedImage awaitRemoteVideo(AppProcess app, String name, ToDoubleFunction<BufferedImage> measure,
            double least) throws Exception {
        Path file = shots.resolve(String.format("%02d-%s.png", ++shotNumber, name));
        long deadline = System.nanoTime() + VIDEO.toNanos();
        double last;
        do {
            app.ok("SNAP call remoteVideo " + file);
            BufferedImage image = Pictures.read(file);
            last = measure.applyAsDouble(image);
            if (last >= least) {
                System.out.printf("%s: %.2f of the remote video's pixels (at least %.2f wanted)%n", name, last, least);
                return image;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(name + ": the remote video measured " + last + " < " + least + " for "
                + VIDEO.toSeconds() + " s; see " + file + app.output());
    }

    private void snap(AppProcess app, String window, String name) throws Exception {
        app.ok("SNAP " + window + " - " + shots.resolve(String.format("%02d-%s.png", ++shotNumber, name)));
    }

    private static Predicate<String> items(Predicate<String> anyItem) {
        return reply -> Arrays.stream(reply.split(" \\| ")).anyMatch(anyItem);
    }

    private static Predicate<String> roots(String id) {
        return reply -> Arrays.asList(reply.split(" ")).contains(id);
    }

    /** Four words (PGP word list) once the call is secured; "Securing…" before. */
    private static boolean isSecurityCode(String text) {
        return text.matches("[A-Za-z]+( [A-Za-z]+){3}");
    }

    private static boolean isRoot() throws Exception {
        Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(id.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim();
        return id.waitFor() == 0 && uid.equals("0");
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
