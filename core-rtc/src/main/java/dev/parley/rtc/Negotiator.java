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
import dev.parley.rtc.sdp.LocalSender;
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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The W3C and JSEP (RFC 8829) negotiation steps of a peer connection: creating offers and answers
 * from the transceivers, setting descriptions (signaling state machine, rollback), associating
 * m-lines with transceivers, applying what an offer/answer exchange agreed, and the
 * negotiation-needed flag. The SDP rules themselves are {@link JsepOffer}, {@link JsepAnswer} and
 * {@link JsepNegotiation}'s. On the executor.
 */
final class Negotiator {
    private final PeerSession s;
    private final RemoteTracks remoteTracks;
    private boolean negotiationNeeded;
    private boolean updateOnEmptyChain;
    private boolean iceRestartRequested;
    /** The DTLS role the first negotiation fixed; later ones must keep it. */
    private DtlsRole dtlsRole;
    /** Gathering started (with the first local description). */
    private boolean gathering;

    Negotiator(PeerSession session) {
        this.s = session;
        this.remoteTracks = new RemoteTracks(session);
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
                transportParameters(ice, Setup.ACTPASS), offerPlans());
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
        List<Optional<MediaSectionPlan>> plans = new ArrayList<>();
        for (MediaDescription section : offer.media()) {
            plans.add(answerPlan(section));
        }
        SessionDescription answer;
        try {
            answer = JsepAnswer.create(new SessionInfo(s.sessionId, ++s.sessionVersion),
                    transportParameters(ice, answerSetup()), offer, plans);
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

    /**
     * JSEP §5.2.2: the m-lines of the last negotiation keep their place and mid; m-lines without a
     * live transceiver (stopped, or a data section Parley declined) stay as rejected sections;
     * new transceivers are appended with fresh mids.
     */
    private List<MediaSectionPlan> offerPlans() {
        List<MediaSectionPlan> plans = new ArrayList<>();
        Set<String> usedMids = new HashSet<>();
        SessionDescription base = latestDescription();
        if (base != null) {
            for (MediaDescription section : base.media()) {
                String mid = section.mid().orElse(String.valueOf(plans.size()));
                usedMids.add(mid);
                RTCRtpTransceiver t = s.transceiverByMid(mid);
                if (t != null) {
                    plans.add(t.isStopping() ? stoppedPlan(mid, t.kind()) : planFor(t, mid, t.direction()));
                } else {
                    MediaKind kind = MediaKind.fromSdpName(section.type()).orElse(MediaKind.APPLICATION);
                    plans.add(stoppedPlan(mid, kind));
                }
            }
        }
        for (RTCRtpTransceiver t : s.transceivers) {
            if (t.mid().isPresent() && usedMids.contains(t.mid().get()) || t.isStopping()) {
                continue;
            }
            String mid = t.mid().orElseGet(() -> nextMid(usedMids));
            usedMids.add(mid);
            t.proposedMid = mid;
            plans.add(planFor(t, mid, t.direction()));
        }
        return plans;
    }

    private SessionDescription latestDescription() {
        if (s.pendingLocal != null) {
            return s.pendingLocal;
        }
        if (s.currentLocal != null) {
            return s.currentLocal;
        }
        return s.pendingRemote != null ? s.pendingRemote : s.currentRemote;
    }

    private static String nextMid(Set<String> used) {
        int n = 0;
        while (used.contains(String.valueOf(n))) {
            n++;
        }
        return String.valueOf(n);
    }

    private MediaSectionPlan stoppedPlan(String mid, MediaKind kind) {
        if (kind == MediaKind.APPLICATION) {
            return MediaSectionPlan.data(mid).asStopped();
        }
        return MediaSectionPlan.builder(mid, kind).codecs(s.mediaEngine().codecs(kind))
                .direction(Direction.INACTIVE).build().asStopped();
    }

    private MediaSectionPlan planFor(RTCRtpTransceiver t, String mid, RTCRtpTransceiverDirection direction) {
        RTCRtpSender sender = t.sender();
        MediaSectionPlan.Builder b = MediaSectionPlan.builder(mid, t.kind())
                .direction(toSdp(direction))
                .codecs(s.mediaEngine().codecs(t.kind()))
                .headerExtensions(s.mediaEngine().headerExtensions(t.kind()));
        if (direction == RTCRtpTransceiverDirection.SENDRECV || direction == RTCRtpTransceiverDirection.SENDONLY) {
            String trackId = sender.track() != null ? sender.track().id() : sender.trackIdForSignaling();
            boolean rtx = s.mediaEngine().codecs(t.kind()).stream().anyMatch(c -> c.isRtx());
            b.sender(new LocalSender(sender.ssrc(), rtx ? OptionalLong.of(sender.rtxSsrc()) : OptionalLong.empty(),
                    s.cname, trackId, sender.streamIds()));
        }
        return b.build();
    }

    /** The plan answering one offered m-line: empty rejects it (data channels arrive with #5). */
    private Optional<MediaSectionPlan> answerPlan(MediaDescription offered) {
        RTCRtpTransceiver t = offered.mid().map(s::transceiverByMid).orElse(null);
        if (t == null || t.isStopping() || offered.port() == 0) {
            return Optional.empty();
        }
        return Optional.of(planFor(t, offered.mid().get(), t.direction()));
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
            transport.ice().setRole(remoteTransportIsLite(offer));
        }
        s.pendingRemote = offer;
        s.pendingRemoteType = RTCSdpType.OFFER;
        applyRemoteTransport(transport, offer);
        s.setSignalingState(RTCSignalingState.HAVE_REMOTE_OFFER);
        remoteTracks.process(offer);
    }

    private static boolean remoteTransportIsLite(SessionDescription remote) {
        return remote.iceLite();
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
            RTCRtpTransceiver t = m.mid().map(s::transceiverByMid).orElse(null);
            if (t == null) {
                continue; // a data section (#5) or one we never had
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

    // ---- candidates ------------------------------------------------------------------------------

    void addIceCandidate(RTCIceCandidate candidate) {
        SessionDescription remote = s.pendingRemote != null ? s.pendingRemote : s.currentRemote;
        if (remote == null) {
            throw new RTCException(RTCException.INVALID_STATE, "addIceCandidate needs a remote description first");
        }
        if (candidate.sdpMid() == null && candidate.sdpMLineIndex() == null) {
            if (candidate.isEndOfCandidates()) {
                // W3C: an end-of-candidates for no m-line in particular ends them all (bundled: one transport).
                s.transport.endOfRemoteCandidates();
                return;
            }
            throw new RTCException(RTCException.TYPE, "the candidate needs sdpMid or sdpMLineIndex");
        }
        MediaDescription section = sectionFor(remote, candidate);
        if (section == null) {
            throw new RTCException(RTCException.OPERATION, "no m-line for sdpMid " + candidate.sdpMid()
                    + " / sdpMLineIndex " + candidate.sdpMLineIndex());
        }
        if (candidate.usernameFragment() != null
                && !candidate.usernameFragment().equals(section.iceUfrag().orElse(remote.iceUfrag().orElse(null)))) {
            throw new RTCException(RTCException.OPERATION, "ufrag " + candidate.usernameFragment()
                    + " belongs to no applied remote description");
        }
        if (candidate.isEndOfCandidates()) {
            s.transport.endOfRemoteCandidates();
            return;
        }
        IceCandidate parsed;
        try {
            parsed = SdpCandidates.fromSdp(Candidate.parse(candidate.candidate()));
        } catch (SdpParseException | IllegalArgumentException e) {
            throw new RTCException(RTCException.OPERATION, "bad candidate: " + e.getMessage(), e);
        }
        s.transport.addRemoteCandidate(parsed);
    }

    private static MediaDescription sectionFor(SessionDescription remote, RTCIceCandidate candidate) {
        if (candidate.sdpMid() != null) {
            return remote.mediaByMid(candidate.sdpMid()).orElse(null);
        }
        int index = candidate.sdpMLineIndex();
        return index >= 0 && index < remote.media().size() ? remote.media().get(index) : null;
    }

    /**
     * Our gathered candidate as the {@code icecandidate} event carries it: for the m-line whose
     * transport the bundle uses, which is not the first once that one was rejected.
     */
    RTCIceCandidate toRtcCandidate(IceCandidate candidate) {
        SessionDescription local = s.pendingLocal != null ? s.pendingLocal : s.currentLocal;
        String mid = "0";
        int index = 0;
        if (local != null && !local.media().isEmpty()) {
            index = transportSection(local);
            mid = local.media().get(index).mid().orElse(String.valueOf(index));
        }
        Candidate sdp = SdpCandidates.toSdp(candidate, s.localIce.ufrag());
        return new RTCIceCandidate(sdp.toString(), mid, index, s.localIce.ufrag());
    }

    /**
     * The index of the m-line that carries the bundle's transport (RFC 9143 §7: the BUNDLE tag,
     * the first mid of the group); without a group, the first m-line in use.
     */
    private static int transportSection(SessionDescription d) {
        List<MediaDescription> media = d.media();
        for (dev.parley.rtc.sdp.Group group : d.bundleGroups()) {
            if (!group.mids().isEmpty()) {
                for (int i = 0; i < media.size(); i++) {
                    if (media.get(i).mid().map(group.mids().get(0)::equals).orElse(false)) {
                        return i;
                    }
                }
            }
        }
        for (int i = 0; i < media.size(); i++) {
            if (media.get(i).port() != 0) {
                return i;
            }
        }
        return 0;
    }

    void restartIce() {
        if (s.closed) {
            return;
        }
        iceRestartRequested = true;
        negotiationNeeded = false; // force a fresh negotiationneeded event
        updateNegotiationNeeded();
    }

    // ---- descriptions as the API returns them ---------------------------------------------------

    RTCSessionDescription localDescription() {
        SessionDescription d = s.pendingLocal != null ? s.pendingLocal : s.currentLocal;
        return describe(d, true);
    }

    /** The description with the candidates gathered so far, as W3C's localDescription shows it. */
    RTCSessionDescription describe(SessionDescription d, boolean local) {
        if (d == null) {
            return null;
        }
        RTCSdpType type;
        if (d == s.pendingLocal || d == s.pendingRemote) {
            type = d == s.pendingLocal ? s.pendingLocalType : s.pendingRemoteType;
        } else {
            // current descriptions: the side that made the last offer holds the offer
            type = (d == s.currentLocal) == s.lastOfferWasLocal ? RTCSdpType.OFFER : RTCSdpType.ANSWER;
        }
        if (local && !d.media().isEmpty() && !s.localCandidates.isEmpty()) {
            int index = transportSection(d);
            MediaDescription section = d.media().get(index);
            for (IceCandidate c : s.localCandidates) {
                section = section.withAttribute(SdpCandidates.toSdp(c, s.localIce.ufrag()));
            }
            if (s.localGatheringComplete) {
                section = section.withAttribute(new dev.parley.rtc.sdp.Attribute("end-of-candidates", null));
            }
            d = d.withMedia(index, section);
        }
        return new RTCSessionDescription(type, d.write());
    }

    // ---- negotiation-needed (W3C §4.7.3) ------------------------------------------------------

    void updateNegotiationNeeded() {
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
            updateNegotiationNeeded();
        }
    }

    private void afterStable() {
        negotiationNeeded = false;
        updateNegotiationNeeded();
    }

    /** W3C "check if negotiation is needed", for one bundled transport and no data channels yet. */
    private boolean isNegotiationNeeded() {
        if (iceRestartRequested) {
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
            Direction wanted = toSdp(t.direction());
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
