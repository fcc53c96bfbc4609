package dev.parley.app.signaling.server;

import dev.parley.app.signaling.protocol.ClientMessage;
import dev.parley.app.signaling.protocol.ErrorCode;
import dev.parley.app.signaling.protocol.ServerMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each call message does to a {@link Call} (the diagram is on that class), on the hub's
 * thread. A message that does not fit the call's state or the sender's role is answered with
 * {@code invalid-state} and changes nothing. Requests with an id are acknowledged once they took
 * effect; relayed descriptions and candidates go to the other party only.
 */
final class CallTransitions {
    private static final Logger LOG = LoggerFactory.getLogger(CallTransitions.class);
    static final String REASON_HANGUP = "hangup";
    static final String REASON_PEER_GONE = "peer-gone";
    static final String REASON_UNAVAILABLE = "unavailable";

    private final SignalingHub hub;
    private final HubSettings settings;
    private final HubTimers timers;

    CallTransitions(SignalingHub hub, HubSettings settings, HubTimers timers) {
        this.hub = hub;
        this.settings = settings;
        this.timers = timers;
    }

    void invite(Member caller, long id, ClientMessage.Invite invite) {
        if (caller.call != null) {
            hub.error(caller, ErrorCode.INVALID_STATE, "already in a call", id, invite.callId());
            return;
        }
        if (hub.call(invite.callId()) != null) {
            hub.error(caller, ErrorCode.DUPLICATE_CALL, "this call id is in use", id, invite.callId());
            return;
        }
        if (invite.to().equals(caller.name)) {
            hub.error(caller, ErrorCode.SELF_CALL, "you cannot call yourself", id, invite.callId());
            return;
        }
        Member callee = hub.registered(invite.to());
        if (callee == null) {
            hub.error(caller, ErrorCode.UNKNOWN_USER, "nobody of that name is registered", id, invite.callId());
            return;
        }
        ack(caller, id);
        if (callee.call != null) {
            caller.connection.send(new ServerMessage.Busy(invite.callId()));
            return;
        }
        Call call = new Call(invite.callId(), caller.name, callee.name, Call.State.INVITED);
        call.caller = caller;
        call.callee = callee;
        caller.call = call;
        callee.call = call;
        hub.add(call);
        call.ringTimer = timers.schedule(settings.ringTimeout(), () -> ringTimedOut(call));
        callee.connection.send(new ServerMessage.Incoming(call.id, caller.name));
        LOG.debug("call {} invited", call.id);
    }

    /** A message about {@code call} from one of its parties. */
    void apply(Member from, long id, Call call, ClientMessage.CallScoped message) {
        Member other = call.other(from);
        if (message instanceof ClientMessage.Ringing) {
            if (!call.isCallee(from) || !call.isRinging()) {
                invalid(from, id, call, "only the callee of a ringing call sends ringing");
                return;
            }
            ack(from, id);
            if (call.state == Call.State.INVITED) {
                call.state = Call.State.RINGING;
                other.connection.send(new ServerMessage.Ringing(call.id));
            }
        } else if (message instanceof ClientMessage.Accept) {
            if (!call.isCallee(from) || !call.isRinging()) {
                invalid(from, id, call, "only the callee of a ringing call accepts");
                return;
            }
            call.cancelTimers();
            call.state = Call.State.ACCEPTED;
            ack(from, id);
            other.connection.send(new ServerMessage.Accepted(call.id));
            from.connection.send(new ServerMessage.Accepted(call.id));
        } else if (message instanceof ClientMessage.Decline decline) {
            if (!call.isCallee(from) || !call.isRinging()) {
                invalid(from, id, call, "only the callee of a ringing call declines");
                return;
            }
            endWith(from, id, call, new ServerMessage.Declined(call.id, decline.reason()));
        } else if (message instanceof ClientMessage.Busy) {
            if (!call.isCallee(from) || !call.isRinging()) {
                invalid(from, id, call, "only the callee of a ringing call answers busy");
                return;
            }
            endWith(from, id, call, new ServerMessage.Busy(call.id));
        } else if (message instanceof ClientMessage.Cancel) {
            if (!call.isCaller(from) || !call.isRinging()) {
                invalid(from, id, call, "only the caller of a ringing call cancels");
                return;
            }
            endWith(from, id, call, new ServerMessage.Cancelled(call.id));
        } else if (message instanceof ClientMessage.Hangup) {
            if (call.state != Call.State.ACCEPTED) {
                invalid(from, id, call, "hang up an accepted call; cancel or decline a ringing one");
                return;
            }
            endWith(from, id, call, new ServerMessage.HungUp(call.id, REASON_HANGUP));
        } else if (message instanceof ClientMessage.Description d) {
            relay(from, id, call, new ServerMessage.Description(d.callId(), d.sdpType(), d.sdp()));
        } else if (message instanceof ClientMessage.Candidate c) {
            relay(from, id, call, new ServerMessage.Candidate(c.callId(), c.candidate(), c.sdpMid(),
                    c.sdpMLineIndex(), c.usernameFragment()));
        } else {
            throw new IllegalStateException("unhandled call message " + message.getClass().getSimpleName());
        }
    }

    /** {@code member} lost its connection while in {@code call}. */
    void partyLeft(Member member, Call call) {
        Member other = call.other(member);
        if (call.isRinging()) {
            hub.end(call);
            if (other != null) {
                other.connection.send(call.isCaller(member) ? new ServerMessage.Cancelled(call.id)
                        : new ServerMessage.Declined(call.id, REASON_UNAVAILABLE));
            }
            return;
        }
        // Accepted: media is peer to peer and may well go on; wait for the party to come back.
        vacate(call, member);
        if (other == null) {
            hub.end(call);
        } else if (call.graceTimer == null) {
            call.graceTimer = timers.schedule(settings.resumeGrace(), () -> graceExpired(call));
        }
    }

    /**
     * A client registered saying it was in {@code claim}'s call. It takes its side back if the
     * server knows that call between these two names; a call the server does not know (it
     * restarted) is taken as accepted and waits, for the resume grace, for the peer to claim it
     * too. The call id, 128 random bits shared only by the parties, is what proves the claim.
     */
    void resume(Member member, ClientMessage.Resume claim) {
        Call call = hub.call(claim.callId());
        if (call == null) {
            call = new Call(claim.callId(), member.name, claim.peer(), Call.State.ACCEPTED);
            call.caller = member;
            member.call = call;
            hub.add(call);
            Call waiting = call;
            call.graceTimer = timers.schedule(settings.resumeGrace(), () -> graceExpired(waiting));
            LOG.debug("call {} waits for its peer to resume", call.id);
            return;
        }
        boolean matches = call.state == Call.State.ACCEPTED
                && (member.name.equals(call.callerName) && claim.peer().equals(call.calleeName) && call.caller == null
                    || member.name.equals(call.calleeName) && claim.peer().equals(call.callerName) && call.callee == null);
        if (!matches) {
            hub.error(member, ErrorCode.UNKNOWN_CALL, "no call of yours to resume has this id", 0, claim.callId());
            return;
        }
        if (member.name.equals(call.callerName)) {
            call.caller = member;
        } else {
            call.callee = member;
        }
        member.call = call;
        Member other = call.other(member);
        if (other != null) {
            call.cancelTimers();
            member.connection.send(new ServerMessage.Resumed(call.id, other.name));
            other.connection.send(new ServerMessage.Resumed(call.id, member.name));
            LOG.debug("call {} resumed", call.id);
        }
    }

    private void relay(Member from, long id, Call call, ServerMessage message) {
        if (call.state != Call.State.ACCEPTED) {
            invalid(from, id, call, "descriptions and candidates flow once the call is accepted");
            return;
        }
        Member other = call.other(from);
        if (other == null) {
            invalid(from, id, call, "the other party is reconnecting; send again when the call resumes");
            return;
        }
        other.connection.send(message);
        ack(from, id);
    }

    private void endWith(Member from, long id, Call call, ServerMessage toOther) {
        Member other = call.other(from);
        hub.end(call);
        ack(from, id);
        if (other != null) {
            other.connection.send(toOther);
        }
    }

    private void ringTimedOut(Call call) {
        if (hub.call(call.id) != call || !call.isRinging()) {
            return;
        }
        hub.end(call);
        ServerMessage missed = new ServerMessage.Missed(call.id);
        call.caller.connection.send(missed);
        call.callee.connection.send(missed);
        LOG.debug("call {} missed", call.id);
    }

    private void graceExpired(Call call) {
        if (hub.call(call.id) != call) {
            return;
        }
        hub.end(call);
        for (Member m : new Member[] {call.caller, call.callee}) {
            if (m != null) {
                m.connection.send(new ServerMessage.HungUp(call.id, REASON_PEER_GONE));
            }
        }
    }

    private static void vacate(Call call, Member member) {
        if (call.caller == member) {
            call.caller = null;
        } else if (call.callee == member) {
            call.callee = null;
        }
        member.call = null;
    }

    private void invalid(Member from, long id, Call call, String why) {
        hub.error(from, ErrorCode.INVALID_STATE, why, id, call.id);
    }

    private static void ack(Member member, long id) {
        if (id > 0) {
            member.connection.send(new ServerMessage.Ack(id));
        }
    }
}
