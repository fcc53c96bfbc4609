package dev.parley.app.desktop;

import dev.parley.app.media.AppMedia;
import dev.parley.app.settings.AppDirectories;
import dev.parley.app.settings.CallHistoryStore;
import dev.parley.ui.port.CallDirection;
import dev.parley.ui.port.CallHistoryEntry;
import dev.parley.ui.port.ServerChoice;
import dev.parley.app.settings.Settings;
import dev.parley.app.settings.SettingsStore;
import dev.parley.rtc.EngineSettings;
import dev.parley.ui.DialogService;
import dev.parley.ui.FxThread;
import dev.parley.ui.JavaFxDialogService;
import dev.parley.ui.Messages;
import dev.parley.ui.Theme;
import dev.parley.ui.main.MainViewModel;
import dev.parley.ui.port.CallDirection;
import dev.parley.ui.port.CallHistoryEntry;
import dev.parley.ui.port.CallSession;
import dev.parley.ui.port.FirstRunResult;
import dev.parley.ui.port.IncomingCall;
import dev.parley.ui.port.Navigator;
import dev.parley.ui.port.OutgoingCall;
import dev.parley.ui.port.SelectedDevices;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app's composition root: settings and history on disk, the devices, the embedded
 * server (the default) or a configured one, the signaling client and its directory, and the
 * windows. It is also the screens' {@link Navigator}. Started by {@link #run}; ends when the main
 * window closes.
 */
public final class DesktopApp implements Navigator, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);
    /** How long fetching a server's certificate (to ask the user about it) may take. */
    private static final Duration PROBE_DEADLINE = Duration.ofSeconds(5);

    private final DesktopOptions options;
    private final Clock clock = Clock.systemDefaultZone();
    private final Messages messages = Messages.forLocale(Locale.getDefault());
    private final FxThread fx = FxThread.platform();
    private final ExecutorService converter = Executors.newFixedThreadPool(2, daemon("parley-video-convert"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("parley-app-timer"));
    private final ExecutorService background = Executors.newFixedThreadPool(2, daemon("parley-app-work"));
    private final SettingsStore settingsStore;
    private final CallHistoryStore history;
    private final AppMedia media;
    private final AppDevices devices;
    private final CallServices services;
    private final TestCallStarter testCalls;
    private volatile Settings settings;   // changed on the FX thread, read by background work too
    private Windows windows;
    private MainViewModel mainModel;
    private EmbeddedServerHost host;
    private DialogService dialogs;
    private SignalingConnection connection;
    private SignalingDirectory directory;

    DesktopApp(DesktopOptions options) {
        this.options = options;
        AppDirectories directories = options.settingsDir()
                .map(dir -> new AppDirectories(dir, dir, dir.resolve("logs")))
                .orElseGet(AppDirectories::forCurrentUser);
        this.settingsStore = SettingsStore.in(directories, clock);
        this.history = CallHistoryStore.in(directories, clock);
        this.media = options.syntheticDevices() ? AppMedia.synthetic(options.cameraFile()) : AppMedia.standard(options.cameraFile());
        this.devices = new AppDevices(media, timer);
        this.services = new CallServices(media, EngineSettings.defaults(), options.cameraSize(), timer, background, clock,
                messages);
        this.testCalls = new TestCallStarter(services);
    }

    /** Starts JavaFX and the app, and returns when the app has ended. */
    public static void run(DesktopOptions options) throws InterruptedException {
        if (SoftwareRendering.chooseForThisMachine()) {
            LOG.info("No GPU device found: rendering with JavaFX's software pipeline (set -Dprism.order to choose)");
        }
        CountDownLatch ended = new CountDownLatch(1);
        DesktopApp app = new DesktopApp(options);
        Platform.setImplicitExit(false);   // the app decides: it ends with its main window
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setOnHidden(e -> {
                app.close();
                Platform.exit();
                ended.countDown();
            });
            app.show(stage);
        });
        ended.await();
    }

    /** Shows the first window: the first-run screen until a name is saved, then the main screen. */
    void show(Stage stage) {
        settings = settingsStore.load();
        dialogs = new JavaFxDialogService(stage);
        if (!settings.hasDisplayName() && options.name().isPresent()) {
            settings = settings.withDisplayName(options.name().get());
        }
        windows = new Windows(stage, messages, fx, converter, devices, clock, settings.theme(),
                new Ringer(media, () -> settings.speakerId().orElse(""), timer));
        if (settings.hasDisplayName()) {
            connectAndShowMain();
        } else {
            windows.showFirstRun(result -> {
                settings = apply(settings, result);
                save();
                connectAndShowMain();
            });
        }
    }

    private void connectAndShowMain() {
        directory = new SignalingDirectory(services, this::chosenDevices, this::openCall, this::record);
        mainModel = new MainViewModel(directory, this, fx, messages, ZoneId.systemDefault());
        mainModel.setHistory(history.list());
        mainModel.setIdentity(settings.displayName(), "");
        mainModel.showTheme(settings.theme());
        windows.showMain(mainModel);
        CompletableFuture.supplyAsync(this::serverUri, background).thenAccept(this::connect).exceptionally(failure -> {
            LOG.error("cannot reach a signaling server: {}", failure.toString());
            return null;
        });
        if (options.testCall()) {
            startTestCall();
        }
    }

    /** The saved server, the one from the command line, or our own embedded one (started here). */
    private URI serverUri() {
        Optional<URI> chosen = options.server().or(() -> settings.server().url());
        if (chosen.isPresent()) {
            return chosen.get();
        }
        try {
            host = EmbeddedServerHost.start(options.bindHost(), options.port());
        } catch (IOException e) {
            throw new IllegalStateException("the embedded server did not start: " + e.getMessage(), e);
        }
        String reachable = host.reachableAt().stream().findFirst().map(URI::toString).orElse(host.localUri().toString());
        fx.execute(() -> mainModel.setIdentity(settings.displayName(), reachable));
        return host.localUri();
    }

    private void connect(URI server) {
        ServerPins pins = new ServerPins(() -> settings, changed -> {
            settings = changed;
            save();
        });
        SignalingConnection.Status status = new SignalingConnection.Status() {
            @Override
            public void offline(String reason) {
                fx.execute(() -> mainModel.setOfflineReason(reason));
            }
        };
        connection = new SignalingConnection(server, settings.displayName(), directory, pins,
                new ServerTrustPrompt(dialogs, messages), fx, background, timer, messages, status, PROBE_DEADLINE);
        connection.start();
    }

    // ---- Navigator

    @Override
    public void openSettings() {
        windows.showFirstRun(result -> {
            settings = apply(settings, result);
            save();
            windows.showMain(mainModel);
        });
    }

    @Override
    public void showOutgoingCall(OutgoingCall call) {
        windows.showOutgoingCall(call, this);
    }

    @Override
    public void showIncomingCall(IncomingCall call) {
        windows.showIncomingCall(call, directory, this);
    }

    @Override
    public void showMain() {
        windows.closeRinging();
    }

    @Override
    public void applyTheme(Theme theme) {
        settings = settings.withTheme(theme);
        save();
        windows.theme(theme);
    }

    @Override
    public void startTestCall() {
        testCalls.start(messages.get("testCall.peer"), chosenDevices()).thenAccept(this::openCall).exceptionally(failure -> {
            LOG.warn("the test call did not start: {}", failure.toString());
            return null;
        });
    }

    private void openCall(CallSession session) {
        devices.list().thenAccept(lists -> fx.execute(() -> windows.openCall(session, lists)));
    }

    // ---- settings and history

    private SelectedDevices chosenDevices() {
        return new SelectedDevices(settings.cameraId().orElse(""), settings.microphoneId().orElse(""),
                settings.speakerId().orElse(""));
    }

    private static Settings apply(Settings settings, FirstRunResult result) {
        return settings.withDisplayName(result.displayName()).withServer(result.server())
                .withDevices(id(result.devices().cameraId()), id(result.devices().microphoneId()),
                        id(result.devices().speakerId()));
    }

    private static Optional<String> id(String deviceId) {
        return deviceId.isEmpty() ? Optional.empty() : Optional.of(deviceId);
    }

    private void save() {
        try {
            settingsStore.save(settings);
        } catch (IOException e) {
            LOG.warn("settings not saved to {}: {}", settingsStore.path(), e.toString());
        }
    }

    private void record(CallHistoryEntry call) {
        try {
            history.append(call);
        } catch (IOException e) {
            LOG.warn("call history not saved to {}: {}", history.path(), e.toString());
        }
        fx.execute(() -> mainModel.addHistory(call));
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
        if (host != null) {
            host.close();
        }
        media.close();
        timer.shutdownNow();
        background.shutdownNow();
        converter.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
