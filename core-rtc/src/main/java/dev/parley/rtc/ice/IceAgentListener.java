package dev.parley.rtc.ice;

import dev.parley.rtc.RTCIceConnectionState;
import dev.parley.rtc.RTCIceGatheringState;

/**
 * What an {@link IceAgent} tells its owner, always on the agent's executor. Every method has a
 * no-op default, so an owner implements only what it uses.
 */
public interface IceAgentListener {

    /** A local candidate to signal to the peer (trickle ICE, RFC 8838). */
    default void onLocalCandidate(IceCandidate candidate) {}

    default void onGatheringStateChange(RTCIceGatheringState state) {}

    /**
     * A STUN or TURN server could not give a candidate ({@code icecandidateerror}).
     *
     * @param url the server URL as configured
     * @param errorCode the STUN error code, or 701 when the server could not be reached (W3C)
     */
    default void onCandidateError(String url, int errorCode, String errorText) {}

    default void onConnectionStateChange(RTCIceConnectionState state) {}

    /**
     * The first check succeeded: packets can be sent (on that valid pair, RFC 8445 §12.1) before
     * nomination selects one. A DTLS client may start its handshake now.
     */
    default void onWritable() {}

    /** The pair media now flows on changed (first nomination, ICE restart, a better pair). */
    default void onSelectedPairChange(CandidatePair pair) {}

    /** A non-STUN packet (DTLS, RTP, RTCP) arrived from a remote candidate on a checked pair. */
    default void onPacket(byte[] packet, CandidatePair pair) {}
}
