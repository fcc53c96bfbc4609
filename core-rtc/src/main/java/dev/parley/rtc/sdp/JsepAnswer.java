package dev.parley.rtc.sdp;

import static dev.parley.rtc.sdp.JsepSections.isRejected;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Creates answers, RFC 8829 §5.3.1: one section per offered section, in the offer's order and
 * with its mids. A section is rejected (port 0) when there is no plan for it or the plan is
 * stopped, the offer rejected it, its protocol is not one we speak, it has no a=rtcp-mux (our
 * policy is require, §4.1.2), no codec is common ({@link CodecMatcher}), or it is outside the
 * BUNDLE group of the first offered section (max-bundle, §5.3.1).
 *
 * <p>The DTLS role follows the offer (RFC 8842 §5.3): active against a passive offer, passive
 * against an active one, and our preferred {@link TransportParameters#setup()} against actpass
 * (active unless the preference is passive).
 */
public final class JsepAnswer {
    private JsepAnswer() {}

    /**
     * @param plansPerOfferedSection one entry per offered m= section, in order; empty rejects it.
     *                               A plan's mid and kind must be the offered section's.
     * @throws JsepException if the offer is invalid (see {@link JsepValidator})
     * @throws IllegalArgumentException if the plans do not line up with the offered sections
     */
    public static SessionDescription create(SessionInfo session, TransportParameters transport,
                                            SessionDescription remoteOffer,
                                            List<Optional<MediaSectionPlan>> plansPerOfferedSection)
            throws JsepException {
        JsepValidator.checkDescription(remoteOffer, true);
        List<MediaDescription> offered = remoteOffer.media();
        if (plansPerOfferedSection.size() != offered.size()) {
            throw new IllegalArgumentException(plansPerOfferedSection.size() + " plans for " + offered.size()
                    + " offered m= sections");
        }
        TransportParameters ours = withAnswerSetup(transport, remoteOffer);
        Set<String> bundleable = bundleableMids(remoteOffer);
        List<MediaDescription> media = new ArrayList<>();
        Set<String> accepted = new HashSet<>();
        for (int i = 0; i < offered.size(); i++) {
            MediaDescription o = offered.get(i);
            Optional<MediaSectionPlan> plan = plansPerOfferedSection.get(i);
            plan.ifPresent(p -> checkPlanFits(p, o));
            boolean eligible = plan.isPresent() && !plan.get().stopped() && !isRejected(o)
                    && bundleable.contains(o.mid().orElse(""));
            MediaDescription answered = eligible ? accept(remoteOffer, o, plan.get(), ours) : null;
            if (answered == null) {
                answered = DescriptionWriter.rejected(o.type(), o.protocol(), o.formats(), o.mid());
            } else {
                accepted.add(o.mid().orElseThrow());
            }
            media.add(answered);
        }
        List<String> bundle = new ArrayList<>();
        for (String mid : JsepSections.bundleMids(remoteOffer)) {
            if (accepted.contains(mid)) {
                bundle.add(mid);
            }
        }
        return DescriptionWriter.session(session, bundle, remoteOffer.extMapAllowMixed(), media);
    }

    private static void checkPlanFits(MediaSectionPlan plan, MediaDescription offered) {
        if (!offered.mid().equals(Optional.of(plan.mid())) || !plan.kind().sdpName().equals(offered.type())) {
            throw new IllegalArgumentException("plan " + plan.kind().sdpName() + " mid " + plan.mid()
                    + " does not fit offered " + offered.type() + " mid " + offered.mid().orElse("(none)"));
        }
    }

    /** The answered section, or null to reject it. */
    private static MediaDescription accept(SessionDescription offer, MediaDescription o, MediaSectionPlan plan,
                                           TransportParameters transport) {
        if (!plan.kind().isRtp()) {
            boolean dataChannel = JsepSections.DATA_PROTOCOLS.contains(o.protocol())
                    && o.formats().contains(JsepSections.DATA_CHANNEL_FORMAT);
            return dataChannel ? DescriptionWriter.data(o.protocol(), plan.mid(), plan.sctpPort(),
                    plan.maxMessageSize(), transport) : null;
        }
        if (!JsepSections.RTP_PROTOCOLS.contains(o.protocol()) || !o.rtcpMux()) {
            return null;
        }
        List<CodecCapability> codecs = CodecMatcher.answer(plan.codecs(), SectionCodecs.read(o));
        if (codecs.stream().noneMatch(CodecCapability::isMediaCodec)) {
            return null;
        }
        Direction direction = plan.direction().intersect(JsepSections.direction(offer, o).reverse());
        boolean mixedHere = o.extMapAllowMixed() && !offer.extMapAllowMixed();
        return DescriptionWriter.rtp(new DescriptionWriter.RtpContent(plan.kind(), o.protocol(), plan.mid(),
                direction, codecs, extensions(o, plan), plan.sender(), true, o.rtcpReducedSize(), mixedHere),
                transport);
    }

    /**
     * The offered extensions we support, with the offer's ids, in the offer's order (RFC 8285 §7).
     * Ids 4096-4351 ask the answerer to pick one; we leave such extensions out instead.
     */
    private static List<ExtMap> extensions(MediaDescription o, MediaSectionPlan plan) {
        List<ExtMap> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (ExtMap e : o.extMaps()) {
            if (e.id() > 255 || !used.add(e.uri())) {
                continue;
            }
            for (HeaderExtensionCapability cap : plan.headerExtensions()) {
                if (cap.uri().equals(e.uri())) {
                    Direction offered = e.direction() == null ? Direction.SENDRECV : e.direction();
                    Direction d = cap.direction().intersect(offered.reverse());
                    if (d != Direction.INACTIVE) {
                        out.add(new ExtMap(e.id(), d == Direction.SENDRECV ? null : d, e.uri(), null));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Max-bundle (RFC 8829 §5.3.1): only the first offered section that is not rejected, and the
     * sections bundled with it, can be accepted.
     */
    private static Set<String> bundleableMids(SessionDescription offer) {
        for (MediaDescription m : offer.media()) {
            if (!isRejected(m) && m.mid().isPresent()) {
                String first = m.mid().get();
                for (Group g : offer.bundleGroups()) {
                    if (g.mids().contains(first)) {
                        return new HashSet<>(g.mids());
                    }
                }
                return Set.of(first);
            }
        }
        return Set.of();
    }

    private static TransportParameters withAnswerSetup(TransportParameters t, SessionDescription offer) {
        Setup offered = JsepSections.transportSection(offer)
                .map(i -> JsepSections.setup(offer, offer.media().get(i))).orElse(Setup.ACTPASS);
        Setup answer;
        switch (offered) {
            case ACTIVE:
                answer = Setup.PASSIVE;
                break;
            case PASSIVE:
                answer = Setup.ACTIVE;
                break;
            default:
                answer = t.setup() == Setup.PASSIVE ? Setup.PASSIVE : Setup.ACTIVE;
                break;
        }
        return new TransportParameters(t.iceUfrag(), t.icePwd(), t.iceOptions(), t.fingerprints(), answer,
                t.candidates(), t.endOfCandidates());
    }
}
