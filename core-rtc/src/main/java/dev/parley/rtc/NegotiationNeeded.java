package dev.parley.rtc;

import dev.parley.rtc.sdp.Direction;
import dev.parley.rtc.sdp.MediaDescription;
import dev.parley.rtc.sdp.SessionDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The W3C negotiation-needed flag (webrtc §4.7.3): whether the transceivers (or an ICE restart)
 * differ from what the last negotiation agreed, decided only when the operations chain is empty
 * and the signaling state stable, and fired at most once until a negotiation clears it. On the
 * executor.
 */
final class NegotiationNeeded {
    private final PeerSession s;
    private final BooleanSupplier iceRestartRequested;
    private boolean negotiationNeeded;
    private boolean updateOnEmptyChain;

    NegotiationNeeded(PeerSession session, BooleanSupplier iceRestartRequested) {
        this.s = session;
        this.iceRestartRequested = iceRestartRequested;
    }

    void update() {
        if (s.closed) {
            return;
        }
        if (s.pendingOperations.get() > 0) {
            updateOnEmptyChain = true; // W3C §4.7.3: decided when the operations chain is empty
            return;
        }
        if (s.signalingState != RTCSignalingState.STABLE) {
            return;
        }
        if (!isNegotiationNeeded()) {
            negotiationNeeded = false;
            return;
        }
        if (negotiationNeeded) {
            return;
        }
        negotiationNeeded = true;
        s.executor().execute(() -> {
            if (s.closed || !negotiationNeeded) {
                return;
            }
            if (s.pendingOperations.get() > 0) {
                negotiationNeeded = false;
                updateOnEmptyChain = true;
                return;
            }
            if (s.signalingState == RTCSignalingState.STABLE && isNegotiationNeeded()) {
                s.pc.emit(RTCPeerConnectionListener::onNegotiationNeeded);
            } else {
                negotiationNeeded = false;
            }
        });
    }

    /** The last queued operation finished: a deferred negotiation-needed check runs now. */
    void onOperationsChainEmpty() {
        if (updateOnEmptyChain) {
            updateOnEmptyChain = false;
            update();
        }
    }

    /** Back in stable after a negotiation: the flag is cleared and decided afresh (W3C set-description steps). */
    void afterStable() {
        negotiationNeeded = false;
        update();
    }

    /** restartIce(): the flag is cleared so that the check fires a fresh event. */
    void forceFresh() {
        negotiationNeeded = false;
        update();
    }

    /** W3C "check if negotiation is needed", for one bundled transport. */
    private boolean isNegotiationNeeded() {
        if (iceRestartRequested.getAsBoolean() || s.dataChannels.needsDataSection()) {
            return true;
        }
        SessionDescription local = s.currentLocal;
        for (RTCRtpTransceiver t : s.transceivers) {
            if (t.isStopped()) {
                continue;
            }
            if (t.isStopping()) {
                return true;
            }
            if (t.mid().isEmpty()) {
                return true;
            }
            MediaDescription section = local == null ? null : local.mediaByMid(t.mid().get()).orElse(null);
            if (section == null) {
                return true;
            }
            Direction wanted = Negotiator.toSdp(t.direction());
            Direction written = section.direction().orElse(Direction.SENDRECV);
            if (s.lastOfferWasLocal) {
                if (written != wanted) {
                    return true;
                }
            } else {
                MediaDescription offered = s.currentRemote.mediaByMid(t.mid().get()).orElse(null);
                Direction offeredDirection = offered == null ? Direction.SENDRECV
                        : offered.direction().orElse(Direction.SENDRECV);
                if (written != wanted.intersect(offeredDirection.reverse())) {
                    return true;
                }
            }
            if (wanted.sends() && t.sender().track() != null && !msidMatches(section, t.sender())) {
                return true;
            }
        }
        return false;
    }

    private static boolean msidMatches(MediaDescription section, RTCRtpSender sender) {
        List<String> written = new ArrayList<>();
        section.msids().forEach(m -> written.add(m.streamId()));
        List<String> wanted = sender.streamIds().isEmpty() ? List.of("-") : sender.streamIds();
        return written.equals(wanted);
    }
}
