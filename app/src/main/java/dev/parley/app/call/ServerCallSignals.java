package dev.parley.app.call;

import dev.parley.app.signaling.client.SignalingClient;
import dev.parley.app.signaling.protocol.IceServer;
import dev.parley.rtc.RTCConfiguration;
import dev.parley.rtc.RTCIceServer;
import java.util.List;

/** A call's descriptions and candidates through the signaling server, scoped to its call id. */
public record ServerCallSignals(SignalingClient client, String callId) implements CallSignals {

    @Override
    public void sendDescription(String sdpType, String sdp) {
        client.sendDescription(callId, sdpType, sdp);
    }

    @Override
    public void sendCandidate(String candidate, String sdpMid, Integer sdpMLineIndex, String usernameFragment) {
        client.sendCandidate(callId, candidate, sdpMid, sdpMLineIndex, usernameFragment);
    }

    /** A peer connection's configuration with the STUN/TURN servers the signaling server handed out. */
    public static RTCConfiguration configuration(List<IceServer> iceServers) {
        RTCConfiguration.Builder configuration = RTCConfiguration.builder();
        for (IceServer s : iceServers) {
            configuration.iceServer(new RTCIceServer(s.urls(), s.username(), s.credential()));
        }
        return configuration.build();
    }
}
