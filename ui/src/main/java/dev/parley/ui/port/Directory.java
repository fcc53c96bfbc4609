package dev.parley.ui.port;

import java.util.List;

/**
 * The signalling side as the screens see it: who is online, placing a call, answering one, and
 * the state of the connection to the server.
 */
public interface Directory {

    /** Display names of the people online now (not us), in any order. */
    List<String> onlineNames();

    ConnectionState connectionState();

    /** Rings {@code name}; the handle reports ringing, answer or refusal and can cancel. */
    OutgoingCall call(String name);

    /**
     * Answers an incoming call; with {@code withVideo} false the camera stays off (audio only).
     * The app then opens the call screen with its {@link CallSession}.
     */
    void accept(String callId, boolean withVideo);

    /** Declines an incoming call; the caller hears that it was declined. */
    void decline(String callId);

    /** Listens until the returned handle is closed. */
    AutoCloseable addListener(DirectoryListener listener);
}
