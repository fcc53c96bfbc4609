package dev.parley.ui.port;

import java.util.List;

/** Events of a {@link Directory}; any thread. */
public interface DirectoryListener {

    /** The whole list of people online now (not a delta), after any change. */
    default void onPresence(List<String> onlineNames) {
    }

    default void onConnectionState(ConnectionState state) {
    }

    default void onIncomingCall(IncomingCall call) {
    }

    /**
     * An incoming call stopped ringing without us answering: the caller cancelled or the
     * directory's ringing timeout passed. The incoming-call screen closes on this.
     */
    default void onIncomingCallEnded(String callId, String reason) {
    }
}
