package dev.parley.ui.fakes;

import dev.parley.rtc.MediaStreamTrack;
import dev.parley.ui.call.SecurityCode;
import dev.parley.ui.port.CallSession;
import dev.parley.ui.port.CallSessionListener;
import dev.parley.ui.port.CallState;
import dev.parley.ui.port.ChatMessage;
import dev.parley.ui.port.SelectedDevices;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A call the test drives. Like a real session it confirms mute, camera, device switches and
 * sent chat through its listeners (unless {@link #confirm} is off, as for a failing device).
 */
public final class FakeCallSession implements CallSession {
    public final List<CallSessionListener> listeners = new CopyOnWriteArrayList<>();
    /** What the screen asked, in order: "mute true", "camera false", "switchCamera cam2", "chat hi", "hangUp"… */
    public final List<String> requests = new CopyOnWriteArrayList<>();
    public final CompletableFuture<SecurityCode> securityCode = new CompletableFuture<>();
    public volatile boolean confirm = true;
    public volatile CallState state = CallState.CONNECTING;
    public volatile SelectedDevices devices = new SelectedDevices("cam1", "mic1", "spk1");
    public volatile MediaStreamTrack local;
    public volatile MediaStreamTrack remote;
    private final String peer;

    public FakeCallSession(String peer) {
        this.peer = peer;
    }

    @Override public String peerName() { return peer; }
    @Override public Optional<MediaStreamTrack> localVideo() { return Optional.ofNullable(local); }
    @Override public Optional<MediaStreamTrack> remoteVideo() { return Optional.ofNullable(remote); }
    @Override public CallState state() { return state; }
    @Override public SelectedDevices devices() { return devices; }
    @Override public CompletableFuture<SecurityCode> securityCode() { return securityCode; }

    @Override
    public void setMicrophoneMuted(boolean muted) {
        requests.add("mute " + muted);
        if (confirm) {
            emit(l -> l.onMicrophoneMuted(muted));
        }
    }

    @Override
    public void setCameraEnabled(boolean enabled) {
        requests.add("camera " + enabled);
        if (confirm) {
            emit(l -> l.onCameraEnabled(enabled));
        }
    }

    @Override
    public void switchCamera(String deviceId) {
        requests.add("switchCamera " + deviceId);
        switched(new SelectedDevices(deviceId, devices.microphoneId(), devices.speakerId()));
    }

    @Override
    public void switchMicrophone(String deviceId) {
        requests.add("switchMicrophone " + deviceId);
        switched(new SelectedDevices(devices.cameraId(), deviceId, devices.speakerId()));
    }

    @Override
    public void switchSpeaker(String deviceId) {
        requests.add("switchSpeaker " + deviceId);
        switched(new SelectedDevices(devices.cameraId(), devices.microphoneId(), deviceId));
    }

    private void switched(SelectedDevices now) {
        if (confirm) {
            devices = now;
            emit(l -> l.onDevices(now));
        }
    }

    @Override
    public void sendChat(String text) {
        requests.add("chat " + text);
        if (confirm) {
            emit(l -> l.onChat(new ChatMessage(text, true, Instant.EPOCH)));
        }
    }

    @Override
    public void startScreenShare() {
        requests.add("share true");
        if (confirm) {
            emit(l -> l.onScreenSharing(true));
        }
    }

    @Override
    public void stopScreenShare() {
        requests.add("share false");
        if (confirm) {
            emit(l -> l.onScreenSharing(false));
        }
    }

    @Override
    public void hangUp() {
        requests.add("hangUp");
    }

    @Override
    public AutoCloseable addListener(CallSessionListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void emit(Consumer<CallSessionListener> event) {
        listeners.forEach(event);
    }

    public void setState(CallState now) {
        state = now;
        emit(l -> l.onState(now));
    }
}
