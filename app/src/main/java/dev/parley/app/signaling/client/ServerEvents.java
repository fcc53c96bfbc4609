package dev.parley.app.signaling.client;

import dev.parley.app.signaling.protocol.ErrorCode;
import dev.parley.app.signaling.protocol.ServerMessage;

/**
 * Turns the server's events (messages that answer no request) into the client's call state and
 * listener calls. Runs on the client's lane.
 */
final class ServerEvents {
    private ServerEvents() {}

    static void dispatch(ServerMessage message, SignalingClient client) {
        SignalingListener listener = client.listener();
        ActiveCall call = client.call();
        if (message instanceof ServerMessage.Presence p) {
            listener.onPresence(p.online());
        } else if (message instanceof ServerMessage.PresenceUpdate u) {
            u.joined().forEach(name -> listener.onPresenceUpdate(name, true));
            u.left().forEach(name -> listener.onPresenceUpdate(name, false));
        } else if (message instanceof ServerMessage.Incoming in) {
            if (call == null) {
                client.setCall(new ActiveCall(in.callId(), in.from(), ActiveCall.Role.CALLEE, ActiveCall.Phase.INVITING));
            }
            listener.onIncomingCall(in.callId(), in.from());
        } else if (message instanceof ServerMessage.Ringing r) {
            if (isCurrent(call, r.callId())) {
                client.setCall(call.withPhase(ActiveCall.Phase.RINGING));
            }
            listener.onRinging(r.callId());
        } else if (message instanceof ServerMessage.Accepted a) {
            if (isCurrent(call, a.callId())) {
                client.setCall(call.withPhase(ActiveCall.Phase.ACCEPTED));
            }
            listener.onAccepted(a.callId());
        } else if (message instanceof ServerMessage.Declined d) {
            ended(client, d.callId(), CallEndReason.DECLINED, d.reason());
        } else if (message instanceof ServerMessage.Cancelled c) {
            ended(client, c.callId(), CallEndReason.CANCELLED, null);
        } else if (message instanceof ServerMessage.Busy b) {
            ended(client, b.callId(), CallEndReason.BUSY, null);
        } else if (message instanceof ServerMessage.Missed m) {
            ended(client, m.callId(), CallEndReason.MISSED, null);
        } else if (message instanceof ServerMessage.HungUp h) {
            ended(client, h.callId(), "peer-gone".equals(h.reason()) ? CallEndReason.PEER_GONE : CallEndReason.HUNG_UP,
                    null);
        } else if (message instanceof ServerMessage.Description d) {
            listener.onDescription(d.callId(), d.sdpType(), d.sdp());
        } else if (message instanceof ServerMessage.Candidate c) {
            listener.onCandidate(c);
        } else if (message instanceof ServerMessage.Resumed r) {
            listener.onResumed(r.callId(), r.peer());
        } else if (message instanceof ServerMessage.Error e) {
            if (e.code() == ErrorCode.UNKNOWN_CALL && isCurrent(call, e.callId())) {
                // The server could not give our call back on re-registering.
                ended(client, e.callId(), CallEndReason.PEER_GONE, null);
            }
            listener.onError(e);
        }
    }

    private static boolean isCurrent(ActiveCall call, String callId) {
        return call != null && call.callId().equals(callId);
    }

    private static void ended(SignalingClient client, String callId, CallEndReason reason, String detail) {
        if (isCurrent(client.call(), callId)) {
            client.setCall(null);
        }
        client.listener().onCallEnded(callId, reason, detail);
    }
}
