package dev.parley.app.peer;

import dev.parley.app.signaling.client.SignalingClient;
import dev.parley.app.signaling.protocol.ServerMessage;
import dev.parley.rtc.RTCConfiguration;
import dev.parley.rtc.RTCDataChannel;
import dev.parley.rtc.RTCIceCandidate;
import dev.parley.rtc.RTCPeerConnection;
import dev.parley.rtc.RTCPeerConnectionListener;
import dev.parley.rtc.RTCPeerConnectionState;
import dev.parley.rtc.RTCSdpType;
import dev.parley.rtc.RTCSessionDescription;
import dev.parley.rtc.RTCSignalingState;
import dev.parley.rtc.RTCTrackEvent;
import dev.parley.rtc.EngineSettings;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's {@link RTCPeerConnection}, negotiated over signaling with MDN's perfect-negotiation
 * pattern: the callee is polite (rolls back its own offer on a collision), the caller impolite
 * (ignores the colliding offer). Like a browser's event loop, one thread of its own handles
 * {@code negotiationneeded}, the peer's descriptions and its candidates, in arrival order — the
 * pattern's {@code makingOffer} means something only on that thread.
 */
final class PeerCall implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeerCall.class);

    /** What a call reports to its owner (on the peer connection's executor). */
    interface Listener {
        default void onConnectionState(RTCPeerConnectionState state) {}

        default void onTrack(RTCTrackEvent event) {}

        default void onDataChannel(RTCDataChannel channel) {}
    }

    final String callId;
    final RTCPeerConnection pc;
    private final boolean polite;
    private final SignalingClient signaling;
    private final ExecutorService eventLoop;
    private boolean makingOffer;
    private boolean ignoreOffer;

    PeerCall(String callId, boolean polite, SignalingClient signaling, RTCConfiguration configuration,
             EngineSettings settings, Listener listener) {
        this.callId = callId;
        this.polite = polite;
        this.signaling = signaling;
        this.eventLoop = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "parley-peer-" + (polite ? "polite" : "impolite"));
            t.setDaemon(true);
            return t;
        });
        this.pc = new RTCPeerConnection(configuration, settings);
        pc.addListener(new RTCPeerConnectionListener() {
            @Override
            public void onNegotiationNeeded() {
                eventLoop.execute(PeerCall.this::makeOffer);
            }

            @Override
            public void onIceCandidate(RTCIceCandidate candidate) {
                // Through the event loop, so a candidate never overtakes the description it belongs to.
                eventLoop.execute(() -> sendCandidate(candidate));
            }

            @Override
            public void onConnectionStateChange(RTCPeerConnectionState state) {
                LOG.info("call {}: {}", callId, state);
                listener.onConnectionState(state);
            }

            @Override
            public void onTrack(RTCTrackEvent event) {
                listener.onTrack(event);
            }

            @Override
            public void onDataChannel(RTCDataChannel channel) {
                listener.onDataChannel(channel);
            }
        });
    }

    private void makeOffer() {
        try {
            makingOffer = true;
            pc.setLocalDescription().join();
            RTCSessionDescription offer = pc.localDescription();
            signaling.sendDescription(callId, offer.type().w3cName(), offer.sdp());
        } catch (RuntimeException e) {
            LOG.warn("call {}: making an offer failed: {}", callId, e.toString());
        } finally {
            makingOffer = false;
        }
    }

    private void sendCandidate(RTCIceCandidate candidate) {
        if (candidate == null) {
            signaling.sendCandidate(callId, "", null, null, null);   // end of candidates
        } else {
            signaling.sendCandidate(callId, candidate.candidate(), candidate.sdpMid(), candidate.sdpMLineIndex(),
                    candidate.usernameFragment());
        }
    }

    /** The other party's offer or answer. */
    void remoteDescription(String sdpType, String sdp) {
        eventLoop.execute(() -> {
            try {
                RTCSessionDescription description = new RTCSessionDescription(RTCSdpType.fromW3cName(sdpType), sdp);
                boolean collision = description.type() == RTCSdpType.OFFER
                        && (makingOffer || pc.signalingState() != RTCSignalingState.STABLE);
                ignoreOffer = !polite && collision;
                if (ignoreOffer) {
                    LOG.info("call {}: ignoring a colliding offer (impolite side)", callId);
                    return;
                }
                pc.setRemoteDescription(description).join();
                if (description.type() == RTCSdpType.OFFER) {
                    pc.setLocalDescription().join();
                    RTCSessionDescription answer = pc.localDescription();
                    signaling.sendDescription(callId, answer.type().w3cName(), answer.sdp());
                }
            } catch (RuntimeException e) {
                LOG.warn("call {}: applying the peer's {} failed: {}", callId, sdpType, e.toString());
            }
        });
    }

    /** The other party's candidate. */
    void remoteCandidate(ServerMessage.Candidate c) {
        eventLoop.execute(() -> {
            try {
                if (c.candidate().isEmpty()) {
                    return;   // end of candidates: nothing to add in this engine
                }
                pc.addIceCandidate(new RTCIceCandidate(c.candidate(), c.sdpMid(), c.sdpMLineIndex(),
                        c.usernameFragment())).join();
            } catch (RuntimeException e) {
                if (!ignoreOffer) {
                    LOG.info("call {}: candidate refused: {}", callId, e.toString());
                }
            }
        });
    }

    @Override
    public void close() {
        eventLoop.shutdownNow();
        pc.close();
    }
}
