package dev.parley.app.desktop;

import dev.parley.app.StartupMarks;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.ui.FxThread;
import dev.parley.ui.Handles;
import dev.parley.ui.Messages;
import dev.parley.ui.Theme;
import dev.parley.ui.Ticker;
import dev.parley.ui.call.CallSummaryView;
import dev.parley.ui.call.CallSummaryViewModel;
import dev.parley.ui.call.CallView;
import dev.parley.ui.call.CallViewModel;
import dev.parley.ui.firstrun.FirstRunView;
import dev.parley.ui.firstrun.FirstRunViewModel;
import dev.parley.ui.main.MainView;
import dev.parley.ui.main.MainViewModel;
import dev.parley.ui.port.CallSession;
import dev.parley.ui.port.DeviceLists;
import dev.parley.ui.port.Devices;
import dev.parley.ui.port.Directory;
import dev.parley.ui.port.FirstRunResult;
import dev.parley.ui.port.IncomingCall;
import dev.parley.ui.port.Navigator;
import dev.parley.ui.port.OutgoingCall;
import dev.parley.ui.ringing.IncomingCallView;
import dev.parley.ui.ringing.IncomingCallViewModel;
import dev.parley.ui.ringing.OutgoingCallView;
import dev.parley.ui.ringing.OutgoingCallViewModel;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The app's windows: the main window (first the first-run screen, if no name is saved), a small
 * window for a ringing call, and a window per call that turns into its summary when it ends.
 * Everything here runs on the FX thread.
 */
final class Windows {
    /** How long a call that failed to connect keeps its reason on screen ("Bob declined"). */
    private static final javafx.util.Duration FAILURE_SHOWN = javafx.util.Duration.seconds(3);
    private static final List<String> ICONS = List.of("16", "32", "48", "64", "128", "256");

    private final Stage main;
    private final Messages messages;
    private final FxThread fx;
    private final Executor converter;
    private final Devices devices;
    private final Clock clock;
    private Theme theme;
    private final Ringer ringer;
    private Stage ringing;
    private AutoCloseable ringingModel;
    private AutoCloseable ringingSound;

    /** @param converter turns video frames into pictures for the video views, off the FX thread */
    Windows(Stage main, Messages messages, FxThread fx, Executor converter, Devices devices, Clock clock, Theme theme,
            Ringer ringer) {
        this.ringer = ringer;
        this.main = main;
        this.messages = messages;
        this.fx = fx;
        this.converter = converter;
        this.devices = devices;
        this.clock = clock;
        this.theme = theme;
        decorate(main, messages.get("app.name"));
    }

    /** {@code chosen} on every open window and every window opened from now on. */
    void theme(Theme chosen) {
        theme = chosen;
        for (javafx.stage.Window window : javafx.stage.Window.getWindows()) {
            if (window.getScene() != null) {
                chosen.applyTo(window.getScene());
            }
        }
    }

    /** The first-run screen in the main window; {@code done} gets what was chosen. */
    void showFirstRun(Consumer<FirstRunResult> done) {
        FirstRunView[] view = new FirstRunView[1];
        FirstRunViewModel vm = new FirstRunViewModel(devices, fx, messages, result -> {
            view[0].dispose();
            done.accept(result);
        });
        view[0] = new FirstRunView(vm, messages, fx, converter);
        vm.start();
        show(main, view[0], 720, 560);
    }

    /** The main window's usual screen. */
    void showMain(MainViewModel vm) {
        vm.start();
        show(main, new MainView(vm, messages), 860, 520);
    }

    /** Someone calls: a window that comes to the front. */
    void showIncomingCall(IncomingCall call, Directory directory, Navigator navigator) {
        closeRinging();
        IncomingCallViewModel vm = new IncomingCallViewModel(call, directory, navigator, fx, messages);
        ringingModel = vm;
        ringing = new Stage();
        decorate(ringing, messages.get("app.name"));
        show(ringing, new IncomingCallView(vm, messages), 560, 240);
        ringing.setAlwaysOnTop(true);
        ringing.toFront();
        ringing.setOnCloseRequest(e -> vm.decline());
        ringingSound = ringer.ring(Ringer.Ring.RINGTONE);
    }

    /** A call we placed rings: a window with cancel. */
    void showOutgoingCall(OutgoingCall call, Navigator navigator) {
        closeRinging();
        OutgoingCallViewModel vm = new OutgoingCallViewModel(call, navigator, fx, messages);
        ringingModel = vm;
        ringing = new Stage();
        decorate(ringing, messages.get("app.name"));
        show(ringing, new OutgoingCallView(vm, messages), 440, 200);
        ringing.setOnCloseRequest(e -> vm.cancel());
        vm.ringingProperty().addListener((obs, was, rings) -> {
            if (rings && ringingSound == null) {
                ringingSound = ringer.ring(Ringer.Ring.RINGBACK);
            }
        });
        Stage shown = ringing;
        vm.openProperty().addListener((obs, was, open) -> {
            if (!open) {
                // answered: the call window opens and closes this one; failed: the reason stays a moment
                PauseTransition reasonShown = new PauseTransition(FAILURE_SHOWN);
                reasonShown.setOnFinished(e -> {
                    if (ringing == shown) {
                        closeRinging();
                    }
                });
                reasonShown.play();
            }
        });
    }

    void closeRinging() {
        Handles.closeQuietly(ringingSound, "a ring");
        ringingSound = null;
        if (ringingModel != null) {
            Handles.closeQuietly(ringingModel, "a ringing screen");
            ringingModel = null;
        }
        if (ringing != null) {
            ringing.close();
            ringing = null;
        }
    }

    /** A call's window: the call screen, then its summary. */
    void openCall(CallSession session, DeviceLists deviceLists) {
        closeRinging();
        CallViewModel vm = new CallViewModel(session, deviceLists, fx, messages, clock, Ticker.fxTimeline());
        CallView view = new CallView(vm, messages, fx, converter);
        Stage stage = new Stage();
        decorate(stage, messages.get("app.name") + " \u2013 " + session.peerName());
        session.localVideo().ifPresent(Windows::markFirstPreviewFrame);
        vm.remoteVideoProperty().addListener((obs, old, track) -> {
            if (track != null) {
                track.addVideoSink(frame -> StartupMarks.remoteShown());
            }
        });
        vm.start();
        show(stage, view, 1024, 640);
        stage.setOnCloseRequest(e -> vm.hangUp());
        vm.summaryProperty().addListener((obs, none, summary) -> {
            view.dispose();
            vm.close();
            show(stage, new CallSummaryView(new CallSummaryViewModel(session.peerName(), summary, messages), messages,
                    stage::close), 420, 260);
        });
    }

    /** For the cold-start benchmark: the first frame of our camera reaching the call screen (a no-op after it). */
    private static void markFirstPreviewFrame(MediaStreamTrack track) {
        track.addVideoSink(frame -> StartupMarks.previewShown());
    }

    private void show(Stage stage, Parent content, double width, double height) {
        Scene scene = new Scene(content, width, height);
        theme.applyTo(scene);
        stage.setScene(scene);
        stage.show();
        if (stage == main) {
            StartupMarks.windowShown();
        }
    }

    private static void decorate(Stage stage, String title) {
        stage.setTitle(title);
        for (String size : ICONS) {
            var url = Windows.class.getResource("/dev/parley/resources/icons/parley-" + size + ".png");
            if (url != null) {
                stage.getIcons().add(new Image(url.toExternalForm()));
            }
        }
    }
}
