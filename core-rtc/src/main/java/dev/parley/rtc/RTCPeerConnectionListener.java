package dev.parley.rtc;

/**
 * The events of an {@link RTCPeerConnection} (the web's {@code onicecandidate},
 * {@code ontrack}, …), always called on the peer connection's executor, in order. Every method
 * has a no-op default, so a listener implements only what it uses.
 */
public interface RTCPeerConnectionListener {

    /**
     * {@code icecandidate}: a local candidate to send to the peer; {@code null} once gathering is
     * complete, exactly as the web's {@code event.candidate === null}.
     */
    default void onIceCandidate(RTCIceCandidate candidate) {}

    /** {@code icecandidateerror}: a STUN or TURN server could not give a candidate. */
    default void onIceCandidateError(String url, int errorCode, String errorText) {}

    /** {@code negotiationneeded}: call {@code setLocalDescription()} and send the offer. */
    default void onNegotiationNeeded() {}

    default void onSignalingStateChange(RTCSignalingState state) {}

    default void onIceGatheringStateChange(RTCIceGatheringState state) {}

    default void onIceConnectionStateChange(RTCIceConnectionState state) {}

    default void onConnectionStateChange(RTCPeerConnectionState state) {}

    /** {@code track}: the remote side sends a track on a transceiver (RFC 8829 §5.10 / W3C §4.4.1.6). */
    default void onTrack(RTCTrackEvent event) {}

    /** {@code datachannel}: the peer announced a data channel (RFC 8832); it is already open. */
    default void onDataChannel(RTCDataChannel channel) {}
}
