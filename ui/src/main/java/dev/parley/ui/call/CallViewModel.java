package dev.parley.ui.call;

import dev.parley.rtc.MediaStreamTrack;
import dev.parley.ui.FxThread;
import dev.parley.ui.Handles;
import dev.parley.ui.Messages;
import dev.parley.ui.Ticker;
import dev.parley.ui.port.CallSession;
import dev.parley.ui.port.CallSessionListener;
import dev.parley.ui.port.CallState;
import dev.parley.ui.port.CallStats;
import dev.parley.ui.port.CallSummary;
import dev.parley.ui.port.ChatMessage;
import dev.parley.ui.port.DeviceLists;
import dev.parley.ui.port.DeviceOption;
import dev.parley.ui.port.SelectedDevices;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call in progress. Toggles ask the session and the properties change only when the session
 * reports the real state (a camera that fails to start stays shown as off). The timer counts
 * from the first CONNECTED, read from the injected clock on each tick of the injected ticker.
 */
public final class CallViewModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallViewModel.class);

    private final CallSession session;
    private final FxThread fx;
    private final Messages messages;
    private final Clock clock;
    private final Ticker ticker;

    private final ReadOnlyObjectWrapper<CallState> state = new ReadOnlyObjectWrapper<>(this, "state", CallState.CONNECTING);
    private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper(this, "elapsed", "00:00");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText");
    private final ReadOnlyBooleanWrapper microphoneMuted = new ReadOnlyBooleanWrapper(this, "microphoneMuted");
    private final ReadOnlyBooleanWrapper cameraEnabled = new ReadOnlyBooleanWrapper(this, "cameraEnabled", true);
    private final ReadOnlyBooleanWrapper screenSharing = new ReadOnlyBooleanWrapper(this, "screenSharing");
    private final ReadOnlyBooleanWrapper remoteMuted = new ReadOnlyBooleanWrapper(this, "remoteMuted");
    private final ReadOnlyBooleanWrapper remoteCameraOff = new ReadOnlyBooleanWrapper(this, "remoteCameraOff");
    private final ReadOnlyObjectWrapper<MediaStreamTrack> localVideo = new ReadOnlyObjectWrapper<>(this, "localVideo");
    private final ReadOnlyObjectWrapper<MediaStreamTrack> remoteVideo = new ReadOnlyObjectWrapper<>(this, "remoteVideo");
    private final ReadOnlyObjectWrapper<SelectedDevices> devices = new ReadOnlyObjectWrapper<>(this, "devices");
    private final ObservableList<DeviceOption> cameras = FXCollections.observableArrayList();
    private final ObservableList<DeviceOption> microphones = FXCollections.observableArrayList();
    private final ObservableList<DeviceOption> speakers = FXCollections.observableArrayList();
    private final ObservableList<ChatMessage> chat = FXCollections.observableArrayList();
    private final StringProperty chatDraft = new SimpleStringProperty(this, "chatDraft", "");
    private final BooleanProperty chatOpen = new SimpleBooleanProperty(this, "chatOpen");
    private final ReadOnlyBooleanWrapper unreadChat = new ReadOnlyBooleanWrapper(this, "unreadChat");
    private final ReadOnlyObjectWrapper<NetworkQuality> quality = new ReadOnlyObjectWrapper<>(this, "quality");
    private final ReadOnlyStringWrapper qualityDetails = new ReadOnlyStringWrapper(this, "qualityDetails", "");
    private final ReadOnlyStringWrapper securityWords = new ReadOnlyStringWrapper(this, "securityWords", "");
    private final BooleanProperty fullScreen = new SimpleBooleanProperty(this, "fullScreen");
    private final ReadOnlyObjectWrapper<CallSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final BooleanBinding reconnecting = Bindings.equal(CallState.RECONNECTING, state);
    private final BooleanBinding secured = securityWords.isNotEmpty();

    private Instant connectedAt;
    private AutoCloseable subscription;
    private AutoCloseable ticking;

    public CallViewModel(CallSession session, DeviceLists deviceLists, FxThread fx, Messages messages, Clock clock,
            Ticker ticker) {
        this.session = Objects.requireNonNull(session, "session");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        cameras.setAll(deviceLists.cameras());
        microphones.setAll(deviceLists.microphones());
        speakers.setAll(deviceLists.speakers());
        chatOpen.addListener((obs, was, open) -> {
            if (open) {
                unreadChat.set(false);
            }
        });
    }

    /** Subscribes to the session, shows its current state and starts the timer. Call on the FX thread. */
    public void start() {
        subscription = session.addListener(new Events());
        session.localVideo().ifPresent(localVideo::set);
        session.remoteVideo().ifPresent(remoteVideo::set);
        devices.set(session.devices());
        showState(session.state());
        session.securityCode().whenComplete((code, error) -> fx.execute(() -> {
            if (error != null) {
                LOG.warn("No security code for the call with {}", session.peerName(), error);
            } else {
                securityWords.set(String.join(" ", code.words()));
            }
        }));
        ticking = ticker.everySecond(this::updateElapsed);
    }

    private final class Events implements CallSessionListener {
        @Override
        public void onState(CallState newState) {
            fx.execute(() -> showState(newState));
        }

        @Override
        public void onLocalVideo(MediaStreamTrack track) {
            fx.execute(() -> localVideo.set(track));
        }

        @Override
        public void onRemoteVideo(MediaStreamTrack track) {
            fx.execute(() -> remoteVideo.set(track));
        }

        @Override
        public void onMicrophoneMuted(boolean muted) {
            fx.execute(() -> microphoneMuted.set(muted));
        }

        @Override
        public void onCameraEnabled(boolean enabled) {
            fx.execute(() -> cameraEnabled.set(enabled));
        }

        @Override
        public void onDevices(SelectedDevices selected) {
            fx.execute(() -> devices.set(selected));
        }

        @Override
        public void onScreenSharing(boolean sharing) {
            fx.execute(() -> screenSharing.set(sharing));
        }

        @Override
        public void onRemoteMicrophoneMuted(boolean muted) {
            fx.execute(() -> remoteMuted.set(muted));
        }

        @Override
        public void onRemoteCameraOff(boolean off) {
            fx.execute(() -> remoteCameraOff.set(off));
        }

        @Override
        public void onChat(ChatMessage message) {
            fx.execute(() -> {
                chat.add(message);
                if (!message.fromMe() && !chatOpen.get()) {
                    unreadChat.set(true);
                }
            });
        }

        @Override
        public void onStats(CallStats stats) {
            fx.execute(() -> showStats(stats));
        }

        @Override
        public void onEnded(CallSummary callSummary) {
            fx.execute(() -> {
                showState(CallState.ENDED);
                summary.set(callSummary);
            });
        }
    }

    private void showState(CallState newState) {
        if (state.get() == CallState.ENDED) {
            return; // nothing comes back from the end
        }
        if (newState == CallState.CONNECTED && connectedAt == null) {
            connectedAt = clock.instant();
        }
        state.set(newState);
        statusText.set(messages.get("call.state." + newState.name().toLowerCase(Locale.ROOT), session.peerName()));
        updateElapsed();
        if (newState == CallState.ENDED) {
            fullScreen.set(false);
            stopTicking();
        }
    }

    private void updateElapsed() {
        if (connectedAt != null) {
            elapsed.set(CallDurationFormat.format(Duration.between(connectedAt, clock.instant())));
        }
    }

    private void showStats(CallStats stats) {
        NetworkQuality level = NetworkQuality.of(stats);
        quality.set(level);
        qualityDetails.set(messages.get("call.quality.details",
                messages.get("call.quality." + level.name().toLowerCase(Locale.ROOT)),
                Math.round(stats.rttMs()), String.format(Locale.ROOT, "%.1f", stats.lossFraction() * 100),
                Math.round(stats.bitrateKbps())));
    }

    public void toggleMicrophone() {
        session.setMicrophoneMuted(!microphoneMuted.get());
    }

    public void toggleCamera() {
        session.setCameraEnabled(!cameraEnabled.get());
    }

    public void toggleScreenShare() {
        if (screenSharing.get()) {
            session.stopScreenShare();
        } else {
            session.startScreenShare();
        }
    }

    public void toggleFullScreen() {
        fullScreen.set(!fullScreen.get());
    }

    public void switchCamera(DeviceOption option) {
        if (option != null && !option.id().equals(devices.get().cameraId())) {
            session.switchCamera(option.id());
        }
    }

    public void switchMicrophone(DeviceOption option) {
        if (option != null && !option.id().equals(devices.get().microphoneId())) {
            session.switchMicrophone(option.id());
        }
    }

    public void switchSpeaker(DeviceOption option) {
        if (option != null && !option.id().equals(devices.get().speakerId())) {
            session.switchSpeaker(option.id());
        }
    }

    /** Sends the draft (trimmed) and clears it; a blank draft sends nothing. */
    public void sendChat() {
        String text = chatDraft.get() == null ? "" : chatDraft.get().strip();
        if (text.isEmpty() || state.get() == CallState.ENDED) {
            return;
        }
        session.sendChat(text);
        chatDraft.set("");
    }

    public void hangUp() {
        if (state.get() != CallState.ENDED) {
            session.hangUp();
        }
    }

    private void stopTicking() {
        Handles.closeQuietly(ticking, "the call timer");
        ticking = null;
    }

    @Override
    public void close() {
        stopTicking();
        Handles.closeQuietly(subscription, "the call screen's session subscription");
        subscription = null;
    }


    public String peerName() { return session.peerName(); }
    public ReadOnlyObjectProperty<CallState> stateProperty() { return state.getReadOnlyProperty(); }
    /** Time since connected, mm:ss or h:mm:ss. */
    public ReadOnlyStringProperty elapsedProperty() { return elapsed.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusTextProperty() { return statusText.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty microphoneMutedProperty() { return microphoneMuted.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty cameraEnabledProperty() { return cameraEnabled.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty screenSharingProperty() { return screenSharing.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty remoteMutedProperty() { return remoteMuted.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty remoteCameraOffProperty() { return remoteCameraOff.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<MediaStreamTrack> localVideoProperty() { return localVideo.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<MediaStreamTrack> remoteVideoProperty() { return remoteVideo.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<SelectedDevices> devicesProperty() { return devices.getReadOnlyProperty(); }
    public ObservableList<DeviceOption> cameras() { return cameras; }
    public ObservableList<DeviceOption> microphones() { return microphones; }
    public ObservableList<DeviceOption> speakers() { return speakers; }
    public ObservableList<ChatMessage> chat() { return chat; }
    public StringProperty chatDraftProperty() { return chatDraft; }
    public BooleanProperty chatOpenProperty() { return chatOpen; }
    /** A peer's line arrived while the chat panel was closed. */
    public ReadOnlyBooleanProperty unreadChatProperty() { return unreadChat.getReadOnlyProperty(); }
    /** Null until the first stats sample. */
    public ReadOnlyObjectProperty<NetworkQuality> qualityProperty() { return quality.getReadOnlyProperty(); }
    /** The numbers behind the quality, for the tooltip. */
    public ReadOnlyStringProperty qualityDetailsProperty() { return qualityDetails.getReadOnlyProperty(); }
    /** The four words, space-separated; empty until DTLS is up. */
    public ReadOnlyStringProperty securityWordsProperty() { return securityWords.getReadOnlyProperty(); }
    /** True once the security code is known: shows the lock. */
    public ObservableBooleanValue securedProperty() { return secured; }
    public ObservableBooleanValue reconnectingProperty() { return reconnecting; }
    public BooleanProperty fullScreenProperty() { return fullScreen; }
    /** Set when the call ended. */
    public ReadOnlyObjectProperty<CallSummary> summaryProperty() { return summary.getReadOnlyProperty(); }
}
