package dev.parley.app.signaling.protocol;

import java.util.List;

/**
 * What the server sends a client (version 1, {@code docs/signaling.md}). Immutable; each
 * constructor checks its fields. {@code re} fields echo the {@code id} of the request answered.
 */
public sealed interface ServerMessage {

    /** Messages about one call. */
    sealed interface CallScoped extends ServerMessage {
        String callId();
    }

    /**
     * Registration succeeded.
     *
     * @param iceServers the STUN/TURN servers the operator configured, for {@code RTCConfiguration}
     * @param heartbeatSeconds how often the client should ping; the server drops a connection
     *     silent for three times as long
     * @param ringSeconds how long an unanswered invite rings before it counts as missed
     */
    record Registered(long re, String name, List<IceServer> iceServers, int heartbeatSeconds, int ringSeconds)
            implements ServerMessage {
        public Registered {
            Check.requestId("re", re);
            Check.name("name", name);
            iceServers = Check.list("iceServers", iceServers, 32);
            if (heartbeatSeconds < 1 || ringSeconds < 1) {
                throw new IllegalArgumentException("heartbeatSeconds, ringSeconds: positive");
            }
        }
    }

    /** Everyone registered apart from the recipient, sent once after {@code registered}. */
    record Presence(List<String> online) implements ServerMessage {
        public Presence {
            online = Check.list("online", online, 1_000_000);
            online.forEach(n -> Check.name("online", n));
        }
    }

    /**
     * Who registered and who left since the last update. The server gathers changes for a short
     * while (100 ms by default) and sends them together, so that a thousand clients joining cost
     * each other a few messages rather than a thousand each. Apply them as set operations: an
     * update may repeat what the recipient's {@code presence} list already said.
     */
    record PresenceUpdate(List<String> joined, List<String> left) implements ServerMessage {
        public PresenceUpdate {
            joined = Check.list("joined", joined, 1_000_000);
            left = Check.list("left", left, 1_000_000);
            joined.forEach(n -> Check.name("joined", n));
            left.forEach(n -> Check.name("left", n));
        }
    }

    /** {@code from} calls the recipient. {@code from} is written by the server, from the caller's registration. */
    record Incoming(String callId, String from) implements CallScoped {
        public Incoming {
            Check.callId(callId);
            Check.name("from", from);
        }
    }

    /** The callee's app shows the call. */
    record Ringing(String callId) implements CallScoped {
        public Ringing {
            Check.callId(callId);
        }
    }

    /** The callee took the call; sent to both parties. */
    record Accepted(String callId) implements CallScoped {
        public Accepted {
            Check.callId(callId);
        }
    }

    /** The callee refused; {@code reason} is the callee's text or null. */
    record Declined(String callId, String reason) implements CallScoped {
        public Declined {
            Check.callId(callId);
            Check.optional("reason", reason, Check.MAX_SHORT_TEXT);
        }
    }

    /** The caller gave up (or lost its connection) before the call was answered. */
    record Cancelled(String callId) implements CallScoped {
        public Cancelled {
            Check.callId(callId);
        }
    }

    /** The callee is in another call. */
    record Busy(String callId) implements CallScoped {
        public Busy {
            Check.callId(callId);
        }
    }

    /** Nobody answered within the ring time; sent to both parties. */
    record Missed(String callId) implements CallScoped {
        public Missed {
            Check.callId(callId);
        }
    }

    /**
     * The call ended: {@code reason} is {@code hangup} (the other party hung up) or
     * {@code peer-gone} (the other party lost its connection and did not come back in time).
     */
    record HungUp(String callId, String reason) implements CallScoped {
        public HungUp {
            Check.callId(callId);
            Check.required("reason", reason, Check.MAX_SHORT_TEXT);
        }
    }

    /** The other party's offer or answer. */
    record Description(String callId, String sdpType, String sdp) implements CallScoped {
        public Description {
            new ClientMessage.Description(callId, sdpType, sdp);
        }
    }

    /** The other party's ICE candidate; an empty {@code candidate} marks the end of candidates. */
    record Candidate(String callId, String candidate, String sdpMid, Integer sdpMLineIndex,
                     String usernameFragment) implements CallScoped {
        public Candidate {
            new ClientMessage.Candidate(callId, candidate, sdpMid, sdpMLineIndex, usernameFragment);
        }
    }

    /** Both parties of an accepted call are connected again after one or both reconnected. */
    record Resumed(String callId, String peer) implements CallScoped {
        public Resumed {
            Check.callId(callId);
            Check.name("peer", peer);
        }
    }

    /** The request {@code re} was accepted; its effects follow as events. */
    record Ack(long re) implements ServerMessage {
        public Ack {
            Check.requestId("re", re);
        }
    }

    /** Answers {@code ping}. */
    record Pong(long re) implements ServerMessage {
        public Pong {
            Check.requestId("re", re);
        }
    }

    /**
     * A request failed or a message was refused. {@code re} is the failed request's id (0 when
     * it had none or could not be read); {@code callId} is the call concerned, or null.
     */
    record Error(ErrorCode code, String message, long re, String callId) implements ServerMessage {
        public Error {
            if (code == null) {
                throw new IllegalArgumentException("code: required, one of the protocol's codes");
            }
            Check.required("message", message, 1024);
            Check.requestId("re", re);
            if (callId != null) {
                Check.callId(callId);
            }
        }
    }
}
