package dev.parley.ui.port;

import java.util.Objects;

/** Someone is calling: the id the directory knows the call by and the caller's display name. */
public record IncomingCall(String callId, String callerName) {
    public IncomingCall {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(callerName, "callerName");
    }
}
