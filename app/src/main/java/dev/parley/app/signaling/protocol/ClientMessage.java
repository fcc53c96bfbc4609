package dev.parley.app.signaling.protocol;

import java.util.Set;

/**
 * What a client sends the server (version 1, {@code docs/signaling.md}). Immutable; each
 * constructor checks its fields and throws {@link IllegalArgumentException} on a bad one. None
 * carries the sender: the server knows it from the connection.
 */
public sealed interface ClientMessage {

    /** Messages about one call: the server routes them by {@link #callId()}. */
    sealed interface CallScoped extends ClientMessage {
        String callId();
    }

    /** The SDP types of W3C {@code RTCSdpType}. */
    Set<String> SDP_TYPES = Set.of("offer", "answer", "pranswer", "rollback");

    /**
     * Joins the server under a display name.
     *
     * @param token the server's access token when it requires one, else null
     * @param resume the call this client was in before it lost the connection, else null
     */
    record Register(String name, String token, Resume resume) implements ClientMessage {
        public Register {
            Check.name("name", name);
            Check.optional("token", token, Check.MAX_SHORT_TEXT);
        }
    }

    /** A call that should outlive a lost connection: its id and the other party's name. */
    record Resume(String callId, String peer) {
        public Resume {
            Check.callId(callId);
            Check.name("peer", peer);
        }
    }

    /** Calls {@code to}; {@code callId} is chosen by the caller and names the call from now on. */
    record Invite(String callId, String to) implements CallScoped {
        public Invite {
            Check.callId(callId);
            Check.name("to", to);
        }
    }

    /** The callee tells the caller that the call is being shown to the user. */
    record Ringing(String callId) implements CallScoped {
        public Ringing {
            Check.callId(callId);
        }
    }

    /** The callee takes the call. */
    record Accept(String callId) implements CallScoped {
        public Accept {
            Check.callId(callId);
        }
    }

    /** The callee refuses the call; {@code reason} is free text for the caller, or null. */
    record Decline(String callId, String reason) implements CallScoped {
        public Decline {
            Check.callId(callId);
            Check.optional("reason", reason, Check.MAX_SHORT_TEXT);
        }
    }

    /** The caller gives up before the callee answered. */
    record Cancel(String callId) implements CallScoped {
        public Cancel {
            Check.callId(callId);
        }
    }

    /** The callee cannot take a call now (already in one on another device or app). */
    record Busy(String callId) implements CallScoped {
        public Busy {
            Check.callId(callId);
        }
    }

    /** Either party ends an accepted call. */
    record Hangup(String callId) implements CallScoped {
        public Hangup {
            Check.callId(callId);
        }
    }

    /**
     * An SDP offer or answer for the other party, the first or a renegotiation (JSEP, RFC 8829);
     * {@code sdpType} is W3C's {@code RTCSdpType} spelling.
     */
    record Description(String callId, String sdpType, String sdp) implements CallScoped {
        public Description {
            Check.callId(callId);
            if (sdpType == null || !SDP_TYPES.contains(sdpType)) {
                throw new IllegalArgumentException("sdpType: one of " + SDP_TYPES);
            }
            Check.required("sdp", sdp, Integer.MAX_VALUE);
        }
    }

    /**
     * A trickled ICE candidate (RFC 8838) in W3C {@code RTCIceCandidateInit} shape; an empty
     * {@code candidate} marks the end of candidates.
     */
    record Candidate(String callId, String candidate, String sdpMid, Integer sdpMLineIndex,
                     String usernameFragment) implements CallScoped {
        public Candidate {
            Check.callId(callId);
            Check.required("candidate", candidate, 2048);
            Check.optional("sdpMid", sdpMid, Check.MAX_SHORT_TEXT);
            Check.optional("usernameFragment", usernameFragment, Check.MAX_SHORT_TEXT);
            if (sdpMLineIndex != null && (sdpMLineIndex < 0 || sdpMLineIndex > 65535)) {
                throw new IllegalArgumentException("sdpMLineIndex: 0 to 65535");
            }
        }
    }

    /** An application-level heartbeat; the server answers {@code pong}. */
    record Ping() implements ClientMessage {}
}
