package dev.parley.app.desktop;

import dev.parley.app.call.ChatChannel;
import dev.parley.app.call.MediaState;
import dev.parley.app.call.PeerCall;
import dev.parley.app.call.ServerCallSignals;
import dev.parley.app.signaling.client.SignalingClient;
import dev.parley.app.signaling.protocol.IceServer;
import dev.parley.rtc.MediaStream;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.RTCDataChannel;
import dev.parley.rtc.RTCPeerConnectionState;
import dev.parley.rtc.RTCTrackEvent;
import dev.parley.ui.port.SelectedDevices;
import java.util.List;

/**
 * A call with another person once it was accepted: its {@link PeerCall}, negotiated through the
 * signaling server (the caller impolite and opening the chat channel, the callee polite), and the
 * {@link PeerCallSession} the call screen shows.
 */
final class LiveCall {
    private final String callId;
    private final PeerCall call;
    private final PeerCallSession session;

    private LiveCall(String callId, PeerCall call, PeerCallSession session) {
        this.callId = callId;
        this.call = call;
        this.session = session;
    }

    /**
     * Starts the call's media with {@code local} (our camera and microphone, or the microphone alone).
     *
     * @param hangingUp what the call screen's hang-up does besides ending the session (tell the server)
     */
    static LiveCall start(String callId, String peerName, boolean caller, MediaStream local, SelectedDevices chosen,
                          SignalingClient client, List<IceServer> iceServers, CallServices services, Runnable hangingUp) {
        Forwarder events = new Forwarder();
        PeerCall call = new PeerCall(callId, !caller, new ServerCallSignals(client, callId),
                ServerCallSignals.configuration(iceServers), services.engine(), events);
        MediaStreamTrack camera = local.getVideoTracks().isEmpty() ? null : local.getVideoTracks().get(0);
        MediaStreamTrack microphone = local.getAudioTracks().isEmpty() ? null : local.getAudioTracks().get(0);
        CallDevices devices = new CallDevices(services.media(), services.cameraSize(), call.peerConnection(), camera,
                microphone, chosen);
        PeerCallSession session = new PeerCallSession(peerName, call.peerConnection(), call.peerConnection(), devices,
                true, true, services, () -> {
                    hangingUp.run();
                    call.close();
                });
        events.session = session;
        MediaStream stream = new MediaStream();   // one stream: the peer can keep audio and video in sync
        for (MediaStreamTrack track : local.getTracks()) {
            call.peerConnection().addTrack(track, stream);
        }
        if (caller) {
            session.chatChannel(call.peerConnection().createDataChannel(ChatChannel.LABEL));
            session.mediaStateChannel(call.peerConnection().createDataChannel(MediaState.LABEL));
        }
        return new LiveCall(callId, call, session);
    }

    String callId() {
        return callId;
    }

    PeerCall peerCall() {
        return call;
    }

    PeerCallSession session() {
        return session;
    }

    /** The other side or the network ended the call. */
    void ended(String reason) {
        session.ended(reason);
        call.close();
    }

    /** The PeerCall's events to the session, which exists before anything is negotiated. */
    private static final class Forwarder implements PeerCall.Listener {
        volatile PeerCallSession session;

        @Override
        public void onConnectionState(RTCPeerConnectionState state) {
            session.connectionState(state);
        }

        @Override
        public void onTrack(RTCTrackEvent event) {
            session.remoteTrack(event.track());
        }

        @Override
        public void onDataChannel(RTCDataChannel channel) {
            if (ChatChannel.LABEL.equals(channel.label())) {
                session.chatChannel(channel);
            } else if (MediaState.LABEL.equals(channel.label())) {
                session.mediaStateChannel(channel);
            }
        }
    }
}
