package dev.parley.app.desktop;

import dev.parley.ui.port.CallDirection;
import dev.parley.ui.port.CallHistoryEntry;
import dev.parley.app.signaling.client.CallEndReason;
import dev.parley.app.signaling.client.SignalingClient;
import dev.parley.app.signaling.client.SignalingListener;
import dev.parley.app.signaling.protocol.IceServer;
import dev.parley.app.signaling.protocol.ServerMessage;
import dev.parley.rtc.MediaStream;
import dev.parley.ui.port.CallSession;
import dev.parley.ui.port.ConnectionState;
import dev.parley.ui.port.Directory;
import dev.parley.ui.port.DirectoryListener;
import dev.parley.ui.port.IncomingCall;
import dev.parley.ui.port.OutgoingCall;
import dev.parley.ui.port.OutgoingCallListener;
import dev.parley.ui.port.SelectedDevices;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The screens' {@link Directory} over a {@link SignalingClient}: presence, placing and answering
 * calls, and the call's media once accepted ({@link LiveCall}); the call screen opens through
 * {@link CallOpener}, finished calls go to the history through {@link CallLog}. One call at a
 * time: a second caller hears "busy". Signals for an accepted call that arrive while our devices
 * are still opening wait for it.
 */
final class SignalingDirectory implements Directory, SignalingListener {
    private static final Logger LOG = LoggerFactory.getLogger(SignalingDirectory.class);

    /** Opens the call screen for a call that was answered. */
    interface CallOpener {
        void open(CallSession session);
    }

    /** Keeps finished calls. */
    interface CallLog {
        void add(CallHistoryEntry record);
    }

    private final CallServices services;
    private final Supplier<SelectedDevices> chosenDevices;
    private final CallOpener opener;
    private final CallLog log;
    private final Listeners<DirectoryListener> listeners = new Listeners<>();
    private final Set<String> online = new LinkedHashSet<>();
    private SignalingClient client;
    private List<IceServer> iceServers = List.of();
    private ConnectionState connection = ConnectionState.OFFLINE;
    /** The call being set up or in progress, if any. */
    private Pending pending;
    private LiveCall live;

    /** A call not yet connected to media: who, which way, and the signals that came before our devices opened. */
    private static final class Pending {
        final String callId;
        final String peer;
        final boolean caller;
        final Instant started;
        final List<Consumer<LiveCall>> early = new ArrayList<>();
        OutgoingHandle outgoing;
        boolean accepted;
        boolean declined;

        Pending(String callId, String peer, boolean caller, Instant started) {
            this.callId = callId;
            this.peer = peer;
            this.caller = caller;
            this.started = started;
        }
    }

    SignalingDirectory(CallServices services, Supplier<SelectedDevices> chosenDevices, CallOpener opener, CallLog log) {
        this.services = services;
        this.chosenDevices = chosenDevices;
        this.opener = opener;
        this.log = log;
    }

    /** The client this directory listens to (made with this directory as its listener). */
    synchronized void attach(SignalingClient signalingClient) {
        this.client = signalingClient;
    }

    // ---- Directory (screens)

    @Override
    public synchronized List<String> onlineNames() {
        return List.copyOf(online);
    }

    @Override
    public synchronized ConnectionState connectionState() {
        return connection;
    }

    @Override
    public OutgoingCall call(String name) {
        OutgoingHandle handle = new OutgoingHandle(name);
        client().invite(name).whenComplete((callId, failure) -> {
            if (failure != null) {
                handle.fail(reasonOf(failure));
                return;
            }
            boolean cancelledMeanwhile;
            synchronized (this) {
                handle.callId = callId;
                cancelledMeanwhile = handle.isOver();
                if (!cancelledMeanwhile) {
                    Pending p = new Pending(callId, name, true, services.clock().instant());
                    p.outgoing = handle;
                    pending = p;
                }
            }
            if (cancelledMeanwhile) {
                client().cancel(callId);   // cancelled before the server had passed the invite on
            }
        });
        return handle;
    }

    @Override
    public void accept(String callId, boolean withVideo) {
        Pending p;
        synchronized (this) {
            p = pending;
            if (p == null || !p.callId.equals(callId) || p.caller) {
                LOG.info("accepting {}: no such incoming call any more", callId);
                return;
            }
            p.accepted = true;
        }
        client().accept(callId).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.warn("accepting {} failed: {}", callId, failure.toString());
            }
        });
        startMedia(p, withVideo);
    }

    @Override
    public void decline(String callId) {
        Pending p = null;
        synchronized (this) {
            if (pending != null && pending.callId.equals(callId) && !pending.caller) {
                p = pending;
                p.declined = true;
                pending = null;
            }
        }
        client().decline(callId, "declined");
        if (p != null) {
            record(p);
        }
    }

    @Override
    public AutoCloseable addListener(DirectoryListener listener) {
        return listeners.add(listener);
    }

    // ---- SignalingListener (the client's lane)

    @Override
    public void onStateChange(SignalingClient.State state) {
        ConnectionState next = switch (state) {
            case REGISTERED -> ConnectionState.CONNECTED;
            case CONNECTING, RECONNECTING -> ConnectionState.RECONNECTING;
            case NEW, CLOSED -> ConnectionState.OFFLINE;
        };
        synchronized (this) {
            connection = next;
        }
        each(l -> l.onConnectionState(next));
    }

    @Override
    public void onRegistered(ServerMessage.Registered registered) {
        synchronized (this) {
            iceServers = registered.iceServers();
        }
    }

    @Override
    public void onPresence(List<String> names) {
        List<String> now;
        synchronized (this) {
            online.clear();
            online.addAll(names);
            now = List.copyOf(online);
        }
        each(l -> l.onPresence(now));
    }

    @Override
    public void onPresenceUpdate(String name, boolean isOnline) {
        List<String> now;
        synchronized (this) {
            if (isOnline) {
                online.add(name);
            } else {
                online.remove(name);
            }
            now = List.copyOf(online);
        }
        each(l -> l.onPresence(now));
    }

    @Override
    public void onIncomingCall(String callId, String from) {
        synchronized (this) {
            if (pending != null || live != null) {
                client.busy(callId);
                return;
            }
            pending = new Pending(callId, from, false, services.clock().instant());
        }
        client().ringing(callId);
        each(l -> l.onIncomingCall(new IncomingCall(callId, from)));
    }

    @Override
    public void onRinging(String callId) {
        OutgoingHandle handle = outgoing(callId);
        if (handle != null) {
            handle.tell(OutgoingCallListener::onRinging);
        }
    }

    @Override
    public void onAccepted(String callId) {
        Pending p;
        synchronized (this) {
            p = pending;
            if (p == null || !p.callId.equals(callId) || !p.caller) {
                return;   // the server confirms our own accept too
            }
            p.accepted = true;
        }
        p.outgoing.tell(OutgoingCallListener::onAnswered);
        startMedia(p, true);
    }

    @Override
    public void onDescription(String callId, String sdpType, String sdp) {
        toCall(callId, call -> call.peerCall().remoteDescription(sdpType, sdp));
    }

    @Override
    public void onCandidate(ServerMessage.Candidate c) {
        toCall(c.callId(), call -> call.peerCall().remoteCandidate(c.candidate(), c.sdpMid(), c.sdpMLineIndex(),
                c.usernameFragment()));
    }

    @Override
    public void onCallEnded(String callId, CallEndReason reason, String detail) {
        Pending p;
        LiveCall ended;
        synchronized (this) {
            p = pending != null && pending.callId.equals(callId) ? pending : null;
            ended = live != null && live.callId().equals(callId) ? live : null;
            if (p != null) {
                pending = null;
            }
            if (ended != null) {
                live = null;
            }
        }
        if (ended != null) {
            ended.ended(describe(reason, p == null ? "" : p.peer));
        }
        if (p == null) {
            return;
        }
        if (p.caller && !p.accepted) {
            p.outgoing.fail(describe(reason, p.peer));
        }
        if (!p.caller && !p.accepted) {
            each(l -> l.onIncomingCallEnded(callId, describe(reason, p.peer)));
        }
        record(p);
    }

    // ---- media

    private void startMedia(Pending p, boolean withVideo) {
        SelectedDevices chosen = chosenDevices.get();
        CompletableFuture<MediaStream> local = withVideo
                ? services.media().openCameraAndMicrophone(id(chosen.cameraId()), id(chosen.microphoneId()), services.cameraSize())
                : services.media().openMicrophone(id(chosen.microphoneId()));
        local.thenAccept(stream -> {
            List<Consumer<LiveCall>> early;
            LiveCall call;
            synchronized (this) {
                if (pending != p) {
                    stream.getTracks().forEach(t -> t.stop());   // ended while our devices opened
                    return;
                }
                call = LiveCall.start(p.callId, p.peer, p.caller, stream, chosen, client, iceServers, services,
                        () -> hangUp(p));
                live = call;
                early = List.copyOf(p.early);
                p.early.clear();
            }
            early.forEach(signal -> signal.accept(call));
            opener.open(call.session());
        }).exceptionally(failure -> {
            LOG.warn("call with {}: our devices did not open: {}", p.peer, failure.toString());
            hangUp(p);
            return null;
        });
    }

    /** Hang-up from our call screen (or our devices failing): tell the server, keep the record. */
    private void hangUp(Pending p) {
        synchronized (this) {
            if (pending == p) {
                pending = null;
                live = null;
            }
        }
        client().hangup(p.callId);
        record(p);
    }

    private void toCall(String callId, Consumer<LiveCall> signal) {
        LiveCall call;
        synchronized (this) {
            call = live != null && live.callId().equals(callId) ? live : null;
            if (call == null) {
                if (pending != null && pending.callId.equals(callId) && pending.accepted) {
                    pending.early.add(signal);
                }
                return;
            }
        }
        signal.accept(call);
    }

    private void record(Pending p) {
        Instant end = services.clock().instant();
        CallDirection direction = p.caller ? CallDirection.OUTGOING
                : p.accepted || p.declined ? CallDirection.INCOMING : CallDirection.MISSED;
        Duration duration = p.accepted ? Duration.between(p.started, end) : Duration.ZERO;
        try {
            log.add(new CallHistoryEntry(p.peer, direction, p.started, duration.isNegative() ? Duration.ZERO : duration));
        } catch (RuntimeException e) {
            LOG.warn("the call with {} was not added to the history: {}", p.peer, e.toString());
        }
    }

    private synchronized OutgoingHandle outgoing(String callId) {
        return pending != null && pending.callId.equals(callId) && pending.caller ? pending.outgoing : null;
    }

    private synchronized SignalingClient client() {
        if (client == null) {
            throw new IllegalStateException("no signaling client attached");
        }
        return client;
    }

    private static Optional<String> id(String deviceId) {
        return deviceId.isEmpty() ? Optional.empty() : Optional.of(deviceId);
    }

    private static String reasonOf(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    /** Why a call ended, in words for the screens ("Ada hung up"). */
    private String describe(CallEndReason reason, String peer) {
        String who = peer.isEmpty() ? services.messages().get("end.someone") : peer;
        String key = switch (reason) {
            case DECLINED -> "end.declined";
            case CANCELLED -> "end.cancelled";
            case BUSY -> "end.busy";
            case MISSED -> "end.missed";
            case HUNG_UP -> "end.hungUp";
            case PEER_GONE -> "end.peerGone";
            case CONNECTION_LOST -> "end.serverLost";
        };
        return services.messages().get(key, who);
    }

    private void each(Consumer<DirectoryListener> event) {
        listeners.tell(event);
    }


    /** The screens' handle on a call we placed. */
    private final class OutgoingHandle implements OutgoingCall {
        private final String peer;
        private final Listeners<OutgoingCallListener> handleListeners = new Listeners<>();
        volatile String callId;
        private volatile boolean over;

        OutgoingHandle(String peer) {
            this.peer = peer;
        }

        @Override
        public String peerName() {
            return peer;
        }

        @Override
        public void cancel() {
            String id;
            synchronized (SignalingDirectory.this) {
                over = true;
                id = callId;
                if (id != null && pending != null && pending.callId.equals(id)) {
                    record(pending);
                    pending = null;
                }
            }
            if (id != null) {
                client().cancel(id);
            }
        }

        boolean isOver() {
            return over;
        }

        @Override
        public AutoCloseable addListener(OutgoingCallListener listener) {
            return handleListeners.add(listener);
        }

        void fail(String reason) {
            if (!over) {
                over = true;
                tell(l -> l.onFailed(reason));
            }
        }

        void tell(Consumer<OutgoingCallListener> event) {
            handleListeners.tell(event);
        }
    }
}
