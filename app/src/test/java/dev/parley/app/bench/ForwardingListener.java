package dev.parley.app.bench;

import dev.parley.app.signaling.client.CallEndReason;
import dev.parley.app.signaling.client.SignalingListener;
import dev.parley.app.signaling.protocol.ServerMessage;

/**
 * A client's listener for the whole benchmark: a client is built with one listener, and each
 * phase puts its own behind this one.
 */
final class ForwardingListener implements SignalingListener {
    volatile SignalingListener delegate = new SignalingListener() {};

    @Override
    public void onIncomingCall(String callId, String from) {
        delegate.onIncomingCall(callId, from);
    }

    @Override
    public void onRinging(String callId) {
        delegate.onRinging(callId);
    }

    @Override
    public void onAccepted(String callId) {
        delegate.onAccepted(callId);
    }

    @Override
    public void onCallEnded(String callId, CallEndReason reason, String detail) {
        delegate.onCallEnded(callId, reason, detail);
    }

    @Override
    public void onDescription(String callId, String sdpType, String sdp) {
        delegate.onDescription(callId, sdpType, sdp);
    }

    @Override
    public void onCandidate(ServerMessage.Candidate candidate) {
        delegate.onCandidate(candidate);
    }
}
