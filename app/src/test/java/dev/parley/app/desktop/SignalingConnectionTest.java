package dev.parley.app.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.app.media.AppMedia;
import dev.parley.app.media.VideoSize;
import dev.parley.app.settings.Settings;
import dev.parley.app.settings.SettingsStore;
import dev.parley.app.settings.TrustedServer;
import dev.parley.app.signaling.client.ServerTrust;
import dev.parley.app.signaling.e2e.SelfSignedCertificate;
import dev.parley.app.signaling.server.SignalingServer;
import dev.parley.app.signaling.server.SignalingServerConfig;
import dev.parley.rtc.EngineSettings;
import dev.parley.ui.DialogService;
import dev.parley.ui.FxThread;
import dev.parley.ui.Messages;
import dev.parley.ui.port.ConnectionState;
import dev.parley.ui.port.SelectedDevices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app connecting to a user's own wss:// server with a self-signed certificate (real TLS on
 * loopback, settings on disk): asked once, trusted, pinned and saved; not asked again on a new
 * start; offline with a reason on Cancel; asked again, as CHANGED, when the certificate changes.
 */
class SignalingConnectionTest {
    private static final int WAIT = 20;

    @TempDir
    Path dir;
    private final Messages messages = Messages.forLocale(Locale.ROOT);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService background = Executors.newFixedThreadPool(2);
    private final AppMedia media = AppMedia.synthetic();
    private final List<SignalingConnection> connections = new ArrayList<>();
    private SelfSignedCertificate certificate;
    private SignalingServer server;
    private URI address;
    private SettingsStore store;

    /** Answers the trust question from a script, and remembers each question asked. */
    private static final class ScriptedDialogs implements DialogService {
        record Question(String title, String message, String confirmButton, String cancelButton) {}

        final List<Question> asked = new ArrayList<>();
        final Deque<Boolean> answers = new ArrayDeque<>();

        ScriptedDialogs(Boolean... answers) {
            this.answers.addAll(List.of(answers));
        }

        @Override
        public synchronized boolean confirm(String title, String message, String confirmButton, String cancelButton) {
            asked.add(new Question(title, message, confirmButton, cancelButton));
            if (answers.isEmpty()) {
                throw new AssertionError("asked without a scripted answer: " + title);
            }
            return answers.removeFirst();
        }

        @Override
        public boolean confirm(String title, String message) {
            throw new AssertionError("the trust question names its buttons");
        }

        @Override
        public void showError(String title, String message) {
            throw new AssertionError("unexpected error dialog: " + message);
        }

        @Override
        public void showInformation(String title, String message) {
            throw new AssertionError("unexpected information dialog: " + message);
        }

        @Override
        public Optional<String> askText(String title, String message, String initialText) {
            throw new AssertionError("unexpected text question");
        }
    }

    /** One start of the app: its directory, its connection and what its status line was told. */
    private final class Start {
        final SignalingDirectory directory;
        final SignalingConnection connection;
        final CompletableFuture<String> offlineReason = new CompletableFuture<>();

        Start(ScriptedDialogs dialogs) {
            this(dialogs, "Ada");
        }

        Start(ScriptedDialogs dialogs, String name) {
            CallServices services = new CallServices(media, EngineSettings.defaults(), new VideoSize(320, 180), timer,
                    background, Clock.systemUTC(), messages);
            directory = new SignalingDirectory(services, () -> new SelectedDevices("", "", ""), session -> { }, entry -> { });
            ServerPins pins = new ServerPins(store::load, changed -> {
                try {
                    store.save(changed);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            SignalingConnection.Status status = new SignalingConnection.Status() {
                @Override
                public void offline(String reason) {
                    offlineReason.complete(reason);
                }
            };
            connection = new SignalingConnection(address, name, directory, pins, new ServerTrustPrompt(dialogs, messages),
                    FxThread.inline(), background, timer, messages, status, Duration.ofSeconds(5));
            connections.add(connection);
        }

        boolean connect() throws Exception {
            return connection.start().get(WAIT, TimeUnit.SECONDS);
        }
    }

    @BeforeEach
    void start() throws Exception {
        certificate = SelfSignedCertificate.create(Files.createDirectory(dir.resolve("server")));
        server = SignalingServer.start(SignalingServerConfig.builder()
                .tls(certificate.certificateFile(), certificate.keyFile()).build());
        address = server.webSocketUri();
        store = new SettingsStore(dir.resolve("settings.json"), Clock.systemUTC());
        store.save(Settings.defaults().withDisplayName("Ada"));
    }

    @AfterEach
    void stop() {
        connections.forEach(SignalingConnection::close);
        server.close();
        media.close();
        timer.shutdownNow();
        background.shutdownNow();
    }

    private String fingerprint() throws Exception {
        return ServerTrust.fingerprint(certificate.certificate());
    }

    private String where() {
        return "127.0.0.1:" + server.port();
    }

    @Test
    void anUntrustedCertificateIsAskedAboutOnce_trustConnectsAndSavesThePin() throws Exception {
        ScriptedDialogs dialogs = new ScriptedDialogs(true);
        Start app = new Start(dialogs);

        assertTrue(app.connect());
        assertEquals(ConnectionState.CONNECTED, app.directory.connectionState());
        assertEquals(1, dialogs.asked.size());
        ScriptedDialogs.Question question = dialogs.asked.get(0);
        assertEquals("Trust this server's certificate?", question.title());
        assertTrue(question.message().contains(where()), question.message());
        assertTrue(question.message().contains("not signed by a known authority"), question.message());
        assertTrue(question.message().contains(fingerprint()), question.message());
        assertTrue(question.message().contains("operator"), question.message());
        assertEquals("Trust", question.confirmButton());
        assertEquals("Cancel", question.cancelButton());
        assertEquals(Optional.of(fingerprint()), store.load().trustedFingerprint(address), "the pin is in the settings file");
        assertFalse(app.offlineReason.isDone());
    }

    @Test
    void aNewStartWithTheSavedPinConnectsWithoutAsking() throws Exception {
        assertTrue(new Start(new ScriptedDialogs(true)).connect());
        connections.forEach(SignalingConnection::close);   // the app ends

        ScriptedDialogs nobodyAsked = new ScriptedDialogs();
        // Another name: the server may not have noticed yet that the first start's "Ada" is gone.
        Start again = new Start(nobodyAsked, "Ada2");
        assertTrue(again.connect());
        assertEquals(ConnectionState.CONNECTED, again.directory.connectionState());
        assertEquals(List.of(), nobodyAsked.asked);
    }

    @Test
    void cancelStaysOfflineWithTheReasonAndSavesNothing() throws Exception {
        ScriptedDialogs dialogs = new ScriptedDialogs(false);
        Start app = new Start(dialogs);

        assertFalse(app.connect());
        assertEquals(1, dialogs.asked.size());
        assertEquals(ConnectionState.OFFLINE, app.directory.connectionState());
        String reason = app.offlineReason.get(WAIT, TimeUnit.SECONDS);
        assertEquals("you did not trust the certificate of " + where(), reason);
        assertEquals(Optional.empty(), store.load().trustedServer());
    }

    @Test
    void aChangedCertificateIsAskedAboutAgainAsChanged() throws Exception {
        // The certificate trusted earlier for this address; the server now presents another one.
        String before = ServerTrust.fingerprint(
                SelfSignedCertificate.create(Files.createDirectory(dir.resolve("earlier"))).certificate());
        store.save(store.load().withTrustedServer(Optional.of(new TrustedServer(address, before))));
        ScriptedDialogs dialogs = new ScriptedDialogs(true);
        Start app = new Start(dialogs);

        assertTrue(app.connect());
        assertEquals(1, dialogs.asked.size());
        ScriptedDialogs.Question question = dialogs.asked.get(0);
        assertEquals("The server's certificate CHANGED", question.title());
        assertTrue(question.message().contains("has CHANGED since you trusted it"), question.message());
        assertTrue(question.message().contains("possible attack"), question.message());
        assertTrue(question.message().contains(before), "shows what was trusted: " + question.message());
        assertTrue(question.message().contains(fingerprint()), "shows what is presented: " + question.message());
        assertEquals(Optional.of(fingerprint()), store.load().trustedFingerprint(address), "the new pin replaced the old");
    }

    @Test
    void aChangedCertificateThatIsNotTrustedKeepsTheOldPinAndStaysOffline() throws Exception {
        String before = ServerTrust.fingerprint(
                SelfSignedCertificate.create(Files.createDirectory(dir.resolve("earlier"))).certificate());
        store.save(store.load().withTrustedServer(Optional.of(new TrustedServer(address, before))));
        Start app = new Start(new ScriptedDialogs(false));

        assertFalse(app.connect());
        assertEquals(ConnectionState.OFFLINE, app.directory.connectionState());
        assertTrue(app.offlineReason.get(WAIT, TimeUnit.SECONDS).contains("did not trust"));
        assertEquals(Optional.of(before), store.load().trustedFingerprint(address));
    }

    @Test
    void otherFailuresAreNotQuestionsAboutTheCertificate() throws Exception {
        store.save(store.load().withTrustedServer(Optional.of(new TrustedServer(address, fingerprint()))));
        assertTrue(new Start(new ScriptedDialogs()).connect());
        ScriptedDialogs nobodyAsked = new ScriptedDialogs();
        Start second = new Start(nobodyAsked);   // the same name: the server refuses the registration

        assertFalse(second.connect());
        assertEquals(List.of(), nobodyAsked.asked);
        String reason = second.offlineReason.get(WAIT, TimeUnit.SECONDS);
        assertTrue(reason.startsWith("could not connect: ") && reason.contains("name-taken"), reason);
    }
}
