package dev.parley.app.signaling.client;

/** Why a call ended, as {@link SignalingListener#onCallEnded} reports it. */
public enum CallEndReason {
    /** The callee declined (the detail is its reason, if it gave one). */
    DECLINED,
    /** The caller gave up before the call was answered. */
    CANCELLED,
    /** The callee was in another call. */
    BUSY,
    /** Nobody answered within the server's ring time. */
    MISSED,
    /** The other party hung up. */
    HUNG_UP,
    /** The other party lost its connection and did not come back, or the server did not know the call on resuming. */
    PEER_GONE,
    /** This client lost the server before the call was answered: the server ends such calls. */
    CONNECTION_LOST
}
