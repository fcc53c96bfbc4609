package dev.parley.app.call;

import dev.parley.rtc.EngineSettings;
import dev.parley.rtc.MediaStream;
import dev.parley.rtc.MediaStreamTrack;
import dev.parley.rtc.RTCDataChannel;
import dev.parley.rtc.RTCRtpSender;
import dev.parley.rtc.RTCConfiguration;
import dev.parley.rtc.RTCPeerConnectionState;
import dev.parley.rtc.RTCTrackEvent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A call to yourself through the whole engine: your tracks go out of one {@link PeerCall}
 * (encode, SRTP, UDP on 127.0.0.1) and come back decoded from a second one in this process, so a
 * newcomer sees their camera as the far end would — with no server and nobody to call. The two
 * ends hand each other descriptions and candidates directly; ICE uses loopback only, so the
 * test call never touches a network.
 */
public final class LoopbackTestCall implements AutoCloseable {

    /** What the far end receives; called on engine threads. */
    public interface Listener {
        /** A track from the far end: what the other party would get of ours. */
        default void onRemoteTrack(MediaStreamTrack track) {}

        /** The sending end's connection state. */
        default void onConnectionState(RTCPeerConnectionState state) {}

        /** A data channel the sending end opened, as the far end sees it. */
        default void onFarEndDataChannel(RTCDataChannel channel) {}
    }

    private final PeerCall sender;
    private final PeerCall receiver;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();

    private LoopbackTestCall(EngineSettings engine, Listener listener) {
        EngineSettings loopback = engine.toBuilder().ice(engine.ice().loopbackOnly()).build();
        AtomicReference<PeerCall> senderRef = new AtomicReference<>();
        AtomicReference<PeerCall> receiverRef = new AtomicReference<>();
        this.sender = new PeerCall("test-call", false, handTo(receiverRef), RTCConfiguration.defaults(), loopback,
                new PeerCall.Listener() {
                    @Override
                    public void onConnectionState(RTCPeerConnectionState state) {
                        if (state == RTCPeerConnectionState.CONNECTED) {
                            connected.complete(null);
                        } else if (state == RTCPeerConnectionState.FAILED || state == RTCPeerConnectionState.CLOSED) {
                            connected.completeExceptionally(new IllegalStateException("the test call " + state.toString()));
                        }
                        listener.onConnectionState(state);
                    }
                });
        this.receiver = new PeerCall("test-call-far-end", true, handTo(senderRef), RTCConfiguration.defaults(), loopback,
                new PeerCall.Listener() {
                    @Override
                    public void onTrack(RTCTrackEvent event) {
                        listener.onRemoteTrack(event.track());
                    }

                    @Override
                    public void onDataChannel(RTCDataChannel channel) {
                        listener.onFarEndDataChannel(channel);
                    }
                });
        senderRef.set(sender);
        receiverRef.set(receiver);
    }

    /**
     * A test call with nothing to send yet: no event comes before {@link #send} (or a data channel
     * on {@link #sender()}) starts the negotiation.
     */
    public static LoopbackTestCall create(EngineSettings engine, Listener listener) {
        return new LoopbackTestCall(engine, listener);
    }

    /**
     * Sends {@code localTracks} (one stream); negotiation starts with them. {@link #connected()}
     * completes when media can flow.
     *
     * @return each track's sender, in order
     */
    public List<RTCRtpSender> send(List<MediaStreamTrack> localTracks) {
        MediaStream stream = new MediaStream();
        return localTracks.stream().map(track -> sender.peerConnection().addTrack(track, stream)).toList();
    }

    /** Completes once the two ends connected (ICE and DTLS); fails if the call fails first. */
    public CompletableFuture<Void> connected() {
        return connected;
    }

    /** The end that sends your tracks, e.g. to replace one or read its statistics. */
    public PeerCall sender() {
        return sender;
    }

    /** The far end, which decodes what you send. */
    public PeerCall receiver() {
        return receiver;
    }

    private static CallSignals handTo(AtomicReference<PeerCall> other) {
        return new CallSignals() {
            @Override
            public void sendDescription(String sdpType, String sdp) {
                other.get().remoteDescription(sdpType, sdp);
            }

            @Override
            public void sendCandidate(String candidate, String sdpMid, Integer sdpMLineIndex, String usernameFragment) {
                other.get().remoteCandidate(candidate, sdpMid, sdpMLineIndex, usernameFragment);
            }
        };
    }

    @Override
    public void close() {
        sender.close();
        receiver.close();
        connected.completeExceptionally(new IllegalStateException("the test call was closed"));
    }
}
