package dev.parley.rtc;

import dev.parley.rtc.ice.IceCandidate;
import dev.parley.rtc.ice.IceCredentials;
import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.sdp.MediaKind;
import dev.parley.rtc.sdp.SessionDescription;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The executor-owned state of one {@link RTCPeerConnection}: the W3C internal slots (signaling
 * state, descriptions, transceivers, states) and the transport once it exists. Every method runs
 * on the executor; the volatile state fields are also read by the public getters.
 */
final class PeerSession implements MediaContext {
    final RTCPeerConnection pc;
    final List<RTCRtpTransceiver> transceivers = new ArrayList<>();
    /** The RTCP CNAME of all our senders (RFC 7022: random per call). */
    final String cname;
    final long sessionId;
    long sessionVersion;

    volatile RTCSignalingState signalingState = RTCSignalingState.STABLE;
    volatile RTCIceGatheringState gatheringState = RTCIceGatheringState.NEW;
    volatile RTCIceConnectionState iceConnectionState = RTCIceConnectionState.NEW;
    volatile RTCDtlsTransportState dtlsState = RTCDtlsTransportState.NEW;
    volatile RTCPeerConnectionState connectionState = RTCPeerConnectionState.NEW;
    volatile boolean closed;
    /**
     * The W3C operations chain's length: operations queued or running. Counted when queued, so
     * {@code negotiationneeded} never fires while the application's next call is on its way.
     */
    final java.util.concurrent.atomic.AtomicInteger pendingOperations = new java.util.concurrent.atomic.AtomicInteger();

    SessionDescription currentLocal;
    SessionDescription pendingLocal;
    RTCSdpType pendingLocalType;
    SessionDescription currentRemote;
    SessionDescription pendingRemote;
    RTCSdpType pendingRemoteType;
    /** Whether the current descriptions came from an offer we made (else from the peer's). */
    boolean lastOfferWasLocal;
    String lastCreatedOffer;
    String lastCreatedAnswer;

    /** The ICE credentials of the current local description (or of the next one). */
    IceCredentials localIce;
    /** Volatile: senders on their sources' threads ask whether media can flow. */
    volatile BundleTransport transport;
    final List<IceCandidate> localCandidates = new ArrayList<>();
    boolean localGatheringComplete;
    final DataChannels dataChannels = new DataChannels(this);
    /** The W3C face of the bundled DTLS transport; exists before the transport does. */
    final RTCDtlsTransport dtlsTransport = new RTCDtlsTransport(this);

    PeerSession(RTCPeerConnection pc) {
        this.pc = pc;
        SecureRandom random = pc.settings().random();
        byte[] cnameBytes = new byte[12];
        random.nextBytes(cnameBytes);
        this.cname = Base64.getEncoder().encodeToString(cnameBytes);
        this.sessionId = (random.nextLong() >>> 2) + 1; // positive, fits o= as browsers write it
        this.localIce = IceCredentials.random(random);
    }

    // ---- MediaContext ---------------------------------------------------------------------------

    @Override
    public SerialExecutor executor() {
        return pc.executor();
    }

    @Override
    public SecureRandom random() {
        return pc.settings().random();
    }

    @Override
    public MediaEngine mediaEngine() {
        return pc.mediaEngine();
    }

    @Override
    public void sendRtp(RtpPacket packet) {
        pc.media().sendRtp(packet);
    }

    @Override
    public void sendPacedRtp(RtpPacket packet) {
        pc.media().sendPacedRtp(packet);
    }

    @Override
    public void frameCaptured(long ssrc, long rtpTimestamp, long captureNanos) {
        pc.media().frameCaptured(ssrc, rtpTimestamp, captureNanos);
    }

    @Override
    public void requestKeyFrame(long mediaSsrc) {
        pc.media().sendPictureLossIndication(mediaSsrc);
    }

    @Override
    public void updateNegotiationNeeded() {
        pc.negotiator().updateNegotiationNeeded();
    }

    @Override
    public boolean canSendMedia() {
        BundleTransport t = transport;
        return t != null && t.canProtect();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    void requireOpen() {
        if (closed) {
            throw new RTCException(RTCException.INVALID_STATE, "the peer connection is closed");
        }
    }

    // ---- tracks (W3C §5.1) -------------------------------------------------------------------

    RTCRtpSender addTrack(MediaStreamTrack track, List<String> streamIds) {
        requireOpen();
        for (RTCRtpTransceiver t : transceivers) {
            if (t.sender().track() == track) {
                throw new RTCException(RTCException.INVALID_ACCESS, "the track is already sent by sender " + t.sender());
            }
        }
        MediaKind kind = MediaKind.fromSdpName(track.kind()).orElseThrow();
        for (RTCRtpTransceiver t : transceivers) {
            if (reusableForTrack(t, kind)) {
                t.sender().setTrackInternal(track);
                t.sender().setStreamIds(streamIds);
                if (t.direction() == RTCRtpTransceiverDirection.RECVONLY) {
                    t.setDirectionInternal(RTCRtpTransceiverDirection.SENDRECV);
                } else if (t.direction() == RTCRtpTransceiverDirection.INACTIVE) {
                    t.setDirectionInternal(RTCRtpTransceiverDirection.SENDONLY);
                }
                updateNegotiationNeeded();
                return t.sender();
            }
        }
        RTCRtpTransceiver created = newTransceiver(kind, track, streamIds, RTCRtpTransceiverDirection.SENDRECV);
        updateNegotiationNeeded();
        return created.sender();
    }

    /** W3C addTrack step: a sender that never sent, without a track, of the same kind, not stopping. */
    private static boolean reusableForTrack(RTCRtpTransceiver t, MediaKind kind) {
        return t.kind() == kind && t.sender().track() == null && !t.senderEverHadTrack && !t.isStopping()
                && !t.currentDirection().map(d -> d == RTCRtpTransceiverDirection.SENDRECV
                        || d == RTCRtpTransceiverDirection.SENDONLY).orElse(false);
    }

    void removeTrack(RTCRtpSender sender) {
        requireOpen();
        RTCRtpTransceiver owner = null;
        for (RTCRtpTransceiver t : transceivers) {
            if (t.sender() == sender) {
                owner = t;
            }
        }
        if (owner == null) {
            throw new RTCException(RTCException.INVALID_ACCESS, "the sender does not belong to this peer connection");
        }
        if (owner.isStopping() || sender.track() == null) {
            return;
        }
        sender.setTrackInternal(null);
        if (owner.direction() == RTCRtpTransceiverDirection.SENDRECV) {
            owner.setDirectionInternal(RTCRtpTransceiverDirection.RECVONLY);
        } else if (owner.direction() == RTCRtpTransceiverDirection.SENDONLY) {
            owner.setDirectionInternal(RTCRtpTransceiverDirection.INACTIVE);
        }
        updateNegotiationNeeded();
    }

    RTCRtpTransceiver addTransceiver(MediaKind kind, MediaStreamTrack track, RTCRtpTransceiverInit init) {
        requireOpen();
        if (track != null) {
            for (RTCRtpTransceiver t : transceivers) {
                if (t.sender().track() == track) {
                    throw new RTCException(RTCException.INVALID_ACCESS, "the track is already sent by sender " + t.sender());
                }
            }
        }
        List<String> streamIds = new ArrayList<>();
        for (MediaStream s : init.streams()) {
            streamIds.add(s.id());
        }
        RTCRtpTransceiver t = newTransceiver(kind, track, streamIds, init.direction());
        updateNegotiationNeeded();
        return t;
    }

    RTCRtpTransceiver newTransceiver(MediaKind kind, MediaStreamTrack track, List<String> streamIds,
            RTCRtpTransceiverDirection direction) {
        RTCRtpSender sender = new RTCRtpSender(this, kind, null, streamIds, cname);
        RTCRtpReceiver receiver = new RTCRtpReceiver(this, kind);
        RTCRtpTransceiver t = new RTCRtpTransceiver(this, kind, sender, receiver, direction);
        if (track != null) {
            sender.setTrackInternal(track);
        }
        transceivers.add(t);
        return t;
    }

    RTCRtpTransceiver transceiverByMid(String mid) {
        for (RTCRtpTransceiver t : transceivers) {
            if (t.mid().map(mid::equals).orElse(false)) {
                return t;
            }
        }
        return null;
    }

    // ---- states and events ------------------------------------------------------------------

    void setSignalingState(RTCSignalingState state) {
        if (signalingState != state) {
            signalingState = state;
            pc.emit(l -> l.onSignalingStateChange(state));
        }
    }

    void onGatheringState(RTCIceGatheringState state) {
        if (closed || gatheringState == state) {
            return;
        }
        gatheringState = state;
        pc.emit(l -> l.onIceGatheringStateChange(state));
        if (state == RTCIceGatheringState.COMPLETE) {
            localGatheringComplete = true;
            pc.emit(l -> l.onIceCandidate(null));
        }
    }

    void onIceState(RTCIceConnectionState state) {
        if (closed || iceConnectionState == state) {
            return;
        }
        iceConnectionState = state;
        pc.emit(l -> l.onIceConnectionStateChange(state));
        updateConnectionState();
    }

    void onDtlsState(RTCDtlsTransportState state) {
        if (closed) {
            return;
        }
        dtlsState = state;
        updateConnectionState();
        if (state == RTCDtlsTransportState.CONNECTED) {
            dataChannels.onDtlsConnected();
        }
    }

    private void updateConnectionState() {
        RTCPeerConnectionState state = ConnectionStates.combine(closed, iceConnectionState, dtlsState);
        if (state != connectionState) {
            connectionState = state;
            pc.emit(l -> l.onConnectionStateChange(state));
        }
    }

    /** Creates the bundled transport on the first description: the offerer controls ICE (RFC 8829 §5.1.1). */
    BundleTransport ensureTransport(boolean controlling) {
        if (transport == null) {
            transport = new BundleTransport(pc.net(), executor(), pc.settings(), pc.configuration(),
                    pc.certificate().dtlsCertificate(), localIce, controlling, new TransportEvents());
        }
        return transport;
    }

    void close() {
        closed = true;
        signalingState = RTCSignalingState.CLOSED;
        for (RTCRtpTransceiver t : transceivers) {
            t.markStopped();
        }
        pc.media().close();
        dataChannels.closeAll();
        if (transport != null) {
            transport.close();
        }
        iceConnectionState = RTCIceConnectionState.CLOSED;
        connectionState = RTCPeerConnectionState.CLOSED;
        dtlsState = RTCDtlsTransportState.CLOSED;
    }

    private final class TransportEvents implements BundleTransport.Listener {
        /*
         * Gathering starts inside setLocalDescription and may find host candidates at once; W3C
         * queues their events as tasks, so they reach the application after the promise resolved
         * (and after it sent the description the candidates belong to).
         */
        @Override
        public void onLocalCandidate(IceCandidate candidate) {
            executor().execute(() -> {
                if (closed) {
                    return;
                }
                localCandidates.add(candidate);
                RTCIceCandidate event = pc.negotiator().toRtcCandidate(candidate);
                pc.emit(l -> l.onIceCandidate(event));
            });
        }

        @Override
        public void onGatheringStateChange(RTCIceGatheringState state) {
            executor().execute(() -> onGatheringState(state));
        }

        @Override
        public void onCandidateError(String url, int errorCode, String errorText) {
            if (!closed) {
                pc.emit(l -> l.onIceCandidateError(url, errorCode, errorText));
            }
        }

        @Override
        public void onIceConnectionStateChange(RTCIceConnectionState state) {
            onIceState(state);
        }

        @Override
        public void onDtlsStateChange(RTCDtlsTransportState state) {
            onDtlsState(state);
        }

        @Override
        public void onRtp(byte[] packet) {
            if (!closed) {
                pc.media().onRtp(packet);
            }
        }

        @Override
        public void onApplicationData(byte[] packet) {
            if (!closed) {
                dataChannels.onApplicationData(packet);
            }
        }

        @Override
        public void onRtcp(byte[] packet) {
            if (!closed) {
                pc.media().onRtcp(packet);
            }
        }
    }
}
