package dev.parley.rtc.sdp;

import static dev.parley.rtc.sdp.JsepException.Reason.INCOMPATIBLE_ANSWER;
import static dev.parley.rtc.sdp.JsepException.Reason.MALFORMED;
import static dev.parley.rtc.sdp.JsepException.Reason.MISSING_ATTRIBUTE;
import static dev.parley.rtc.sdp.JsepException.Reason.UNSUPPORTED;
import static dev.parley.rtc.sdp.JsepSections.isRejected;
import static dev.parley.rtc.sdp.JsepSections.label;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a remote description before it is applied (RFC 8829 §5.8 "Parsing a Session
 * Description" and §5.10 "Applying a Remote Description"): the structure JSEP relies on, the
 * attributes it needs, and for an answer that it fits our offer. What we merely do not support
 * in an offer (a protocol, a section without rtcp-mux) is no error: the answer rejects that
 * section.
 */
public final class JsepValidator {
    private JsepValidator() {}

    /**
     * @param isOffer             whether {@code remote} is an offer (else an answer, or a pranswer)
     * @param localOfferIfAnswer  our offer, required when {@code remote} is an answer
     * @throws JsepException      naming the section and attribute that is wrong
     * @throws IllegalArgumentException if an answer is given without our offer
     */
    public static void validateRemote(SessionDescription remote, boolean isOffer,
                                      Optional<SessionDescription> localOfferIfAnswer) throws JsepException {
        checkDescription(remote, isOffer);
        if (!isOffer) {
            SessionDescription offer = localOfferIfAnswer.orElseThrow(
                    () -> new IllegalArgumentException("an answer is checked against the offer it answers"));
            checkAnswer(offer, remote);
        }
    }

    /** Checks that hold for any description JSEP applies. */
    static void checkDescription(SessionDescription sd, boolean isOffer) throws JsepException {
        checkMidsAndBundle(sd);
        Optional<Integer> transport = JsepSections.transportSection(sd);
        Set<String> bundled = new HashSet<>(JsepSections.bundleMids(sd));
        List<MediaDescription> media = sd.media();
        for (int i = 0; i < media.size(); i++) {
            MediaDescription m = media.get(i);
            if (isRejected(m)) {
                continue;
            }
            String where = label(i, m);
            if (m.mid().isEmpty()) {
                throw new JsepException(MISSING_ATTRIBUTE, where + ": no a=mid (RFC 8829 §5.8)");
            }
            if (JsepSections.isRtpProtocol(m.protocol())) {
                checkPayloadTypes(m, where);
                checkExtMapIds(m, where);
                RemoteSender.fromSection(m, where);
            }
            // a bundled section other than the tag uses the tag's transport (RFC 9143 §7.1.3)
            if (transport.orElse(-1) == i || !bundled.contains(m.mid().get())) {
                checkTransport(sd, m, where, isOffer);
            }
        }
    }

    private static void checkMidsAndBundle(SessionDescription sd) throws JsepException {
        Set<String> mids = new HashSet<>();
        for (int i = 0; i < sd.media().size(); i++) {
            MediaDescription m = sd.media().get(i);
            if (m.mid().isPresent() && !mids.add(m.mid().get())) {
                throw new JsepException(MALFORMED, label(i, m) + ": a=mid:" + m.mid().get()
                        + " is used by another m= section (RFC 5888 §4)");
            }
        }
        Set<String> grouped = new HashSet<>();
        for (Group g : sd.bundleGroups()) {
            for (String mid : g.mids()) {
                if (!mids.contains(mid)) {
                    throw new JsepException(MALFORMED, "a=group:" + g.toValue() + " names mid " + mid
                            + ", which no m= section has (RFC 9143 §7.1)");
                }
                if (!grouped.add(mid)) {
                    throw new JsepException(MALFORMED, "mid " + mid + " is in two BUNDLE groups (RFC 9143 §7.1)");
                }
            }
        }
    }

    private static void checkPayloadTypes(MediaDescription m, String where) throws JsepException {
        if (m.formats().isEmpty()) {
            throw new JsepException(MALFORMED, where + ": the m= line lists no payload type");
        }
        Set<Integer> seen = new HashSet<>();
        for (String f : m.formats()) {
            int pt;
            try {
                pt = SdpTokens.payloadType(f);
            } catch (SdpParseException e) {
                throw new JsepException(MALFORMED, where + ": m= line format " + SdpTokens.quote(f)
                        + " is not an RTP payload type (0-127)");
            }
            if (!seen.add(pt)) {
                throw new JsepException(MALFORMED, where + ": payload type " + pt + " is listed twice on the m= line");
            }
        }
    }

    /** RFC 8285 §8: an id names one extension within a section. */
    private static void checkExtMapIds(MediaDescription m, String where) throws JsepException {
        Map<Integer, String> uris = new HashMap<>();
        for (ExtMap e : m.extMaps()) {
            String previous = uris.putIfAbsent(e.id(), e.uri());
            if (previous != null && !previous.equals(e.uri())) {
                throw new JsepException(MALFORMED, where + ": a=extmap id " + e.id() + " names both " + previous
                        + " and " + e.uri());
            }
        }
    }

    /** ICE credentials (RFC 8839 §5.4), a fingerprint (RFC 8122 §5) and a usable setup role (RFC 8842 §5). */
    private static void checkTransport(SessionDescription sd, MediaDescription m, String where, boolean isOffer)
            throws JsepException {
        if (JsepSections.iceUfrag(sd, m).isEmpty()) {
            throw new JsepException(MISSING_ATTRIBUTE, where + ": no a=ice-ufrag (RFC 8839 §5.4)");
        }
        if (JsepSections.icePwd(sd, m).isEmpty()) {
            throw new JsepException(MISSING_ATTRIBUTE, where + ": no a=ice-pwd (RFC 8839 §5.4)");
        }
        if (JsepSections.fingerprints(sd, m).isEmpty()) {
            throw new JsepException(MISSING_ATTRIBUTE, where + ": no a=fingerprint (RFC 8122 §5, RFC 8827 §6.5)");
        }
        Setup setup = JsepSections.setup(sd, m);
        if (setup == Setup.HOLDCONN) {
            throw new JsepException(UNSUPPORTED, where + ": a=setup:holdconn names no DTLS role (RFC 8842 §5)");
        }
        if (!isOffer && setup == Setup.ACTPASS) {
            throw new JsepException(INCOMPATIBLE_ANSWER, where + ": an answer must say a=setup:active or passive, "
                    + "not actpass (RFC 8842 §5.3)");
        }
    }

    /** RFC 8829 §5.10 / RFC 3264 §6: the answer mirrors the offer's m= sections and picks from its offer. */
    static void checkAnswer(SessionDescription offer, SessionDescription answer) throws JsepException {
        if (offer.media().size() != answer.media().size()) {
            throw new JsepException(INCOMPATIBLE_ANSWER, "the answer has " + answer.media().size()
                    + " m= sections, the offer " + offer.media().size() + " (RFC 3264 §6)");
        }
        for (int i = 0; i < offer.media().size(); i++) {
            checkAnsweredSection(i, offer.media().get(i), answer.media().get(i));
        }
        Set<String> offeredBundle = new HashSet<>(JsepSections.bundleMids(offer));
        for (String mid : JsepSections.bundleMids(answer)) {
            if (!offeredBundle.contains(mid)) {
                throw new JsepException(INCOMPATIBLE_ANSWER, "the answer's BUNDLE group has mid " + mid
                        + ", which the offer did not bundle (RFC 9143 §7.3)");
            }
        }
        checkSetupRoles(offer, answer);
    }

    private static void checkAnsweredSection(int i, MediaDescription o, MediaDescription a) throws JsepException {
        String where = label(i, a);
        if (!o.type().equals(a.type()) || !o.mid().equals(a.mid())) {
            throw new JsepException(INCOMPATIBLE_ANSWER, where + " answers " + label(i, o)
                    + ": m= sections must keep the offer's order, media type and mid (RFC 8829 §5.3.1)");
        }
        if (isRejected(a)) {
            return;
        }
        if (isRejected(o)) {
            throw new JsepException(INCOMPATIBLE_ANSWER, where + ": accepts a section the offer rejected (RFC 3264 §6)");
        }
        if (!o.protocol().equals(a.protocol())) {
            throw new JsepException(INCOMPATIBLE_ANSWER, where + ": protocol " + a.protocol() + " answers "
                    + o.protocol() + " (RFC 8829 §5.3.1)");
        }
        if (!JsepSections.isRtpProtocol(a.protocol())) {
            return;
        }
        if (!a.rtcpMux()) {
            throw new JsepException(UNSUPPORTED, where + ": no a=rtcp-mux; our rtcp-mux policy is require "
                    + "(RFC 8829 §4.1.2, §5.1.3)");
        }
        for (int pt : JsepSections.payloadTypes(a)) {
            Optional<CodecCapability> answered = SectionCodecs.codec(a, pt);
            Optional<CodecCapability> offered = JsepSections.payloadTypes(o).contains(pt)
                    ? SectionCodecs.codec(o, pt) : Optional.empty();
            if (offered.isEmpty() || (answered.isPresent() && !answered.get().sameEncoding(offered.get()))) {
                throw new JsepException(INCOMPATIBLE_ANSWER, where + ": payload type " + pt
                        + " was not offered with this encoding (RFC 3264 §6.1)");
            }
        }
        Map<String, Integer> offeredIds = new HashMap<>();
        o.extMaps().forEach(e -> offeredIds.putIfAbsent(e.uri(), e.id()));
        for (ExtMap e : a.extMaps()) {
            if (!Integer.valueOf(e.id()).equals(offeredIds.get(e.uri()))) {
                throw new JsepException(INCOMPATIBLE_ANSWER, where + ": a=extmap:" + e.id() + " " + e.uri()
                        + " was not offered with this id (RFC 8285 §7)");
            }
        }
    }

    /** RFC 8842 §5.3: an active offer needs a passive answer and the reverse. */
    private static void checkSetupRoles(SessionDescription offer, SessionDescription answer) throws JsepException {
        Optional<Integer> o = JsepSections.transportSection(offer);
        Optional<Integer> a = JsepSections.transportSection(answer);
        if (o.isEmpty() || a.isEmpty()) {
            return;
        }
        Setup offered = JsepSections.setup(offer, offer.media().get(o.get()));
        Setup answered = JsepSections.setup(answer, answer.media().get(a.get()));
        if (offered != Setup.ACTPASS && offered == answered) {
            throw new JsepException(INCOMPATIBLE_ANSWER, "the offer's a=setup:" + offered.sdpName()
                    + " is answered with the same role (RFC 8842 §5.3)");
        }
    }
}
