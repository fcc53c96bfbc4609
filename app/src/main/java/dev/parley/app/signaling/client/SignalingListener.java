package dev.parley.app.signaling.client;

import dev.parley.app.signaling.protocol.ServerMessage;
import java.util.List;

/**
 * What a {@link SignalingClient} reports. Every method has a no-op default, so a listener
 * overrides only what it needs. Calls come on the client's serial executor, one at a time and in
 * order, never on a socket thread: do not block in them (a UI hops to its own thread).
 */
public interface SignalingListener {

    default void onStateChange(SignalingClient.State state) {}

    /** Registered, the first time and after each reconnect; carries the ICE servers to use. */
    default void onRegistered(ServerMessage.Registered registered) {}

    /** Everyone else online, after each registration. */
    default void onPresence(List<String> online) {}

    default void onPresenceUpdate(String name, boolean online) {}

    /** Someone calls; answer with {@link SignalingClient#ringing}, then accept or decline. */
    default void onIncomingCall(String callId, String from) {}

    /** The callee's app is ringing. */
    default void onRinging(String callId) {}

    /** The call was accepted: both sides now exchange descriptions and candidates. */
    default void onAccepted(String callId) {}

    /** The call is over; {@code detail} is the decline reason or null. */
    default void onCallEnded(String callId, CallEndReason reason, String detail) {}

    /** The other party's offer or answer. */
    default void onDescription(String callId, String sdpType, String sdp) {}

    /** The other party's ICE candidate (empty {@code candidate}: end of candidates). */
    default void onCandidate(ServerMessage.Candidate candidate) {}

    /** Both parties are connected to the server again after a reconnect; the call goes on. */
    default void onResumed(String callId, String peer) {}

    /** An error the server sent that answers no request of ours. */
    default void onError(ServerMessage.Error error) {}
}
