package dev.parley.app.call;

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
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's {@link RTCPeerConnection}, negotiated through {@link CallSignals} with MDN's perfect-negotiation
 * pattern: the callee is polite (rolls back its own offer on a collision), the caller impolite
 * (ignores the colliding offer). Like a browser's event loop, one thread of its own handles
 * {@code negotiationneeded}, the peer's descriptions and its candidates, in arrival order — the
 * pattern's {@code makingOffer} means something only on that thread.
 */
public final class PeerCall implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeerCall.class);

    /** What a call reports to its owner (on the peer connection's executor). */
    public interface Listener {
        default void onConnectionState(RTCPeerConnectionState state) {}

        default void onTrack(RTCTrackEvent event) {}

        default void onDataChannel(RTCDataChannel channel) {}
    }

    private final String callId;
    private final RTCPeerConnection pc;
    private final boolean polite;
    private final CallSignals signals;
    private final ExecutorService eventLoop;
    private boolean makingOffer;
    private boolean ignoreOffer;

    /**
     * @param callId names the call in logs and threads
     * @param polite whether this end yields on an offer collision (the callee's)
     */
    public PeerCall(String callId, boolean polite, CallSignals signals, RTCConfiguration configuration,
                    EngineSettings settings, Listener listener) {
        this.callId = callId;
        this.polite = polite;
        this.signals = signals;
        this.eventLoop = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "parley-peer-" + (polite ? "polite" : "impolite"));
            t.setDaemon(true);
            return t;
        });
        this.pc = new RTCPeerConnection(configuration, settings);
        pc.addListener(new RTCPeerConnectionListener() {
            @Override
            public void onNegotiationNeeded() {
                onLoop(PeerCall.this::makeOffer);
            }

            @Override
            public void onIceCandidate(RTCIceCandidate candidate) {
                // Through the event loop, so a candidate never overtakes the description it belongs to.
                onLoop(() -> sendCandidate(candidate));
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
            signals.sendDescription(offer.type().w3cName(), offer.sdp());
        } catch (RuntimeException e) {
            LOG.warn("call {}: making an offer failed: {}", callId, e.toString());
        } finally {
            makingOffer = false;
        }
    }

    private void sendCandidate(RTCIceCandidate candidate) {
        if (candidate == null) {
            signals.sendCandidate("", null, null, null);   // end of candidates
        } else {
            signals.sendCandidate(candidate.candidate(), candidate.sdpMid(), candidate.sdpMLineIndex(),
                    candidate.usernameFragment());
        }
    }

    public String callId() {
        return callId;
    }

    public RTCPeerConnection peerConnection() {
        return pc;
    }

    /** The other party's offer or answer. */
    public void remoteDescription(String sdpType, String sdp) {
        onLoop(() -> {
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
                    signals.sendDescription(answer.type().w3cName(), answer.sdp());
                }
            } catch (RuntimeException e) {
                LOG.warn("call {}: applying the peer's {} failed: {}", callId, sdpType, e.toString());
            }
        });
    }

    /** The other party's candidate; an empty {@code candidate} marks the end of its candidates. */
    public void remoteCandidate(String candidate, String sdpMid, Integer sdpMLineIndex, String usernameFragment) {
        onLoop(() -> {
            try {
                if (candidate.isEmpty()) {
                    return;   // end of candidates: nothing to add in this engine
                }
                pc.addIceCandidate(new RTCIceCandidate(candidate, sdpMid, sdpMLineIndex, usernameFragment)).join();
            } catch (RuntimeException e) {
                if (!ignoreOffer) {
                    LOG.info("call {}: candidate refused: {}", callId, e.toString());
                }
            }
        });
    }

    /** Runs {@code task} on the call's event loop; once the call is closed there is nothing left to do. */
    private void onLoop(Runnable task) {
        try {
            eventLoop.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("call {} is closed: event dropped", callId);
        }
    }

    @Override
    public void close() {
        eventLoop.shutdownNow();
        pc.close();
    }
}
