package dev.parley.rtc;

import dev.parley.rtc.ice.IceCandidate;
import dev.parley.rtc.ice.SdpCandidates;
import dev.parley.rtc.sdp.Attribute;
import dev.parley.rtc.sdp.Candidate;
import dev.parley.rtc.sdp.Group;
import dev.parley.rtc.sdp.MediaDescription;
import dev.parley.rtc.sdp.SdpParseException;
import dev.parley.rtc.sdp.SessionDescription;
import java.util.List;

/**
 * Candidates between the API and the descriptions: the peer's, added by {@code addIceCandidate}
 * (W3C §4.4.1.6 rules), and ours, in {@code icecandidate} events and in the descriptions the
 * getters return (all on the m-line that carries the bundle's transport). On the executor.
 */
final class CandidateSignaling {
    private final PeerSession s;

    CandidateSignaling(PeerSession session) {
        this.s = session;
    }

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
                && !ufragOf(s.pendingRemote, candidate).equals(candidate.usernameFragment())
                && !ufragOf(s.currentRemote, candidate).equals(candidate.usernameFragment())) {
            // W3C: the ufrag must be one of an applied remote description (pending or current).
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

    /** The ufrag of the candidate's m-line in {@code remote}, or "" if there is none. */
    private static String ufragOf(SessionDescription remote, RTCIceCandidate candidate) {
        if (remote == null) {
            return "";
        }
        MediaDescription section = sectionFor(remote, candidate);
        if (section == null) {
            return "";
        }
        return section.iceUfrag().or(remote::iceUfrag).orElse("");
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
        for (Group group : d.bundleGroups()) {
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
                section = section.withAttribute(new Attribute("end-of-candidates", null));
            }
            d = d.withMedia(index, section);
        }
        return new RTCSessionDescription(type, d.write());
    }
}
