package dev.parley.rtc.sdp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Creates offers, RFC 8829 §5.2, shaped like Chromium's: one m= section per plan in the given
 * order (the caller keeps m= line order and mids across renegotiations, §5.2.2), all bundled
 * (max-bundle, §4.1.1) with the transport attributes repeated in each section.
 */
public final class JsepOffer {
    private JsepOffer() {}

    /**
     * @param plans one per m= section, in m= line order; a stopped plan becomes a rejected
     *              section (port 0, its payload types, its mid, not in the BUNDLE group)
     * @throws IllegalArgumentException if two plans share a mid
     */
    public static SessionDescription create(SessionInfo session, TransportParameters transport,
                                            List<MediaSectionPlan> plans) {
        Set<String> mids = new HashSet<>();
        List<MediaDescription> media = new ArrayList<>();
        List<String> bundle = new ArrayList<>();
        for (MediaSectionPlan plan : plans) {
            if (!mids.add(plan.mid())) {
                throw new IllegalArgumentException("mid " + plan.mid() + " is used by two m= sections");
            }
            media.add(section(plan, transport));
            if (!plan.stopped()) {
                bundle.add(plan.mid());
            }
        }
        return DescriptionWriter.session(session, bundle, true, media);
    }

    private static MediaDescription section(MediaSectionPlan plan, TransportParameters transport) {
        if (plan.kind() == MediaKind.APPLICATION) {
            return plan.stopped()
                    ? DescriptionWriter.rejected(plan.kind().sdpName(), JsepSections.OFFER_DATA_PROTOCOL,
                            List.of(JsepSections.DATA_CHANNEL_FORMAT), Optional.of(plan.mid()))
                    : DescriptionWriter.data(JsepSections.OFFER_DATA_PROTOCOL, plan.mid(), plan.sctpPort(),
                            plan.maxMessageSize(), transport);
        }
        if (plan.stopped()) {
            List<String> formats = new ArrayList<>();
            plan.codecs().forEach(c -> formats.add(Integer.toString(c.payloadType())));
            return DescriptionWriter.rejected(plan.kind().sdpName(), JsepSections.OFFER_RTP_PROTOCOL, formats,
                    Optional.of(plan.mid()));
        }
        List<ExtMap> extMaps = new ArrayList<>();
        for (HeaderExtensionCapability e : plan.headerExtensions()) {
            // sendrecv is the default and Chromium leaves it out (RFC 8285 §8)
            extMaps.add(new ExtMap(e.id(), e.direction() == Direction.SENDRECV ? null : e.direction(), e.uri(), null));
        }
        return DescriptionWriter.rtp(new DescriptionWriter.RtpContent(plan.kind(), JsepSections.OFFER_RTP_PROTOCOL,
                plan.mid(), plan.direction(), plan.codecs(), extMaps, plan.sender(), true, true, false), transport);
    }
}
