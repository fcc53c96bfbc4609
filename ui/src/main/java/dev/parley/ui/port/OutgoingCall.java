package dev.parley.ui.port;

/** A call we placed that the other side has not answered yet. */
public interface OutgoingCall {

    String peerName();

    /** Stops ringing the other side; ends the handle (no further events). */
    void cancel();

    AutoCloseable addListener(OutgoingCallListener listener);
}
