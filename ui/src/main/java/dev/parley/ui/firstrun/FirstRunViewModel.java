package dev.parley.ui.firstrun;

import dev.parley.rtc.MediaStreamTrack;
import dev.parley.ui.FxThread;
import dev.parley.ui.Handles;
import dev.parley.ui.Messages;
import dev.parley.ui.port.DeviceLists;
import dev.parley.ui.port.DeviceOption;
import dev.parley.ui.port.Devices;
import dev.parley.ui.port.FirstRunResult;
import dev.parley.ui.port.LevelListener;
import dev.parley.ui.port.SelectedDevices;
import dev.parley.ui.port.ServerChoice;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first-run screen: display name, signalling server (embedded or a ws/wss URL) and devices,
 * with a live camera preview, a microphone level meter and a speaker test. {@link #finish}
 * hands the result to the app once the name and server are valid.
 */
public final class FirstRunViewModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FirstRunViewModel.class);

    private final Devices devices;
    private final FxThread fx;
    private final Messages messages;
    private final Consumer<FirstRunResult> finished;

    private final StringProperty displayName = new SimpleStringProperty(this, "displayName", "");
    private final BooleanProperty embeddedServer = new SimpleBooleanProperty(this, "embeddedServer", true);
    private final StringProperty serverUrl = new SimpleStringProperty(this, "serverUrl", "");
    private final StringBinding nameError;
    private final StringBinding serverError;
    private final BooleanBinding canFinish;

    private final ObservableList<DeviceOption> cameras = FXCollections.observableArrayList();
    private final ObservableList<DeviceOption> microphones = FXCollections.observableArrayList();
    private final ObservableList<DeviceOption> speakers = FXCollections.observableArrayList();
    private final ObjectProperty<DeviceOption> camera = new SimpleObjectProperty<>(this, "camera");
    private final ObjectProperty<DeviceOption> microphone = new SimpleObjectProperty<>(this, "microphone");
    private final ObjectProperty<DeviceOption> speaker = new SimpleObjectProperty<>(this, "speaker");
    private final ReadOnlyObjectWrapper<MediaStreamTrack> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyDoubleWrapper microphoneLevel = new ReadOnlyDoubleWrapper(this, "microphoneLevel");
    private final ReadOnlyBooleanWrapper microphoneSpeaking = new ReadOnlyBooleanWrapper(this, "microphoneSpeaking");

    private AutoCloseable levelHandle;
    private boolean closed;

    public FirstRunViewModel(Devices devices, FxThread fx, Messages messages, Consumer<FirstRunResult> finished) {
        this.devices = Objects.requireNonNull(devices, "devices");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.finished = Objects.requireNonNull(finished, "finished");
        nameError = Bindings.createStringBinding(
                () -> DisplayNameRule.problem(displayName.get()).map(messages::get).orElse(""), displayName);
        serverError = Bindings.createStringBinding(
                () -> embeddedServer.get() ? "" : ServerUrlRule.problem(serverUrl.get()).map(messages::get).orElse(""),
                embeddedServer, serverUrl);
        canFinish = nameError.isEmpty().and(serverError.isEmpty());
        camera.addListener((obs, old, now) -> openPreview(now));
        microphone.addListener((obs, old, now) -> listenToMicrophone(now));
    }

    /** Enumerates the devices and picks the first of each kind (the system default comes first). */
    public void start() {
        devices.list().whenComplete((lists, error) -> fx.execute(() -> {
            if (error != null) {
                LOG.warn("Could not list devices", error);
                return;
            }
            showDevices(lists);
        }));
    }

    private void showDevices(DeviceLists lists) {
        if (closed) {
            return;
        }
        cameras.setAll(lists.cameras());
        microphones.setAll(lists.microphones());
        speakers.setAll(lists.speakers());
        camera.set(first(lists.cameras()));
        microphone.set(first(lists.microphones()));
        speaker.set(first(lists.speakers()));
    }

    private static DeviceOption first(List<DeviceOption> options) {
        return options.isEmpty() ? null : options.get(0);
    }

    private void openPreview(DeviceOption option) {
        stopPreview();
        if (option == null || closed) {
            return;
        }
        devices.openPreview(option.id()).whenComplete((track, error) -> fx.execute(() -> {
            if (error != null) {
                LOG.warn("Could not open camera {}", option.id(), error);
                return;
            }
            if (closed || camera.get() != option) {
                track.stop(); // picked another camera meanwhile
                return;
            }
            preview.set(track);
        }));
    }

    private void stopPreview() {
        MediaStreamTrack old = preview.get();
        preview.set(null);
        if (old != null) {
            old.stop();
        }
    }

    private void listenToMicrophone(DeviceOption option) {
        closeLevel();
        microphoneLevel.set(0);
        microphoneSpeaking.set(false);
        if (option == null || closed) {
            return;
        }
        levelHandle = devices.microphoneLevel(option.id(), new LevelListener() {
            @Override
            public void onLevel(double level) {
                fx.execute(() -> {
                    if (microphone.get() == option && !closed) {
                        microphoneLevel.set(Math.max(0, Math.min(1, level)));
                    }
                });
            }

            @Override
            public void onSpeaking(boolean speaking) {
                fx.execute(() -> {
                    if (microphone.get() == option && !closed) {
                        microphoneSpeaking.set(speaking);
                    }
                });
            }
        });
    }

    private void closeLevel() {
        if (levelHandle != null) {
            Handles.closeQuietly(levelHandle, "the level meter");
            levelHandle = null;
        }
    }

    /** Plays the test sound on the chosen speaker. */
    public void testSpeaker() {
        devices.playTestSound(idOf(speaker.get()));
    }

    /** The result, handed to the app's callback; empty (and nothing handed) while something is invalid. */
    public Optional<FirstRunResult> finish() {
        if (!canFinish.get()) {
            return Optional.empty();
        }
        ServerChoice server = embeddedServer.get()
                ? ServerChoice.embedded() : ServerChoice.remote(ServerUrlRule.parse(serverUrl.get()));
        FirstRunResult result = new FirstRunResult(displayName.get().strip(), server,
                new SelectedDevices(idOf(camera.get()), idOf(microphone.get()), idOf(speaker.get())));
        close();
        finished.accept(result);
        return Optional.of(result);
    }

    private static String idOf(DeviceOption option) {
        return option == null ? "" : option.id();
    }

    /** Stops the preview and the level meter. */
    @Override
    public void close() {
        closed = true;
        stopPreview();
        closeLevel();
    }

    public StringProperty displayNameProperty() { return displayName; }
    public BooleanProperty embeddedServerProperty() { return embeddedServer; }
    public StringProperty serverUrlProperty() { return serverUrl; }
    /** What is wrong with the name, in words; empty when it is fine. */
    public ObservableStringValue nameErrorProperty() { return nameError; }
    /** What is wrong with the server URL, in words; empty when it is fine or embedded is chosen. */
    public ObservableStringValue serverErrorProperty() { return serverError; }
    public ObservableBooleanValue canFinishProperty() { return canFinish; }
    public ObservableList<DeviceOption> cameras() { return cameras; }
    public ObservableList<DeviceOption> microphones() { return microphones; }
    public ObservableList<DeviceOption> speakers() { return speakers; }
    public ObjectProperty<DeviceOption> cameraProperty() { return camera; }
    public ObjectProperty<DeviceOption> microphoneProperty() { return microphone; }
    public ObjectProperty<DeviceOption> speakerProperty() { return speaker; }
    /** The chosen camera's preview track, null until it opened. */
    public ReadOnlyObjectProperty<MediaStreamTrack> previewProperty() { return preview.getReadOnlyProperty(); }
    /** The chosen microphone's level, 0..1. */
    public ReadOnlyDoubleProperty microphoneLevelProperty() { return microphoneLevel.getReadOnlyProperty(); }

    /** Whether the chosen microphone hears a voice now (its audio processing's voice detection). */
    public ReadOnlyBooleanProperty microphoneSpeakingProperty() { return microphoneSpeaking.getReadOnlyProperty(); }
    Messages messages() { return messages; }
}
