package dev.parley.rtc;

import dev.parley.rtc.dtls.DtlsRole;
import dev.parley.rtc.ice.IceCandidate;
import dev.parley.rtc.ice.IceCredentials;
import dev.parley.rtc.ice.SdpCandidates;
import dev.parley.rtc.sdp.Candidate;
import dev.parley.rtc.sdp.Direction;
import dev.parley.rtc.sdp.JsepAnswer;
import dev.parley.rtc.sdp.JsepException;
import dev.parley.rtc.sdp.JsepNegotiation;
import dev.parley.rtc.sdp.JsepOffer;
import dev.parley.rtc.sdp.JsepValidator;
import dev.parley.rtc.sdp.MediaDescription;
import dev.parley.rtc.sdp.MediaKind;
import dev.parley.rtc.sdp.MediaSectionPlan;
import dev.parley.rtc.sdp.NegotiatedMedia;
import dev.parley.rtc.sdp.NegotiatedSession;
import dev.parley.rtc.sdp.RemoteTransport;
import dev.parley.rtc.sdp.SdpParseException;
import dev.parley.rtc.sdp.SessionDescription;
import dev.parley.rtc.sdp.SessionInfo;
import dev.parley.rtc.sdp.Setup;
import dev.parley.rtc.sdp.TransportParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The W3C and JSEP (RFC 8829) negotiation steps of a peer connection: creating offers and answers
 * from the transceivers, setting descriptions (signaling state machine, rollback), associating
 * m-lines with transceivers, and applying what an offer/answer exchange agreed. Its helpers:
 * {@link SectionPlans} (what each m-line says), {@link CandidateSignaling} (candidates in and
 * out), {@link NegotiationNeeded} (the flag), {@link RemoteTracks} (track events). The SDP rules
 * themselves are {@link JsepOffer}, {@link JsepAnswer} and {@link JsepNegotiation}'s. On the
 * executor.
 */
final class Negotiator {
    private final PeerSession s;
    private final RemoteTracks remoteTracks;
    private final CandidateSignaling candidates;
    private final SectionPlans plans;
    private final NegotiationNeeded negotiationNeeded;
    /** W3C [[LocalIceCredentialsToReplace]] is not empty: the next offer restarts ICE. */
    private boolean iceRestartRequested;
    /** The DTLS role the first negotiation fixed; later ones must keep it. */
    private DtlsRole dtlsRole;
    /** Gathering started (with the first local description). */
    private boolean gathering;

    Negotiator(PeerSession session) {
        this.s = session;
        this.remoteTracks = new RemoteTracks(session);
        this.candidates = new CandidateSignaling(session);
        this.plans = new SectionPlans(session);
        this.negotiationNeeded = new NegotiationNeeded(session, () -> iceRestartRequested);
    }

    // ---- create ------------------------------------------------------------------------------

    RTCSessionDescription createOffer(boolean iceRestart) {
        if (s.signalingState != RTCSignalingState.STABLE && s.signalingState != RTCSignalingState.HAVE_LOCAL_OFFER) {
            throw new RTCException(RTCException.INVALID_STATE, "cannot create an offer in state " + s.signalingState);
        }
        IceCredentials ice = s.localIce;
        if (iceRestart || iceRestartRequested) {
            ice = IceCredentials.random(s.random());
        }
        SessionDescription offer = JsepOffer.create(new SessionInfo(s.sessionId, ++s.sessionVersion),
                transportParameters(ice, Setup.ACTPASS), plans.forOffer());
        s.lastCreatedOffer = offer.write();
        return RTCSessionDescription.offer(s.lastCreatedOffer);
    }

    RTCSessionDescription createAnswer() {
        if (s.signalingState != RTCSignalingState.HAVE_REMOTE_OFFER
                && s.signalingState != RTCSignalingState.HAVE_LOCAL_PRANSWER) {
            throw new RTCException(RTCException.INVALID_STATE, "cannot create an answer in state " + s.signalingState);
        }
        SessionDescription offer = s.pendingRemote;
        IceCredentials ice = s.localIce;
        if (remoteRestartsIce(offer)) {
            ice = IceCredentials.random(s.random()); // RFC 8829 §5.3.1: a restart is answered by one
        }
        List<Optional<MediaSectionPlan>> answered = new ArrayList<>();
        for (MediaDescription section : offer.media()) {
            answered.add(plans.forAnswer(section));
        }
        SessionDescription answer;
        try {
            answer = JsepAnswer.create(new SessionInfo(s.sessionId, ++s.sessionVersion),
                    transportParameters(ice, answerSetup()), offer, answered);
        } catch (JsepException e) {
            throw toRtcException(e);
        }
        s.lastCreatedAnswer = answer.write();
        return RTCSessionDescription.answer(s.lastCreatedAnswer);
    }

    /**
     * RFC 8842 §5.5: a subsequent answer keeps the DTLS role of the association (a peer that
     * offered first and became the server answers {@code passive}); the first answer prefers the
     * client role, as browsers do.
     */
    private Setup answerSetup() {
        if (dtlsRole == null) {
            return Setup.ACTIVE;
        }
        return dtlsRole == DtlsRole.CLIENT ? Setup.ACTIVE : Setup.PASSIVE;
    }

    private boolean remoteRestartsIce(SessionDescription offer) {
        if (s.currentRemote == null) {
            return false;
        }
        return !ufragOf(offer).equals(ufragOf(s.currentRemote));
    }

    /** The ICE credentials a description carries (the first m-line in use, else session level). */
    private static Optional<IceCredentials> credentialsOf(SessionDescription description) {
        for (MediaDescription m : description.media()) {
            if (m.port() != 0 && m.iceUfrag().isPresent() && m.icePwd().isPresent()) {
                return Optional.of(new IceCredentials(m.iceUfrag().get(), m.icePwd().get()));
            }
        }
        if (description.iceUfrag().isPresent() && description.icePwd().isPresent()) {
            return Optional.of(new IceCredentials(description.iceUfrag().get(), description.icePwd().get()));
        }
        return Optional.empty();
    }

    private static Optional<String> ufragOf(SessionDescription description) {
        for (MediaDescription m : description.media()) {
            if (m.port() != 0 && m.iceUfrag().isPresent()) {
                return m.iceUfrag();
            }
        }
        return description.iceUfrag();
    }

    private TransportParameters transportParameters(IceCredentials ice, Setup setup) {
        return TransportParameters.trickle(ice.ufrag(), ice.password(), s.pc.certificate().getFingerprints(), setup);
    }


    // ---- set local ---------------------------------------------------------------------------

    void setLocalDescription(RTCSessionDescription description) {
        RTCSdpType type;
        String sdp;
        if (description == null || description.sdp().isEmpty() && description.type() != RTCSdpType.ROLLBACK) {
            // W3C implicit setLocalDescription: create what the state calls for.
            type = description != null ? description.type() : implicitType();
            if (type == RTCSdpType.OFFER) {
                sdp = s.lastCreatedOffer != null && description != null ? s.lastCreatedOffer : createOffer(false).sdp();
            } else {
                sdp = s.lastCreatedAnswer != null && description != null ? s.lastCreatedAnswer : createAnswer().sdp();
            }
        } else {
            type = description.type();
            sdp = description.sdp();
        }
        switch (type) {
            case ROLLBACK:
                rollback();
                return;
            case OFFER:
                if (s.signalingState != RTCSignalingState.STABLE && s.signalingState != RTCSignalingState.HAVE_LOCAL_OFFER) {
                    throw new RTCException(RTCException.INVALID_STATE, "cannot set a local offer in state " + s.signalingState);
                }
                if (!sdp.equals(s.lastCreatedOffer)) {
                    throw new RTCException(RTCException.INVALID_MODIFICATION, "the offer is not the last one createOffer made");
                }
                setLocalOffer(parse(sdp));
                return;
            case ANSWER:
            case PRANSWER:
                if (s.signalingState != RTCSignalingState.HAVE_REMOTE_OFFER
                        && s.signalingState != RTCSignalingState.HAVE_LOCAL_PRANSWER) {
                    throw new RTCException(RTCException.INVALID_STATE, "cannot set a local " + type + " in state " + s.signalingState);
                }
                if (!sdp.equals(s.lastCreatedAnswer)) {
                    throw new RTCException(RTCException.INVALID_MODIFICATION, "the answer is not the last one createAnswer made");
                }
                if (type == RTCSdpType.PRANSWER) {
                    setLocalPranswer(parse(sdp));
                } else {
                    setLocalAnswer(parse(sdp));
                }
                return;
            default:
                throw new RTCException(RTCException.TYPE, "unknown description type " + type);
        }
    }

    private RTCSdpType implicitType() {
        switch (s.signalingState) {
            case STABLE:
            case HAVE_LOCAL_OFFER:
            case HAVE_REMOTE_PRANSWER:
                return RTCSdpType.OFFER;
            default:
                return RTCSdpType.ANSWER;
        }
    }

    private void setLocalOffer(SessionDescription offer) {
        // Associate transceivers with the m-lines createOffer proposed for them.
        for (int i = 0; i < offer.media().size(); i++) {
            MediaDescription section = offer.media().get(i);
            String mid = section.mid().orElse(null);
            if (mid == null) {
                continue;
            }
            for (RTCRtpTransceiver t : s.transceivers) {
                if (t.mid().isEmpty() && mid.equals(t.proposedMid)) {
                    t.setMid(mid);
                    t.midFromPendingDescription = true;
                    t.mLineIndex = i;
                }
            }
        }
        BundleTransport transport = s.ensureTransport(true);
        applyLocalIce(transport, offer);
        s.pendingLocal = offer;
        s.pendingLocalType = RTCSdpType.OFFER;
        s.setSignalingState(RTCSignalingState.HAVE_LOCAL_OFFER);
    }

    /**
     * JSEP §4.1.10.1: a provisional answer starts ICE with our credentials but agrees nothing yet;
     * the final answer (or another pranswer) replaces it.
     */
    private void setLocalPranswer(SessionDescription pranswer) {
        applyLocalIce(s.ensureTransport(false), pranswer);
        s.pendingLocal = pranswer;
        s.pendingLocalType = RTCSdpType.PRANSWER;
        s.setSignalingState(RTCSignalingState.HAVE_LOCAL_PRANSWER);
    }

    private void setLocalAnswer(SessionDescription answer) {
        BundleTransport transport = s.ensureTransport(false);
        applyLocalIce(transport, answer);
        SessionDescription offer = s.pendingRemote;
        s.currentLocal = answer;
        s.currentRemote = offer;
        s.pendingLocal = null;
        s.pendingRemote = null;
        s.lastOfferWasLocal = false;
        applyNegotiation(answer, offer, false);
        s.setSignalingState(RTCSignalingState.STABLE);
        afterStable();
    }

    /** Starts gathering on the first local description; restarts ICE when one carries new credentials. */
    private void applyLocalIce(BundleTransport transport, SessionDescription local) {
        IceCredentials ice = credentialsOf(local).orElse(s.localIce);
        if (!gathering) {
            gathering = true;
            s.localIce = ice;
            transport.gather();
        } else if (!ice.equals(s.localIce)) {
            s.localIce = ice;
            s.localCandidates.clear();
            s.localGatheringComplete = false;
            transport.restartIce(ice);
        }
        iceRestartRequested = false;
    }

    /**
     * W3C: a rollback undoes whichever offer is pending, whether it came through
     * setLocalDescription or setRemoteDescription; there is none to undo in the other states.
     */
    private void rollback() {
        if (s.signalingState == RTCSignalingState.HAVE_LOCAL_OFFER) {
            rollbackLocal();
        } else if (s.signalingState == RTCSignalingState.HAVE_REMOTE_OFFER) {
            rollbackRemote();
        } else {
            throw new RTCException(RTCException.INVALID_STATE, "no offer to roll back in state " + s.signalingState);
        }
    }

    private void rollbackLocal() {
        for (RTCRtpTransceiver t : s.transceivers) {
            if (t.midFromPendingDescription) {
                t.setMid(null);
                t.midFromPendingDescription = false;
                t.mLineIndex = -1;
            }
        }
        s.pendingLocal = null;
        s.setSignalingState(RTCSignalingState.STABLE);
        afterStable();
    }

    // ---- set remote ---------------------------------------------------------------------------

    void setRemoteDescription(RTCSessionDescription description) {
        switch (description.type()) {
            case ROLLBACK:
                rollback();
                return;
            case OFFER:
                if (s.signalingState == RTCSignalingState.HAVE_LOCAL_OFFER) {
                    rollbackLocal(); // W3C: an offer in have-local-offer rolls ours back (perfect negotiation)
                }
                if (s.signalingState != RTCSignalingState.STABLE && s.signalingState != RTCSignalingState.HAVE_REMOTE_OFFER) {
                    throw new RTCException(RTCException.INVALID_STATE, "cannot set a remote offer in state " + s.signalingState);
                }
                setRemoteOffer(validated(description.sdp(), true));
                return;
            case ANSWER:
            case PRANSWER:
                if (s.signalingState != RTCSignalingState.HAVE_LOCAL_OFFER
                        && s.signalingState != RTCSignalingState.HAVE_REMOTE_PRANSWER) {
                    throw new RTCException(RTCException.INVALID_STATE, "cannot set a remote " + description.type()
                            + " in state " + s.signalingState);
                }
                if (description.type() == RTCSdpType.PRANSWER) {
                    setRemotePranswer(validated(description.sdp(), false));
                } else {
                    setRemoteAnswer(validated(description.sdp(), false));
                }
                return;
            default:
                throw new RTCException(RTCException.TYPE, "unknown description type " + description.type());
        }
    }

    private SessionDescription validated(String sdp, boolean isOffer) {
        SessionDescription parsed = parse(sdp);
        try {
            JsepValidator.validateRemote(parsed, isOffer, isOffer ? Optional.empty() : Optional.of(s.pendingLocal));
        } catch (JsepException e) {
            throw toRtcException(e);
        }
        return parsed;
    }

    private void setRemoteOffer(SessionDescription offer) {
        for (int i = 0; i < offer.media().size(); i++) {
            MediaDescription section = offer.media().get(i);
            Optional<MediaKind> kind = MediaKind.fromSdpName(section.type());
            String mid = section.mid().orElseThrow();
            if (kind.isEmpty() || kind.get() == MediaKind.APPLICATION) {
                continue;
            }
            RTCRtpTransceiver t = s.transceiverByMid(mid);
            if (t == null && section.port() != 0) {
                t = unassociatedAddTrackTransceiver(kind.get());
                if (t == null) {
                    t = s.newTransceiver(kind.get(), null, List.of(), RTCRtpTransceiverDirection.RECVONLY);
                    t.createdByRemoteOffer = true;
                }
                t.setMid(mid);
                t.midFromPendingDescription = true;
            }
            if (t != null) {
                t.mLineIndex = i;
            }
        }
        BundleTransport transport = s.ensureTransport(false);
        if (s.currentRemote == null) {
            // The first exchange decides the ICE role: a rolled-back local offer made us controlling.
            transport.ice().setRole(offer.iceLite()); // against ice-lite we control
        }
        s.pendingRemote = offer;
        s.pendingRemoteType = RTCSdpType.OFFER;
        applyRemoteTransport(transport, offer);
        s.setSignalingState(RTCSignalingState.HAVE_REMOTE_OFFER);
        remoteTracks.process(offer);
    }

    /** W3C: an addTrack transceiver without mid, of the same kind, not stopped, takes the new m-line. */
    private RTCRtpTransceiver unassociatedAddTrackTransceiver(MediaKind kind) {
        for (RTCRtpTransceiver t : s.transceivers) {
            if (t.mid().isEmpty() && t.kind() == kind && !t.isStopping() && t.sender().track() != null
                    && !t.createdByRemoteOffer) {
                return t;
            }
        }
        return null;
    }

    private void setRemoteAnswer(SessionDescription answer) {
        SessionDescription offer = s.pendingLocal;
        s.currentLocal = offer;
        s.currentRemote = answer;
        s.pendingLocal = null;
        s.pendingRemote = null;
        s.lastOfferWasLocal = true;
        applyRemoteTransport(s.transport, answer);
        applyNegotiation(offer, answer, true);
        s.setSignalingState(RTCSignalingState.STABLE);
        remoteTracks.process(answer);
        afterStable();
    }

    /** A provisional remote answer: its candidates are usable at once; what it agrees waits for the answer. */
    private void setRemotePranswer(SessionDescription pranswer) {
        s.pendingRemote = pranswer;
        s.pendingRemoteType = RTCSdpType.PRANSWER;
        applyRemoteTransport(s.transport, pranswer);
        s.setSignalingState(RTCSignalingState.HAVE_REMOTE_PRANSWER);
    }

    private void rollbackRemote() {
        List<RTCRtpTransceiver> remove = new ArrayList<>();
        for (RTCRtpTransceiver t : s.transceivers) {
            if (t.midFromPendingDescription) {
                t.setMid(null);
                t.midFromPendingDescription = false;
                t.mLineIndex = -1;
                if (t.createdByRemoteOffer && !t.senderEverHadTrack) {
                    remove.add(t);
                }
            }
        }
        for (RTCRtpTransceiver t : remove) {
            t.markStopped();
            s.transceivers.remove(t);
        }
        s.pendingRemote = null;
        s.setSignalingState(RTCSignalingState.STABLE);
        afterStable();
    }

    /** Remote ICE credentials and the candidates the description carries. */
    private void applyRemoteTransport(BundleTransport transport, SessionDescription remote) {
        for (MediaDescription m : remote.media()) {
            for (Candidate c : m.candidates()) {
                try {
                    transport.addRemoteCandidate(SdpCandidates.fromSdp(c));
                } catch (IllegalArgumentException e) {
                    // a candidate Parley cannot use (mDNS name, unknown transport): skip it
                }
            }
        }
    }

    /** What an offer/answer exchange agreed: transport roles, directions, codecs, routing. */
    private void applyNegotiation(SessionDescription local, SessionDescription remote, boolean localIsOfferer) {
        NegotiatedSession agreed;
        try {
            agreed = JsepNegotiation.negotiate(local, remote, localIsOfferer);
        } catch (JsepException e) {
            throw toRtcException(e);
        }
        RemoteTransport remoteTransport = agreed.remoteTransport().orElseThrow(() -> new RTCException(
                RTCException.INVALID_ACCESS, "every m-line was rejected: nothing to connect"));
        DtlsRole role = agreed.dtlsClient() ? DtlsRole.CLIENT : DtlsRole.SERVER;
        if (dtlsRole != null && role != dtlsRole) {
            throw new RTCException(RTCException.INVALID_ACCESS, "the description changes the DTLS role from "
                    + dtlsRole + " to " + role + " without a new association (RFC 8842 §5.5)");
        }
        dtlsRole = role;
        s.transport.setRemote(new IceCredentials(remoteTransport.iceUfrag(), remoteTransport.icePwd()),
                remoteTransport.fingerprints(), role);
        List<RTCRtpTransceiver> rejected = new ArrayList<>();
        for (NegotiatedMedia m : agreed.media()) {
            if (m.kind().orElse(null) == MediaKind.APPLICATION) {
                if (!m.rejected() && m.mid().isPresent()) {
                    s.dataChannels.negotiated(m.mid().get(), m.remoteSctpPort().orElse(DataChannels.SCTP_PORT),
                            m.remoteMaxMessageSize().orElse(DataChannels.DEFAULT_REMOTE_MAX_MESSAGE_SIZE), role);
                }
                continue;
            }
            RTCRtpTransceiver t = m.mid().map(s::transceiverByMid).orElse(null);
            if (t == null) {
                continue; // one we never had
            }
            t.midFromPendingDescription = false;
            t.createdByRemoteOffer = false;
            if (m.rejected()) {
                t.markStopped();
                rejected.add(t);
                continue;
            }
            t.setCurrentDirection(RTCRtpTransceiverDirection.fromW3cName(m.direction().sdpName()));
        }
        s.pc.media().configure(agreed);
        // W3C: once the answer is applied, a stopped transceiver with a rejected m-line leaves the set.
        s.transceivers.removeAll(rejected);
    }

    void restartIce() {
        if (s.closed) {
            return;
        }
        iceRestartRequested = true;
        negotiationNeeded.forceFresh();
    }

    // ---- delegated: candidates and descriptions, negotiation-needed ----------------------------------

    void addIceCandidate(RTCIceCandidate candidate) {
        candidates.addIceCandidate(candidate);
    }

    RTCIceCandidate toRtcCandidate(IceCandidate candidate) {
        return candidates.toRtcCandidate(candidate);
    }

    RTCSessionDescription localDescription() {
        return candidates.localDescription();
    }

    RTCSessionDescription describe(SessionDescription d, boolean local) {
        return candidates.describe(d, local);
    }

    void updateNegotiationNeeded() {
        negotiationNeeded.update();
    }

    void onOperationsChainEmpty() {
        negotiationNeeded.onOperationsChainEmpty();
    }

    private void afterStable() {
        negotiationNeeded.afterStable();
    }


    // ---- helpers ------------------------------------------------------------------------------

    static Direction toSdp(RTCRtpTransceiverDirection direction) {
        boolean sends = direction == RTCRtpTransceiverDirection.SENDRECV || direction == RTCRtpTransceiverDirection.SENDONLY;
        boolean receives = direction == RTCRtpTransceiverDirection.SENDRECV || direction == RTCRtpTransceiverDirection.RECVONLY;
        return Direction.of(sends, receives);
    }

    private static SessionDescription parse(String sdp) {
        try {
            return SessionDescription.parse(sdp);
        } catch (SdpParseException e) {
            throw new RTCException(RTCException.OPERATION, "cannot parse SDP: " + e.getMessage(), e);
        }
    }

    private static RTCException toRtcException(JsepException e) {
        String name;
        switch (e.reason()) {
            case MALFORMED:
                name = RTCException.OPERATION;
                break;
            default:
                name = RTCException.INVALID_ACCESS;
                break;
        }
        return new RTCException(name, e.getMessage(), e);
    }
}
