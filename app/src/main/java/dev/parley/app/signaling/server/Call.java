package dev.parley.app.signaling.server;

/**
 * One call the hub knows, by the id its caller chose. The parties are fixed by name; each side
 * is the {@link Member} connected under that name, or null while it is away (lost connection,
 * or not yet back after a server restart).
 *
 * <pre>
 *   invite ──► INVITED ──ringing──► RINGING ──accept──► ACCEPTED ──hangup──► ended
 *                 │                    │                   │
 *                 └─ cancel, decline, busy, ring time-out ─┘   party away longer than the grace: ended
 * </pre>
 * An ended call is forgotten: its id then names nothing.
 */
final class Call {
    enum State { INVITED, RINGING, ACCEPTED }

    final String id;
    final String callerName;
    final String calleeName;
    Member caller;
    Member callee;
    State state;
    HubTimers.Cancellable ringTimer;
    HubTimers.Cancellable graceTimer;

    Call(String id, String callerName, String calleeName, State state) {
        this.id = id;
        this.callerName = callerName;
        this.calleeName = calleeName;
        this.state = state;
    }

    boolean isRinging() {
        return state == State.INVITED || state == State.RINGING;
    }

    boolean isCaller(Member m) {
        return m != null && m == caller;
    }

    boolean isCallee(Member m) {
        return m != null && m == callee;
    }

    /** The other party of {@code m}, or null while it is away. */
    Member other(Member m) {
        return m == caller ? callee : caller;
    }

    /** The name of the other party of {@code m}. */
    String otherName(Member m) {
        return m.name.equals(callerName) ? calleeName : callerName;
    }

    void cancelTimers() {
        if (ringTimer != null) {
            ringTimer.cancel();
            ringTimer = null;
        }
        if (graceTimer != null) {
            graceTimer.cancel();
            graceTimer = null;
        }
    }
}
