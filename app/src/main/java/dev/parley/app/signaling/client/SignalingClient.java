package dev.parley.app.signaling.client;

import dev.parley.app.signaling.SerialLane;
import dev.parley.app.signaling.protocol.ClientMessage;
import dev.parley.app.signaling.protocol.ErrorCode;
import dev.parley.app.signaling.protocol.ProtocolException;
import dev.parley.app.signaling.protocol.ServerMessage;
import dev.parley.app.signaling.protocol.SignalingCodec;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Session;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user's connection to a signaling server ({@code docs/signaling.md}): registers, keeps the
 * connection alive with heartbeats, reconnects with exponential backoff and jitter when it is
 * lost, registers again on its own, and claims back a call in progress — media is peer to peer,
 * so a call outlives its signaling connection.
 *
 * <p>All state lives on one serial lane; listener calls and future completions happen there.
 * Requests return {@link CompletableFuture}s that fail with {@link SignalingException} when the
 * server refuses, with {@link TimeoutException} after the request time-out, and with
 * {@link IOException} when the connection is lost first.
 *
 * <pre>
 *   NEW ─connect()─► CONNECTING ─registered─► REGISTERED ─lost─► RECONNECTING ─registered─► REGISTERED
 *                         └────────── refused (token, name) ──────────► CLOSED ◄── close()
 * </pre>
 */
public final class SignalingClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SignalingClient.class);

    /** The connection's state. */
    public enum State { NEW, CONNECTING, REGISTERED, RECONNECTING, CLOSED }

    private final SignalingClientConfig config;
    private final SignalingClientRuntime runtime;
    private final SignalingListener listener;
    private final SerialLane lane;
    private final SignalingCodec codec = new SignalingCodec();
    private final Backoff backoff;
    private final CompletableFuture<ServerMessage.Registered> firstRegistration = new CompletableFuture<>();

    // Lane-confined state.
    private State state = State.NEW;
    private Session session;
    private int generation;
    private long nextId = 1;
    private final Map<Long, CompletableFuture<ServerMessage>> pending = new HashMap<>();
    private ActiveCall call;
    private boolean everRegistered;
    private int attempt;
    private Future<?> heartbeat;
    private Duration heartbeatPeriod;
    private long undecodable;
    // Readable from any thread.
    private volatile State publishedState = State.NEW;
    private volatile ActiveCall publishedCall;

    public SignalingClient(SignalingClientConfig config, SignalingClientRuntime runtime, SignalingListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.lane = new SerialLane(runtime.scheduler());
        this.backoff = new Backoff(config.reconnectInitial(), config.reconnectMax(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** Connects and registers; completes with the first registration. Reconnects on its own afterwards. */
    public CompletableFuture<ServerMessage.Registered> connect() {
        lane.execute(() -> {
            if (state == State.NEW) {
                setState(State.CONNECTING);
                open();
            }
        });
        return firstRegistration;
    }

    public State state() {
        return publishedState;
    }

    /** The call this client is in, if any. */
    public ActiveCall currentCall() {
        return publishedCall;
    }

    /** Calls {@code peer}; completes with the new call id once the server has passed the invite on. */
    public CompletableFuture<String> invite(String peer) {
        String callId = UUID.randomUUID().toString();
        return onLane(() -> {
            if (call != null) {
                return CompletableFuture.failedFuture(new IllegalStateException("already in call " + call.callId()));
            }
            ActiveCall inviting = new ActiveCall(callId, peer, ActiveCall.Role.CALLER, ActiveCall.Phase.INVITING);
            setCall(inviting);
            return request(new ClientMessage.Invite(callId, peer)).handle((ok, failure) -> {
                if (failure != null) {
                    if (call == inviting) {
                        setCall(null);
                    }
                    throw new java.util.concurrent.CompletionException(failure);
                }
                return callId;
            });
        });
    }

    /** Tells the caller that the incoming call is shown. */
    public CompletableFuture<Void> ringing(String callId) {
        return simple(new ClientMessage.Ringing(callId), false);
    }

    public CompletableFuture<Void> accept(String callId) {
        // The ack means the server moved the call to accepted: record it now, so that a connection
        // lost before the accepted event arrives still resumes the call.
        return onLane(() -> request(new ClientMessage.Accept(callId)).thenApply(ack -> {
            if (call != null && call.callId().equals(callId)) {
                setCall(call.withPhase(ActiveCall.Phase.ACCEPTED));
            }
            return null;
        }));
    }

    public CompletableFuture<Void> decline(String callId, String reason) {
        return simple(new ClientMessage.Decline(callId, reason), true);
    }

    public CompletableFuture<Void> busy(String callId) {
        return simple(new ClientMessage.Busy(callId), true);
    }

    public CompletableFuture<Void> cancel(String callId) {
        return simple(new ClientMessage.Cancel(callId), true);
    }

    public CompletableFuture<Void> hangup(String callId) {
        return simple(new ClientMessage.Hangup(callId), true);
    }

    /**
     * Sends an offer or answer (W3C {@code RTCSdpType} spelling) to the other party. Relays carry
     * no request id, so the server sends no ack (half the messages of a busy negotiation): the
     * future completes once the message is handed to the connection, and a refusal arrives as
     * {@link SignalingListener#onError} with the call id.
     */
    public CompletableFuture<Void> sendDescription(String callId, String sdpType, String sdp) {
        return relay(new ClientMessage.Description(callId, sdpType, sdp));
    }

    /** Sends an ICE candidate to the other party (an empty {@code candidate} ends them); no ack, as descriptions. */
    public CompletableFuture<Void> sendCandidate(String callId, String candidate, String sdpMid, Integer sdpMLineIndex,
                                                 String usernameFragment) {
        return relay(new ClientMessage.Candidate(callId, candidate, sdpMid, sdpMLineIndex, usernameFragment));
    }

    private CompletableFuture<Void> relay(ClientMessage.CallScoped message) {
        return onLane(() -> {
            if (session == null || state != State.REGISTERED) {
                return CompletableFuture.failedFuture(new IOException("not connected to the signaling server"));
            }
            try {
                session.getAsyncRemote().sendText(codec.encode(0, message));
                return CompletableFuture.completedFuture(null);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(new IOException("send failed", e));
            }
        });
    }

    /** A request whose answer is an ack; {@code endsCall} forgets the call once the server agreed. */
    private CompletableFuture<Void> simple(ClientMessage.CallScoped message, boolean endsCall) {
        return onLane(() -> request(message).thenApply(ack -> {
            if (endsCall && call != null && call.callId().equals(message.callId())) {
                setCall(null);
            }
            return null;
        }));
    }

    private <T> CompletableFuture<T> onLane(Supplier<CompletableFuture<T>> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        lane.execute(() -> {
            try {
                action.get().whenComplete((value, failure) -> {
                    if (failure != null) {
                        result.completeExceptionally(unwrap(failure));
                    } else {
                        result.complete(value);
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    // --- connection lifecycle (on the lane) ---

    private void open() {
        int gen = ++generation;
        Endpoint endpoint = new ClientSocket(
                session -> lane.execute(() -> opened(gen, session)),
                text -> lane.execute(() -> received(gen, text)),
                code -> lane.execute(() -> lost(gen, "closed: " + code)));
        runtime.runBlocking(() -> {
            try {
                runtime.manager("wss".equals(config.server().getScheme())).connectToServer(endpoint, ClientEndpointConfig.Builder.create().build(), config.server());
            } catch (Exception e) {
                lane.execute(() -> connectFailed(gen, e));
            }
        });
    }

    private void connectFailed(int gen, Exception e) {
        Throwable untrusted = certificateProblem(e);
        if (untrusted != null && !everRegistered && gen == generation && state != State.CLOSED) {
            // Retrying cannot help: the user has to trust the certificate (pin it) or fix the server.
            LOG.warn("{}: server certificate not trusted: {}", config.name(), untrusted.getMessage());
            shutDown();
            firstRegistration.completeExceptionally(untrusted);
            return;
        }
        lost(gen, "connect failed: " + e);
    }

    private static Throwable certificateProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof javax.net.ssl.SSLException || t instanceof java.security.cert.CertificateException) {
                return t;
            }
        }
        return null;
    }

    private void opened(int gen, Session s) {
        if (gen != generation || state == State.CLOSED) {
            closeQuietly(s);
            return;
        }
        session = s;
        ClientMessage.Resume resume = call != null && call.phase() == ActiveCall.Phase.ACCEPTED
                ? new ClientMessage.Resume(call.callId(), call.peer()) : null;
        request(new ClientMessage.Register(config.name(), config.token(), resume)).whenComplete((answer, failure) -> {
            if (answer instanceof ServerMessage.Registered registered) {
                registered(registered);
            } else if (failure != null && gen == generation) {
                registrationFailed(unwrap(failure));
            }
        });
    }

    private void registered(ServerMessage.Registered registered) {
        everRegistered = true;
        attempt = 0;
        setState(State.REGISTERED);
        heartbeatPeriod = Duration.ofSeconds(registered.heartbeatSeconds());
        heartbeat = runtime.schedule(() -> lane.execute(this::ping), heartbeatPeriod);
        listener.onRegistered(registered);
        firstRegistration.complete(registered);
    }

    private void registrationFailed(Throwable failure) {
        boolean retry = everRegistered && failure instanceof SignalingException e && e.code() == ErrorCode.NAME_TAKEN
                || !(failure instanceof SignalingException);
        if (retry) {
            // Our previous connection may still count as registered until the server notices it is dead.
            drop("registration failed: " + failure.getMessage());
            return;
        }
        LOG.warn("{}: registration refused: {}", config.name(), failure.getMessage());
        shutDown();
        firstRegistration.completeExceptionally(failure);
    }

    private void ping() {
        if (state != State.REGISTERED) {
            return;
        }
        heartbeat = runtime.schedule(() -> lane.execute(this::ping), heartbeatPeriod);
        int gen = generation;
        request(new ClientMessage.Ping(), config.heartbeatTimeout()).whenComplete((pong, failure) -> {
            if (failure != null && gen == generation && state == State.REGISTERED) {
                drop("no heartbeat answer: " + unwrap(failure));
            }
        });
    }

    /** Gives up on the current connection (it is dead or useless) and reconnects. */
    private void drop(String why) {
        Session s = session;
        lost(generation, why);
        if (s != null) {
            runtime.runBlocking(() -> closeQuietly(s));
        }
    }

    private void lost(int gen, String why) {
        if (gen != generation || state == State.CLOSED) {
            return;
        }
        generation++;
        session = null;
        stopHeartbeat();
        failPending(new IOException("signaling connection lost (" + why + ")"));
        LOG.debug("{}: {}", config.name(), why);
        if (call != null && call.phase() != ActiveCall.Phase.ACCEPTED) {
            ActiveCall gone = call;
            setCall(null);
            listener.onCallEnded(gone.callId(), CallEndReason.CONNECTION_LOST, null);
        }
        setState(State.RECONNECTING);
        Duration delay = backoff.delay(attempt++);
        runtime.schedule(() -> lane.execute(() -> {
            if (state == State.RECONNECTING) {
                open();
            }
        }), delay);
    }

    /** Closes the connection for good; a call in progress is not hung up (call {@link #hangup} first). */
    @Override
    public void close() {
        lane.execute(() -> {
            if (state == State.CLOSED) {
                return;
            }
            Session s = session;
            shutDown();
            if (s != null) {
                runtime.runBlocking(() -> closeQuietly(s));
            }
            firstRegistration.completeExceptionally(new IOException("closed"));
        });
    }

    private void shutDown() {
        generation++;
        session = null;
        stopHeartbeat();
        failPending(new IOException("signaling client closed"));
        setState(State.CLOSED);
    }

    // --- requests and answers (on the lane) ---

    private CompletableFuture<ServerMessage> request(ClientMessage message) {
        return request(message, config.requestTimeout());
    }

    private CompletableFuture<ServerMessage> request(ClientMessage message, Duration timeout) {
        boolean allowedBeforeRegistration = message instanceof ClientMessage.Register;
        if (session == null || (state != State.REGISTERED && !allowedBeforeRegistration)) {
            return CompletableFuture.failedFuture(new IOException("not connected to the signaling server"));
        }
        long id = nextId++;
        CompletableFuture<ServerMessage> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            session.getAsyncRemote().sendText(codec.encode(id, message));
        } catch (RuntimeException e) {
            pending.remove(id);
            return CompletableFuture.failedFuture(new IOException("send failed", e));
        }
        runtime.schedule(() -> lane.execute(() -> {
            CompletableFuture<ServerMessage> late = pending.remove(id);
            if (late != null) {
                late.completeExceptionally(new TimeoutException(
                        message.getClass().getSimpleName() + " unanswered after " + timeout.toMillis() + " ms"));
            }
        }), timeout);
        return answer;
    }

    private void received(int gen, String text) {
        if (gen != generation) {
            return;
        }
        ServerMessage message;
        try {
            message = codec.decodeServerMessage(text);
        } catch (ProtocolException e) {
            undecodable++;
            LOG.warn("{}: undecodable message from the server ({}), {} so far", config.name(), e.code().wireName(), undecodable);
            return;
        }
        long re = answeredRequest(message);
        if (re > 0) {
            CompletableFuture<ServerMessage> waiting = pending.remove(re);
            if (waiting != null) {
                if (message instanceof ServerMessage.Error error) {
                    waiting.completeExceptionally(new SignalingException(error));
                } else {
                    waiting.complete(message);
                }
            }
            return;
        }
        ServerEvents.dispatch(message, this);
    }

    private static long answeredRequest(ServerMessage message) {
        if (message instanceof ServerMessage.Ack a) {
            return a.re();
        } else if (message instanceof ServerMessage.Pong p) {
            return p.re();
        } else if (message instanceof ServerMessage.Registered r) {
            return r.re();
        } else if (message instanceof ServerMessage.Error e) {
            return e.re();
        }
        return 0;
    }

    // --- what ServerEvents needs (on the lane) ---

    SignalingListener listener() {
        return listener;
    }

    ActiveCall call() {
        return call;
    }

    void setCall(ActiveCall next) {
        call = next;
        publishedCall = next;
    }

    private void setState(State next) {
        if (state != next) {
            state = next;
            publishedState = next;
            listener.onStateChange(next);
        }
    }

    private void stopHeartbeat() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
            heartbeat = null;
        }
    }

    private void failPending(Throwable why) {
        for (CompletableFuture<ServerMessage> f : new ArrayList<>(pending.values())) {
            f.completeExceptionally(why);
        }
        pending.clear();
    }

    private static void closeQuietly(Session s) {
        try {
            s.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("close failed: {}", e.toString());
        }
    }
}
