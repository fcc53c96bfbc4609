package dev.parley.rtc.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Property: whatever SDP parses, the JSEP functions either refuse it with {@link JsepException}
 * or work, and what they produce is consistent: a remote offer the validator accepts gets an
 * answer that parses back identically and that negotiates against the offer without error; a
 * remote answer the validator accepts negotiates against our offer. Seeds (JsepFuzzTestInputs):
 * Chromium's offer and answer, our offer, and another peer's answer to it.
 */
class JsepFuzzTest {
    /** Our side: audio 0, video 1, data 2, like Chromium's seed, so its answer fits our offer. */
    private static final SessionDescription OUR_OFFER = JsepOffer.create(JsepFixtures.SESSION,
            JsepFixtures.offerer(), List.of(JsepFixtures.audio("0").build(), JsepFixtures.video("1").build(),
                    MediaSectionPlan.data("2")));

    @FuzzTest
    void remoteDescriptions(byte[] data) {
        SessionDescription remote;
        try {
            remote = SessionDescription.parse(new String(data, StandardCharsets.ISO_8859_1));
        } catch (SdpParseException notSdp) {
            return;
        }
        asRemoteOffer(remote);
        asRemoteAnswer(remote);
    }

    private static void asRemoteOffer(SessionDescription offer) {
        try {
            JsepValidator.validateRemote(offer, true, Optional.empty());
        } catch (JsepException refused) {
            return;
        }
        SessionDescription answer;
        NegotiatedSession session;
        try {
            answer = JsepAnswer.create(JsepFixtures.SESSION, JsepFixtures.answerer(), offer, plansFor(offer));
            session = JsepNegotiation.negotiate(answer, offer, false);
        } catch (JsepException e) {
            throw new AssertionError("a valid offer got an answer that does not fit it: " + e.getMessage(), e);
        }
        JsepFixtures.roundTrip(answer);
        assertEquals(offer.media().size(), session.media().size());
        for (NegotiatedMedia m : session.media()) {
            if (!m.rejected() && m.kind().orElseThrow().isRtp()) {
                m.preferredSendCodec().orElseThrow(() -> new AssertionError("accepted without a common codec"));
            }
        }
    }

    private static void asRemoteAnswer(SessionDescription answer) {
        try {
            JsepValidator.validateRemote(answer, false, Optional.of(OUR_OFFER));
        } catch (JsepException refused) {
            return;
        }
        try {
            NegotiatedSession session = JsepNegotiation.negotiate(OUR_OFFER, answer, true);
            assertEquals(OUR_OFFER.media().size(), session.media().size());
        } catch (JsepException e) {
            throw new AssertionError("a valid answer does not negotiate: " + e.getMessage(), e);
        }
    }

    /** A plan for every section we could accept, with the offered mid. */
    private static List<Optional<MediaSectionPlan>> plansFor(SessionDescription offer) {
        List<Optional<MediaSectionPlan>> plans = new ArrayList<>();
        for (MediaDescription m : offer.media()) {
            Optional<MediaKind> kind = MediaKind.fromSdpName(m.type());
            if (m.mid().isEmpty() || kind.isEmpty()) {
                plans.add(Optional.empty());
            } else if (kind.get() == MediaKind.AUDIO) {
                plans.add(Optional.of(JsepFixtures.audio(m.mid().get()).build()));
            } else if (kind.get() == MediaKind.VIDEO) {
                plans.add(Optional.of(JsepFixtures.video(m.mid().get()).build()));
            } else {
                plans.add(Optional.of(MediaSectionPlan.data(m.mid().get())));
            }
        }
        return plans;
    }
}
