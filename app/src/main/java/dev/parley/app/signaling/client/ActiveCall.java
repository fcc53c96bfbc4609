package dev.parley.app.signaling.client;

/**
 * The call this client is in, as the client keeps it: it outlives a lost signaling connection
 * (media is peer to peer), and re-registration claims it back from the server.
 */
public record ActiveCall(String callId, String peer, Role role, Phase phase) {
    /** Which side of the call this client is on. */
    public enum Role { CALLER, CALLEE }

    /** Where the call stands. */
    public enum Phase { INVITING, RINGING, ACCEPTED }

    ActiveCall withPhase(Phase next) {
        return new ActiveCall(callId, peer, role, next);
    }
}
