package dev.parley.app.desktop;

import dev.parley.app.call.ChatChannel;
import dev.parley.app.call.MediaState;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.RTCDataChannel;
import dev.parley.rtc.RTCDataChannelListener;
import dev.parley.rtc.RTCDataChannelMessage;
import dev.parley.rtc.RTCDataChannelState;
import dev.parley.rtc.RTCPeerConnection;
import dev.parley.rtc.RTCPeerConnectionState;
import dev.parley.ui.Messages;
import dev.parley.ui.call.SecurityCode;
import dev.parley.ui.port.CallSession;
import dev.parley.ui.port.CallSessionListener;
import dev.parley.ui.port.CallState;
import dev.parley.ui.port.CallSummary;
import dev.parley.ui.port.ChatMessage;
import dev.parley.ui.port.SelectedDevices;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call screen's {@link CallSession} over one end's {@link RTCPeerConnection}: its state from
 * the connection's, device switches through {@link CallDevices}, chat through {@link ChatChannel},
 * network samples each second through {@link CallStatsSampler}, and the security code once DTLS is
 * up. Whoever owns the connection feeds it the peer's tracks, data channel and connection states;
 * {@code hangingUp} is what ending the call means to that owner (tell the peer, close the connection).
 */
final class PeerCallSession implements CallSession {
    private static final Logger LOG = LoggerFactory.getLogger(PeerCallSession.class);
    static final long STATS_PERIOD_MILLIS = 1000;
    /** How long an ICE restart may take before the call counts as lost. */
    static final long RESTART_GIVE_UP_MILLIS = 20_000;

    private final String peerName;
    private final RTCPeerConnection pc;
    private final RTCPeerConnection receivingEnd;
    private final CallDevices devices;
    private final ChatChannel chat = new ChatChannel();
    private final CallStatsSampler sampler = new CallStatsSampler();
    private final Listeners<CallSessionListener> listeners = new Listeners<>();
    private final CompletableFuture<SecurityCode> securityCode = new CompletableFuture<>();
    private final ScheduledExecutorService timer;
    private final Executor background;
    private final Clock clock;
    private final Messages messages;
    private final Runnable hangingUp;
    private final boolean playRemoteAudio;
    private final boolean restartsIce;
    private ScheduledFuture<?> giveUp;
    private CallState state = CallState.CONNECTING;
    private MediaStreamTrack remoteVideo;
    private Instant connectedAt;
    private ScheduledFuture<?> statsTask;
    private boolean sharing;
    private RTCDataChannel stateChannel;

    /**
     * @param receivingEnd the connection whose received media the network indicator reads: {@code pc}
     *     itself in a real call, the far end in a test call
     * @param playRemoteAudio false in a test call: your own voice back on your own speakers would howl
     * @param restartsIce whether a failed connection is restarted (a call between two machines) or ends
     *     the call (a test call, which has no path to lose)
     * @param services its timer samples the statistics; its background executor derives the security
     *     code (tens of milliseconds) off the engine's threads
     */
    PeerCallSession(String peerName, RTCPeerConnection pc, RTCPeerConnection receivingEnd, CallDevices devices,
                    boolean playRemoteAudio, boolean restartsIce, CallServices services, Runnable hangingUp) {
        this.restartsIce = restartsIce;
        this.peerName = peerName;
        this.pc = pc;
        this.receivingEnd = receivingEnd;
        this.devices = devices;
        this.playRemoteAudio = playRemoteAudio;
        this.timer = services.timer();
        this.background = services.background();
        this.clock = services.clock();
        this.messages = services.messages();
        this.hangingUp = hangingUp;
    }

    // ---- fed by the connection's owner

    /** A track from the peer. */
    void remoteTrack(MediaStreamTrack track) {
        if (MediaStreamTrack.VIDEO.equals(track.kind())) {
            synchronized (this) {
                remoteVideo = track;
            }
            each(l -> l.onRemoteVideo(track));
        } else if (playRemoteAudio) {
            devices.playRemoteAudio(track).exceptionally(failure -> {
                LOG.warn("{}: cannot play the peer's audio: {}", peerName, failure.toString());
                return null;
            });
        }
    }

    /** The chat channel, ours or the one the peer announced. */
    void chatChannel(RTCDataChannel channel) {
        chat.attach(channel, text -> each(l -> l.onChat(new ChatMessage(text, false, clock.instant()))));
    }

    /**
     * The channel on which each side tells the other its mute and camera ({@link MediaState}); ours
     * goes out when it opens and on every change, theirs becomes the remote indicators.
     */
    void mediaStateChannel(RTCDataChannel channel) {
        synchronized (this) {
            stateChannel = channel;
        }
        channel.addListener(new RTCDataChannelListener() {
            @Override
            public void onOpen() {
                sendMediaState();
            }

            @Override
            public void onMessage(RTCDataChannelMessage message) {
                Optional<MediaState> state = message.isBinary() ? Optional.empty() : MediaState.parse(message.text());
                if (state.isEmpty()) {
                    LOG.debug("{}: a media-state message that is not one, ignored", peerName);
                    return;
                }
                each(l -> l.onRemoteMicrophoneMuted(state.get().microphoneMuted()));
                each(l -> l.onRemoteCameraOff(state.get().cameraOff()));
            }
        });
        if (channel.readyState() == RTCDataChannelState.OPEN) {
            sendMediaState();
        }
    }

    private void sendMediaState() {
        RTCDataChannel channel;
        synchronized (this) {
            channel = stateChannel;
        }
        if (channel != null && channel.readyState() == RTCDataChannelState.OPEN) {
            channel.send(new MediaState(devices.microphoneMuted(), !devices.cameraEnabled()).toJson());
        }
    }

    /** Our connection's state: the call's follows it. */
    void connectionState(RTCPeerConnectionState connection) {
        switch (connection) {
            case CONNECTED -> connected();
            case DISCONNECTED -> changeState(CallState.RECONNECTING);
            case FAILED -> {
                if (restartsIce) {
                    restart();
                } else {
                    end(messages.get("end.connectionLost"));
                }
            }
            default -> { }
        }
    }

    /** The call is over for a reason of the peer's or the network's ("Ada hung up"). */
    void ended(String reason) {
        end(reason);
    }

    /**
     * W3C's answer to a failed connection: new ICE credentials in the next offer (perfect negotiation
     * carries it), "Reconnecting…" meanwhile, and the call lost if it does not come back in time.
     */
    private void restart() {
        synchronized (this) {
            if (state == CallState.ENDED) {
                return;
            }
            if (giveUp == null) {
                giveUp = timer.schedule(() -> end(messages.get("end.connectionLost")), RESTART_GIVE_UP_MILLIS,
                        TimeUnit.MILLISECONDS);
            }
        }
        LOG.info("{}: the connection failed; restarting ICE", peerName);
        changeState(CallState.RECONNECTING);
        pc.restartIce();
    }

    private void connected() {
        boolean first;
        synchronized (this) {
            if (state == CallState.ENDED) {
                return;
            }
            if (giveUp != null) {
                giveUp.cancel(false);
                giveUp = null;
            }
            first = connectedAt == null;
            if (first) {
                connectedAt = clock.instant();
                statsTask = timer.scheduleAtFixedRate(this::sampleStats, 0, STATS_PERIOD_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
        if (first) {
            background.execute(() -> SecurityCode.of(pc).ifPresentOrElse(securityCode::complete,
                    () -> securityCode.completeExceptionally(new IllegalStateException("DTLS is not up"))));
        }
        changeState(CallState.CONNECTED);
    }

    private void sampleStats() {
        pc.getStats().thenCombine(receivingEnd.getStats(), (ours, received) -> {
            synchronized (sampler) {
                return sampler.next(received, ours, System.nanoTime());
            }
        }).thenAccept(sample -> sample.ifPresent(stats -> each(l -> l.onStats(stats)))).exceptionally(failure -> {
            LOG.debug("{}: stats not read: {}", peerName, failure.toString());
            return null;
        });
    }

    private void changeState(CallState next) {
        synchronized (this) {
            if (state == next || state == CallState.ENDED) {
                return;
            }
            state = next;
        }
        each(l -> l.onState(next));
    }

    private void end(String reason) {
        Instant start;
        synchronized (this) {
            if (state == CallState.ENDED) {
                return;
            }
            state = CallState.ENDED;
            start = connectedAt;
            if (statsTask != null) {
                statsTask.cancel(false);
            }
            if (giveUp != null) {
                giveUp.cancel(false);
            }
        }
        devices.close();
        securityCode.completeExceptionally(new IllegalStateException("the call ended"));
        Duration duration = start == null ? Duration.ZERO : Duration.between(start, clock.instant());
        CallSummary summary;
        synchronized (sampler) {
            summary = new CallSummary(duration, sampler.averageBitrateKbps(), sampler.totalLossFraction(), reason);
        }
        LOG.info("call with {} ended after {} s: {}", peerName, duration.toSeconds(), reason);
        each(l -> l.onState(CallState.ENDED));
        each(l -> l.onEnded(summary));
    }

    // ---- CallSession

    @Override
    public String peerName() {
        return peerName;
    }

    @Override
    public Optional<MediaStreamTrack> localVideo() {
        return devices.localVideo();
    }

    @Override
    public synchronized Optional<MediaStreamTrack> remoteVideo() {
        return Optional.ofNullable(remoteVideo);
    }

    @Override
    public synchronized CallState state() {
        return state;
    }

    @Override
    public SelectedDevices devices() {
        return devices.selected();
    }

    @Override
    public void setMicrophoneMuted(boolean muted) {
        devices.setMicrophoneMuted(muted);
        sendMediaState();
        each(l -> l.onMicrophoneMuted(muted));
    }

    @Override
    public void setCameraEnabled(boolean enabled) {
        devices.setCameraEnabled(enabled);
        sendMediaState();
        each(l -> l.onCameraEnabled(enabled));
    }

    @Override
    public void switchCamera(String deviceId) {
        devices.switchCamera(deviceId).thenAccept(track -> {
            if (!isSharing()) {
                each(l -> l.onLocalVideo(track));
            }
            each(l -> l.onDevices(devices.selected()));
        }).exceptionally(failure -> failed("switching the camera", failure));
    }

    @Override
    public void switchMicrophone(String deviceId) {
        devices.switchMicrophone(deviceId).thenAccept(track -> each(l -> l.onDevices(devices.selected())))
                .exceptionally(failure -> failed("switching the microphone", failure));
    }

    @Override
    public void switchSpeaker(String deviceId) {
        devices.switchSpeaker(deviceId).thenAccept(done -> each(l -> l.onDevices(devices.selected())))
                .exceptionally(failure -> failed("switching the speaker", failure));
    }

    @Override
    public void sendChat(String text) {
        chat.send(text);
        each(l -> l.onChat(new ChatMessage(text, true, clock.instant())));
    }

    @Override
    public CompletableFuture<SecurityCode> securityCode() {
        return securityCode;
    }

    @Override
    public void startScreenShare() {
        devices.startScreenShare().thenAccept(screen -> {
            synchronized (this) {
                sharing = true;
            }
            each(l -> l.onScreenSharing(true));
            each(l -> l.onLocalVideo(screen));
        }).exceptionally(failure -> failed("sharing the screen", failure));
    }

    @Override
    public void stopScreenShare() {
        devices.stopScreenShare().thenAccept(camera -> {
            synchronized (this) {
                sharing = false;
            }
            each(l -> l.onScreenSharing(false));
            camera.ifPresent(track -> each(l -> l.onLocalVideo(track)));
        }).exceptionally(failure -> failed("stopping the screen share", failure));
    }

    private synchronized boolean isSharing() {
        return sharing;
    }

    @Override
    public void hangUp() {
        end(messages.get("end.youHungUp"));
        hangingUp.run();
    }

    @Override
    public AutoCloseable addListener(CallSessionListener listener) {
        return listeners.add(listener);
    }

    private Void failed(String what, Throwable failure) {
        LOG.warn("{}: {} failed: {}", peerName, what, failure.toString());
        return null;
    }

    private void each(Consumer<CallSessionListener> event) {
        listeners.tell(event);
    }

}
