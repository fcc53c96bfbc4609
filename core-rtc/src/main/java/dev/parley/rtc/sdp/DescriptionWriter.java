package dev.parley.rtc.sdp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the sections of our offers and answers in the order Chromium writes them (see the
 * captured Chromium 156 descriptions in the tests): transport attributes in every section that
 * is not rejected (we bundle, but repeat them as browsers do), then mid, extmaps, direction,
 * msid, rtcp-mux/rsize, per payload type rtpmap/rtcp-fb/fmtp, and the SSRC lines.
 */
final class DescriptionWriter {
    private static final Connection NO_ADDRESS = Connection.ip4("0.0.0.0");
    /** RFC 8829 §5.2.1: port 9 (discard) until a default candidate exists. */
    private static final int DUMMY_PORT = 9;

    /** Everything an accepted RTP section says besides the transport. */
    record RtpContent(MediaKind kind, String protocol, String mid, Direction direction,
                      List<CodecCapability> codecs, List<ExtMap> extMaps, Optional<LocalSender> sender,
                      boolean rtcpMux, boolean rtcpReducedSize, boolean extMapAllowMixed) {
        /** The sender is announced only when the section sends (RFC 8829 §5.2.1 a=msid). */
        Optional<LocalSender> announcedSender() {
            return direction.sends() ? sender : Optional.empty();
        }
    }

    private DescriptionWriter() {}

    /**
     * v=0, o=, s=-, t=0 0, the BUNDLE group (left out when empty), a=extmap-allow-mixed and
     * Chromium's {@code a=msid-semantic: WMS <stream ids>}.
     */
    static SessionDescription session(SessionInfo info, List<String> bundleMids, boolean extMapAllowMixed,
                                      List<MediaDescription> media) {
        SessionDescription.Builder b = SessionDescription.builder(info.origin());
        if (!bundleMids.isEmpty()) {
            b.attribute(Group.bundle(bundleMids));
        }
        if (extMapAllowMixed) {
            b.flag(KnownAttributes.EXTMAP_ALLOW_MIXED);
        }
        b.attribute(new MsidSemantic("WMS", streamIds(media)));
        media.forEach(b::media);
        return b.build();
    }

    /** Stream ids announced by the sections' a=msid lines, each once, in order. */
    private static List<String> streamIds(List<MediaDescription> media) {
        Set<String> ids = new LinkedHashSet<>();
        for (MediaDescription m : media) {
            for (Msid msid : m.msids()) {
                if (!Msid.NO_STREAM.equals(msid.streamId())) {
                    ids.add(msid.streamId());
                }
            }
        }
        return List.copyOf(ids);
    }

    /** A rejected section (RFC 3264 §6, RFC 8829 §5.2.2/§5.3.1): port 0, its formats, its mid. */
    static MediaDescription rejected(String type, String protocol, List<String> formats, Optional<String> mid) {
        MediaDescription.Builder b = MediaDescription.builder(new MediaLine(type, 0, protocol, formats))
                .connection(NO_ADDRESS);
        mid.ifPresent(id -> b.attribute(KnownAttributes.MID, id));
        if (JsepSections.isRtpProtocol(protocol)) {
            b.attribute(Direction.INACTIVE);
        }
        return b.build();
    }

    static MediaDescription rtp(RtpContent c, TransportParameters t) {
        List<String> formats = new ArrayList<>();
        c.codecs().forEach(codec -> formats.add(Integer.toString(codec.payloadType())));
        MediaDescription.Builder b = transport(c.kind().sdpName(), c.protocol(), formats, true, t);
        b.attribute(KnownAttributes.MID, c.mid());
        if (c.extMapAllowMixed()) {
            b.flag(KnownAttributes.EXTMAP_ALLOW_MIXED);
        }
        c.extMaps().forEach(b::attribute);
        b.attribute(c.direction());
        c.announcedSender().ifPresent(s -> msids(s).forEach(b::attribute));
        if (c.rtcpMux()) {
            b.flag(KnownAttributes.RTCP_MUX);
        }
        if (c.rtcpReducedSize()) {
            b.flag(KnownAttributes.RTCP_RSIZE);
        }
        for (CodecCapability codec : c.codecs()) {
            int pt = codec.payloadType();
            b.attribute(new RtpMap(pt, codec.name(), codec.clockRate(), codec.channels() > 1 ? codec.channels() : 0));
            codec.rtcpFeedback().forEach(fb -> b.attribute(SectionCodecs.feedbackLine(pt, fb)));
            if (!codec.fmtp().isEmpty()) {
                b.attribute(Fmtp.of(pt, codec.fmtp()));
            }
        }
        boolean hasRtx = c.codecs().stream().anyMatch(CodecCapability::isRtx);
        c.announcedSender().ifPresent(s -> ssrcLines(s, hasRtx).forEach(b::attribute));
        return b.build();
    }

    static MediaDescription data(String protocol, String mid, int sctpPort, long maxMessageSize,
                                 TransportParameters t) {
        return transport(MediaKind.APPLICATION.sdpName(), protocol, List.of(JsepSections.DATA_CHANNEL_FORMAT), false, t)
                .attribute(KnownAttributes.MID, mid)
                .attribute(KnownAttributes.SCTP_PORT, Integer.toString(sctpPort))
                .attribute(KnownAttributes.MAX_MESSAGE_SIZE, Long.toString(maxMessageSize))
                .build();
    }

    /**
     * m=, c=, a=rtcp (RTP), candidates, ICE credentials and options, fingerprints, setup. The m=
     * port and c= address are the default candidate's (RFC 8839 §4.2.1.2) once there is one.
     */
    private static MediaDescription.Builder transport(String type, String protocol, List<String> formats,
                                                      boolean rtp, TransportParameters t) {
        Optional<Candidate> def = defaultCandidate(t.candidates());
        int port = def.map(Candidate::port).orElse(DUMMY_PORT);
        Connection address = def.map(cand -> cand.address().indexOf(':') >= 0
                ? Connection.ip6(cand.address()) : Connection.ip4(cand.address())).orElse(NO_ADDRESS);
        MediaDescription.Builder b = MediaDescription.builder(new MediaLine(type, port, protocol, formats))
                .connection(address);
        if (rtp) {
            b.attribute(new Rtcp(DUMMY_PORT, NO_ADDRESS)); // RTCP is muxed (RFC 8829 §5.2.1)
        }
        t.candidates().forEach(b::attribute);
        if (t.endOfCandidates()) {
            b.flag(KnownAttributes.END_OF_CANDIDATES);
        }
        b.attribute(KnownAttributes.ICE_UFRAG, t.iceUfrag());
        b.attribute(KnownAttributes.ICE_PWD, t.icePwd());
        if (!t.iceOptions().isEmpty()) {
            b.attribute(KnownAttributes.ICE_OPTIONS, String.join(" ", t.iceOptions()));
        }
        t.fingerprints().forEach(b::attribute);
        b.attribute(t.setup());
        return b;
    }

    /** The first UDP RTP-component candidate with an IP literal (an mDNS name is no c= address). */
    private static Optional<Candidate> defaultCandidate(List<Candidate> candidates) {
        for (Candidate c : candidates) {
            if (c.component() == 1 && c.isUdp() && !c.isMdnsName() && isIpLiteral(c.address())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static boolean isIpLiteral(String address) {
        return address.indexOf(':') >= 0 || address.chars().allMatch(ch -> ch == '.' || (ch >= '0' && ch <= '9'));
    }

    /** One a=msid per stream, or {@code a=msid:- <track>} for a streamless track (RFC 8830 §2). */
    private static List<Msid> msids(LocalSender s) {
        List<Msid> out = new ArrayList<>();
        for (String stream : s.streamIds()) {
            out.add(new Msid(stream, s.trackId()));
        }
        if (out.isEmpty()) {
            out.add(new Msid(Msid.NO_STREAM, s.trackId()));
        }
        return out;
    }

    /** a=ssrc-group:FID (RFC 4588 §8.7) when RTX is used, then cname and msid per SSRC (RFC 5576 §4.1). */
    private static List<AttributeValue> ssrcLines(LocalSender s, boolean rtx) {
        List<AttributeValue> out = new ArrayList<>();
        List<Long> ssrcs = new ArrayList<>(List.of(s.ssrc()));
        if (rtx && s.rtxSsrc().isPresent()) {
            ssrcs.add(s.rtxSsrc().getAsLong());
            out.add(new SsrcGroup("FID", ssrcs));
        }
        String msid = msids(s).get(0).toValue();
        for (long ssrc : ssrcs) {
            out.add(new Ssrc(ssrc, "cname", s.cname()));
            out.add(new Ssrc(ssrc, Msid.NAME, msid));
        }
        return out;
    }
}
