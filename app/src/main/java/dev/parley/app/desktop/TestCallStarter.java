package dev.parley.app.desktop;

import dev.parley.app.call.ChatChannel;
import dev.parley.app.call.LoopbackTestCall;
import dev.parley.rtc.MediaStream;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.RTCDataChannel;
import dev.parley.rtc.RTCDataChannelListener;
import dev.parley.rtc.RTCDataChannelMessage;
import dev.parley.rtc.RTCPeerConnectionState;
import dev.parley.ui.port.CallSession;
import dev.parley.ui.port.SelectedDevices;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Starts the test call: the chosen camera and microphone through the whole engine to a far end in
 * this process ({@link LoopbackTestCall}), shown on the call screen as any call is. The far end
 * echoes chat lines back ("echo: …"), so the chat's data channel is tried too.
 */
final class TestCallStarter {
    static final String ECHO_PREFIX = "echo: ";

    private final CallServices services;

    TestCallStarter(CallServices services) {
        this.services = services;
    }

    /** Opens the devices and starts the call; the session reports it connecting, then connected. */
    CompletableFuture<CallSession> start(String peerName, SelectedDevices chosen) {
        return services.media().openCameraAndMicrophone(id(chosen.cameraId()), id(chosen.microphoneId()), services.cameraSize())
                .thenApply(stream -> start(peerName, chosen, stream));
    }

    private CallSession start(String peerName, SelectedDevices chosen, MediaStream stream) {
        MediaStreamTrack camera = stream.getVideoTracks().isEmpty() ? null : stream.getVideoTracks().get(0);
        MediaStreamTrack microphone = stream.getAudioTracks().isEmpty() ? null : stream.getAudioTracks().get(0);
        Forwarder events = new Forwarder();
        LoopbackTestCall call = LoopbackTestCall.create(services.engine(), events);
        CallDevices devices = new CallDevices(services.media(), services.cameraSize(), call.sender().peerConnection(),
                camera, microphone, chosen);
        PeerCallSession session = new PeerCallSession(peerName, call.sender().peerConnection(),
                call.receiver().peerConnection(), devices, false, false, services, call::close);
        events.session = session;
        call.send(new ArrayList<>(stream.getTracks()));
        // in the same turn as the tracks: one offer carries audio, video and the data channel
        session.chatChannel(call.sender().peerConnection().createDataChannel(ChatChannel.LABEL));
        return session;
    }

    private static Optional<String> id(String deviceId) {
        return deviceId.isEmpty() ? Optional.empty() : Optional.of(deviceId);
    }

    /** The test call's events to its session (set before anything is sent, so before any event). */
    private static final class Forwarder implements LoopbackTestCall.Listener {
        volatile PeerCallSession session;

        @Override
        public void onRemoteTrack(MediaStreamTrack track) {
            session.remoteTrack(track);
        }

        @Override
        public void onConnectionState(RTCPeerConnectionState state) {
            session.connectionState(state);
        }

        @Override
        public void onFarEndDataChannel(RTCDataChannel channel) {
            channel.addListener(new RTCDataChannelListener() {
                @Override
                public void onMessage(RTCDataChannelMessage message) {
                    if (!message.isBinary()) {
                        channel.send(ECHO_PREFIX + message.text());
                    }
                }
            });
        }
    }
}
