package dev.parley.rtc;

import dev.parley.rtc.sdp.Direction;
import dev.parley.rtc.sdp.LocalSender;
import dev.parley.rtc.sdp.MediaDescription;
import dev.parley.rtc.sdp.MediaKind;
import dev.parley.rtc.sdp.MediaSectionPlan;
import dev.parley.rtc.sdp.SessionDescription;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What each m-line of our next offer or answer should say, from the transceivers: mids kept or
 * assigned, directions, codecs, the sender's SSRCs and msid. The SDP itself is written by
 * {@code JsepOffer} and {@code JsepAnswer}. On the executor.
 */
final class SectionPlans {
    private final PeerSession s;

    SectionPlans(PeerSession session) {
        this.s = session;
    }

    /**
     * JSEP §5.2.2: the m-lines of the last negotiation keep their place and mid; m-lines without a
     * live transceiver (stopped, or a data section Parley declined) stay as rejected sections;
     * new transceivers are appended with fresh mids.
     */
    List<MediaSectionPlan> forOffer() {
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
                    boolean liveData = kind == MediaKind.APPLICATION && section.port() != 0
                            && mid.equals(s.dataChannels.mid());
                    plans.add(liveData ? MediaSectionPlan.data(mid) : stoppedPlan(mid, kind));
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
        boolean hasData = plans.stream().anyMatch(p -> p.kind() == MediaKind.APPLICATION && !p.stopped());
        if (s.dataChannels.wanted() && !hasData) {
            // W3C: the first data channel adds one application m-line, after the media (JSEP §5.2.1).
            String mid = nextMid(usedMids);
            s.dataChannels.proposeMid(mid);
            plans.add(MediaSectionPlan.data(mid));
        }
        return plans;
    }

    /** The first application m-line in use of the offer {@code section} belongs to. */
    private MediaDescription firstDataMid(MediaDescription section) {
        SessionDescription offer = s.pendingRemote;
        if (offer == null) {
            return section;
        }
        for (MediaDescription m : offer.media()) {
            if (MediaKind.fromSdpName(m.type()).orElse(null) == MediaKind.APPLICATION && m.port() != 0) {
                return m;
            }
        }
        return section;
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
                .direction(Negotiator.toSdp(direction))
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

    /**
     * The plan answering one offered m-line: empty rejects it. The first application m-line is
     * accepted (RFC 8841); another would be a second association, which WebRTC does not use.
     */
    Optional<MediaSectionPlan> forAnswer(MediaDescription offered) {
        if (MediaKind.fromSdpName(offered.type()).orElse(null) == MediaKind.APPLICATION) {
            String mid = offered.mid().orElse(null);
            boolean ours = s.dataChannels.mid() == null || s.dataChannels.mid().equals(mid);
            if (offered.port() == 0 || mid == null || !ours || firstDataMid(offered) != offered) {
                return Optional.empty();
            }
            return Optional.of(MediaSectionPlan.data(mid));
        }
        RTCRtpTransceiver t = offered.mid().map(s::transceiverByMid).orElse(null);
        if (t == null || t.isStopping() || offered.port() == 0) {
            return Optional.empty();
        }
        return Optional.of(planFor(t, offered.mid().get(), t.direction()));
    }
}
