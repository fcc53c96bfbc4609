package dev.parley.app.signaling.server;

import dev.parley.app.signaling.protocol.ClientEnvelope;
import dev.parley.app.signaling.protocol.ClientMessage;
import dev.parley.app.signaling.protocol.ErrorCode;
import dev.parley.app.signaling.protocol.ProtocolException;
import dev.parley.app.signaling.protocol.ServerMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's state: who is registered, which calls exist, and what each message does to them.
 * Every method runs on one thread (the server's hub executor), so the state needs no locks.
 * A sender is known by its {@link ClientConnection}; it can act only on calls it is a party to,
 * and a refused message changes nothing and reaches nobody but its sender.
 *
 * <p>Call transitions are drawn on {@link Call}; {@code docs/signaling.md} lists each message's
 * errors. Logs name message types and call ids, never tokens or SDP.
 */
final class SignalingHub {
    private static final Logger LOG = LoggerFactory.getLogger(SignalingHub.class);
    /** RFC 6455 §7.4.1: 1013 "try again later". */
    static final int CLOSE_TRY_AGAIN_LATER = 1013;
    /** RFC 6455 §7.4.1: 1001 "going away", for a client silent too long. */
    static final int CLOSE_GOING_AWAY = 1001;
    /** A client silent for this many heartbeats is gone. */
    static final int SILENT_HEARTBEATS = 3;

    private final HubSettings settings;
    private final HubTimers timers;
    private final Map<ClientConnection, Member> members = new HashMap<>();
    private final Map<String, Member> byName = new LinkedHashMap<>();
    private final Map<String, Call> calls = new HashMap<>();
    private final CallTransitions transitions;
    private final PresenceBatch presence = new PresenceBatch();
    private HubTimers.Cancellable presenceFlush;

    SignalingHub(HubSettings settings, HubTimers timers) {
        this.settings = settings;
        this.timers = timers;
        this.transitions = new CallTransitions(this, settings, timers);
        timers.schedule(settings.heartbeat(), this::sweepSilent);
    }

    /**
     * Every heartbeat: drops each connection whose client has sent nothing for
     * {@value #SILENT_HEARTBEATS} heartbeats — its path may be dead without a TCP close — so its
     * name and call are free again at once (its socket's close, if ever, then finds nothing).
     */
    private void sweepSilent() {
        long limit = settings.heartbeat().toNanos() * SILENT_HEARTBEATS;
        long now = timers.nanoTime();
        List<ClientConnection> silent = new ArrayList<>();
        for (ClientConnection c : members.keySet()) {
            if (now - c.lastHeardNanos() > limit) {
                silent.add(c);
            }
        }
        for (ClientConnection c : silent) {
            LOG.info("{}: silent for {} heartbeats; closing", c.describe(), SILENT_HEARTBEATS);
            closed(c);
            c.close(CLOSE_GOING_AWAY, "no heartbeat");
        }
        timers.schedule(settings.heartbeat(), this::sweepSilent);
    }

    void opened(ClientConnection connection) {
        if (members.size() >= settings.maxClients()) {
            connection.send(new ServerMessage.Error(ErrorCode.SERVER_FULL,
                    "this server accepts " + settings.maxClients() + " clients", 0, null));
            connection.close(CLOSE_TRY_AGAIN_LATER, "server full");
            LOG.info("refused {}: server full", connection.describe());
            return;
        }
        members.put(connection, new Member(connection));
    }

    /** A message the codec refused, or the rate limiter dropped: only its sender hears of it. */
    void refused(ClientConnection connection, ProtocolException e) {
        connection.send(new ServerMessage.Error(e.code(), e.getMessage(), e.requestId(), null));
    }

    void received(ClientConnection connection, ClientEnvelope envelope) {
        Member member = members.get(connection);
        if (member == null) {
            return; // refused on open, or already closed: nothing to answer
        }
        ClientMessage message = envelope.message();
        long id = envelope.id();
        try {
            if (message instanceof ClientMessage.Ping) {
                member.connection.send(new ServerMessage.Pong(id));
            } else if (message instanceof ClientMessage.Register register) {
                register(member, id, register);
            } else if (!member.isRegistered()) {
                error(member, ErrorCode.NOT_REGISTERED, "register first", id, null);
            } else if (message instanceof ClientMessage.Invite invite) {
                transitions.invite(member, id, invite);
            } else {
                ClientMessage.CallScoped scoped = (ClientMessage.CallScoped) message;
                Call call = calls.get(scoped.callId());
                if (call == null || (call.caller != member && call.callee != member)) {
                    // Someone else's call looks exactly like no call: ids are not probed this way.
                    error(member, ErrorCode.UNKNOWN_CALL, "no call of yours has this id", id, scoped.callId());
                } else {
                    transitions.apply(member, id, call, scoped);
                }
            }
        } catch (RuntimeException e) {
            LOG.error("failed on {} from {}", message.getClass().getSimpleName(), connection.describe(), e);
            error(member, ErrorCode.INTERNAL, "the server failed on this message", id, null);
        }
    }

    void closed(ClientConnection connection) {
        Member member = members.remove(connection);
        if (member == null || !member.isRegistered()) {
            return;
        }
        byName.remove(member.name);
        LOG.debug("{} left", connection.describe());
        if (member.call != null) {
            transitions.partyLeft(member, member.call);
        }
        presenceChanged(() -> presence.left(member.name));
    }

    private void register(Member member, long id, ClientMessage.Register register) {
        if (member.isRegistered()) {
            error(member, ErrorCode.ALREADY_REGISTERED, "this connection is registered", id, null);
            return;
        }
        if (settings.token() != null && (register.token() == null || !MessageDigest.isEqual(
                settings.token().getBytes(StandardCharsets.UTF_8), register.token().getBytes(StandardCharsets.UTF_8)))) {
            error(member, ErrorCode.BAD_TOKEN, "missing or wrong access token", id, null);
            return;
        }
        if (byName.containsKey(register.name())) {
            error(member, ErrorCode.NAME_TAKEN, "someone is registered under this name", id, null);
            return;
        }
        List<String> others = new ArrayList<>(byName.keySet());
        member.name = register.name();
        byName.put(member.name, member);
        member.connection.send(new ServerMessage.Registered(id, member.name, settings.iceServers(),
                (int) settings.heartbeat().toSeconds(), (int) Math.max(1, settings.ringTimeout().toSeconds())));
        member.connection.send(new ServerMessage.Presence(others));
        presenceChanged(() -> presence.joined(member.name));
        if (register.resume() != null) {
            transitions.resume(member, register.resume());
        }
    }

    private void presenceChanged(Runnable change) {
        change.run();
        if (settings.presenceBatch().isZero()) {
            presence.flushTo(byName.values());
        } else if (presenceFlush == null) {
            presenceFlush = timers.schedule(settings.presenceBatch(), () -> {
                presenceFlush = null;
                presence.flushTo(byName.values());
            });
        }
    }

    // --- what CallTransitions needs of the hub's tables ---

    Member registered(String name) {
        return byName.get(name);
    }

    Call call(String callId) {
        return calls.get(callId);
    }

    void add(Call call) {
        calls.put(call.id, call);
    }

    /** Forgets an ended call and frees its parties. */
    void end(Call call) {
        call.cancelTimers();
        calls.remove(call.id);
        if (call.caller != null && call.caller.call == call) {
            call.caller.call = null;
        }
        if (call.callee != null && call.callee.call == call) {
            call.callee.call = null;
        }
        LOG.debug("call {} ended", call.id);
    }

    void error(Member member, ErrorCode code, String message, long id, String callId) {
        member.connection.send(new ServerMessage.Error(code, message, id, callId));
    }

    int clientCount() {
        return members.size();
    }

    int callCount() {
        return calls.size();
    }
}
