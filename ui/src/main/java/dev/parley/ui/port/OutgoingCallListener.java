package dev.parley.ui.port;

/** Events of an {@link OutgoingCall}; any thread. */
public interface OutgoingCallListener {

    /** The other side's app is ringing (ringback can play). */
    default void onRinging() {
    }

    /** They answered; the app opens the call screen with its {@link CallSession}. */
    default void onAnswered() {
    }

    /** It will not connect: declined, busy, no answer before the timeout, went offline. */
    default void onFailed(String reason) {
    }
}
