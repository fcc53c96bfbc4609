package dev.parley.rtc.sdp;

import static dev.parley.rtc.sdp.JsepException.Reason.MALFORMED;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A sender the remote side announces in an m= section: its SSRC with the RTX SSRC paired to it by
 * {@code a=ssrc-group:FID} (RFC 4588 §8.7), its CNAME (RFC 5576 §6.1) and the track and stream
 * ids of {@code a=msid} (RFC 8830 §2). Chromium writes a=msid at media level and may leave out
 * {@code a=ssrc:<n> msid:}; older endpoints only have the latter, which is used when there is no
 * media-level a=msid. A sender with only a=msid (no SSRC lines) is routed by MID.
 *
 * @param ssrc      empty when the section announces no SSRC
 * @param streamIds the streams the track is in; empty for {@code a=msid:- <track>}
 */
public record RemoteSender(OptionalLong ssrc, OptionalLong rtxSsrc, Optional<String> cname,
                           List<String> streamIds, Optional<String> trackId) {
    private static final String FID = "FID";
    private static final String SIM = "SIM";

    public RemoteSender {
        Objects.requireNonNull(ssrc, "ssrc");
        Objects.requireNonNull(rtxSsrc, "rtxSsrc");
        Objects.requireNonNull(cname, "cname");
        streamIds = List.copyOf(streamIds);
        Objects.requireNonNull(trackId, "trackId");
    }

    /**
     * The senders of one section, in order of their SSRCs' first appearance. Each SSRC that is not
     * the second member of a group (the RTX or FEC stream) is one sender.
     *
     * @throws JsepException MALFORMED for an FID group without two SSRCs or an unparsable ssrc msid
     */
    static List<RemoteSender> fromSection(MediaDescription m, String where) throws JsepException {
        Map<Long, Long> rtxOf = new HashMap<>();
        Set<Long> secondary = new HashSet<>();
        Set<Long> order = new LinkedHashSet<>();
        for (SsrcGroup g : m.ssrcGroups()) {
            if (FID.equals(g.semantics()) && g.ssrcs().size() != 2) {
                throw new JsepException(MALFORMED, where + ": a=ssrc-group:" + g.toValue()
                        + " must pair one SSRC with its RTX SSRC (RFC 4588 §8.7)");
            }
            if (g.ssrcs().isEmpty()) {
                continue;
            }
            order.add(g.ssrcs().get(0));
            if (FID.equals(g.semantics())) {
                rtxOf.putIfAbsent(g.ssrcs().get(0), g.ssrcs().get(1));
            }
            if (!SIM.equals(g.semantics())) {
                secondary.addAll(g.ssrcs().subList(1, g.ssrcs().size()));
            }
        }
        m.ssrcs().forEach(s -> order.add(s.ssrc()));
        Optional<Msid> mediaMsid = m.msids().isEmpty() ? Optional.empty() : Optional.of(m.msids().get(0));
        List<String> mediaStreams = streams(m.msids());
        List<RemoteSender> out = new ArrayList<>();
        for (long ssrc : order) {
            if (secondary.contains(ssrc)) {
                continue;
            }
            Optional<Msid> msid = mediaMsid.isPresent() ? mediaMsid : ssrcMsid(m, ssrc, where);
            List<String> streamIds = mediaMsid.isPresent() ? mediaStreams : streams(msid.stream().toList());
            Long rtx = rtxOf.get(ssrc);
            out.add(new RemoteSender(OptionalLong.of(ssrc), rtx == null ? OptionalLong.empty() : OptionalLong.of(rtx),
                    ssrcAttribute(m, ssrc, "cname"), streamIds, msid.map(Msid::appData)));
        }
        if (out.isEmpty() && mediaMsid.isPresent()) {
            out.add(new RemoteSender(OptionalLong.empty(), OptionalLong.empty(), Optional.empty(), mediaStreams,
                    mediaMsid.map(Msid::appData)));
        }
        return List.copyOf(out);
    }

    private static List<String> streams(List<Msid> msids) {
        Set<String> ids = new LinkedHashSet<>();
        for (Msid msid : msids) {
            if (!Msid.NO_STREAM.equals(msid.streamId())) {
                ids.add(msid.streamId());
            }
        }
        return List.copyOf(ids);
    }

    private static Optional<Msid> ssrcMsid(MediaDescription m, long ssrc, String where) throws JsepException {
        Optional<String> value = ssrcAttribute(m, ssrc, Msid.NAME);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Msid.parse(value.get()));
        } catch (SdpParseException e) {
            throw new JsepException(MALFORMED, where + ": a=ssrc:" + ssrc + " msid: " + e.getMessage());
        }
    }

    private static Optional<String> ssrcAttribute(MediaDescription m, long ssrc, String attribute) {
        for (Ssrc s : m.ssrcs()) {
            if (s.ssrc() == ssrc && s.attribute().equals(attribute) && s.value() != null) {
                return Optional.of(s.value());
            }
        }
        return Optional.empty();
    }
}
