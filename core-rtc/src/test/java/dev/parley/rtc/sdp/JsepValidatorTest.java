package dev.parley.rtc.sdp;

import static dev.parley.rtc.sdp.JsepException.Reason.INCOMPATIBLE_ANSWER;
import static dev.parley.rtc.sdp.JsepException.Reason.MALFORMED;
import static dev.parley.rtc.sdp.JsepException.Reason.MISSING_ATTRIBUTE;
import static dev.parley.rtc.sdp.JsepException.Reason.UNSUPPORTED;
import static dev.parley.rtc.sdp.JsepFixtures.SESSION;
import static dev.parley.rtc.sdp.JsepFixtures.replaceLine;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Remote descriptions JSEP refuses, with the reason the peer connection maps to a W3C error. */
class JsepValidatorTest {
    private static final String OFFER = SdpFixtures.chromiumOffer();
    private static final String ANSWER = SdpFixtures.chromiumAnswer();

    private static JsepException offerFails(String offerText) {
        return assertThrows(JsepException.class,
                () -> JsepValidator.validateRemote(SessionDescription.parse(offerText), true, Optional.empty()));
    }

    /** Chromium's answer, edited, checked against Chromium's offer as if the offer were ours. */
    private static JsepException answerFails(String answerText) {
        return assertThrows(JsepException.class, () -> JsepValidator.validateRemote(
                SessionDescription.parse(answerText), false, Optional.of(SessionDescription.parse(OFFER))));
    }

    private static String withoutLines(String sdp, String prefix) {
        StringBuilder sb = new StringBuilder();
        for (String line : SdpFixtures.crlf(sdp).split("\r\n")) {
            if (!line.startsWith(prefix)) {
                sb.append(line).append("\r\n");
            }
        }
        return sb.toString();
    }

    private static void assertReason(JsepException.Reason reason, JsepException e, String... mentions) {
        assertEquals(reason, e.reason(), e.getMessage());
        for (String m : mentions) {
            assertTrue(e.getMessage().contains(m), "'" + m + "' in: " + e.getMessage());
        }
    }

    @Test
    void chromiumsOwnOfferAndAnswerAreValid() {
        assertDoesNotThrow(() -> JsepValidator.validateRemote(SessionDescription.parse(OFFER), true, Optional.empty()));
        assertDoesNotThrow(() -> JsepValidator.validateRemote(SessionDescription.parse(ANSWER), false,
                Optional.of(SessionDescription.parse(OFFER))));
    }

    @Test
    void missingFingerprintOrIceCredentials() {
        assertReason(MISSING_ATTRIBUTE, offerFails(withoutLines(OFFER, "a=fingerprint")),
                "m-section 0 (audio, mid 0)", "a=fingerprint");
        assertReason(MISSING_ATTRIBUTE, offerFails(withoutLines(OFFER, "a=ice-ufrag")), "a=ice-ufrag");
        assertReason(MISSING_ATTRIBUTE, offerFails(withoutLines(OFFER, "a=ice-pwd")), "a=ice-pwd");
        assertReason(MISSING_ATTRIBUTE, answerFails(withoutLines(ANSWER, "a=fingerprint")), "a=fingerprint");
        assertReason(MISSING_ATTRIBUTE, answerFails(withoutLines(ANSWER, "a=ice-ufrag")), "a=ice-ufrag");
    }

    @Test
    void transportAttributesMayBeAtSessionLevelOrOnlyInTheBundleTag() throws Exception {
        String sessionLevel = replaceLine(withoutLines(withoutLines(OFFER, "a=ice-ufrag"), "a=fingerprint"),
                "a=extmap-allow-mixed", "a=extmap-allow-mixed\r\na=ice-ufrag:sess\r\na=fingerprint:"
                        + JsepFixtures.fingerprint(9).toValue());
        assertDoesNotThrow(() -> JsepValidator.validateRemote(SessionDescription.parse(sessionLevel), true,
                Optional.empty()));
        SessionDescription answer = JsepAnswer.create(SESSION, JsepFixtures.answerer(),
                SessionDescription.parse(sessionLevel), JsepFixtures.plansForChromium());
        RemoteTransport t = JsepNegotiation.negotiate(answer, SessionDescription.parse(sessionLevel), false)
                .remoteTransport().orElseThrow();
        assertEquals("sess", t.iceUfrag());
        assertEquals(List.of(JsepFixtures.fingerprint(9)), t.fingerprints());

        // RFC 9143 bundle-only style: only the tag (mid 0) carries ICE and DTLS attributes
        SessionDescription chromium = SessionDescription.parse(OFFER);
        for (int i = 1; i < 3; i++) {
            MediaDescription m = chromium.media().get(i);
            for (String name : List.of("ice-ufrag", "ice-pwd", "fingerprint", "setup", "ice-options")) {
                m = m.withoutAttributes(name);
            }
            chromium = chromium.withMedia(i, m);
        }
        SessionDescription tagOnly = chromium;
        assertDoesNotThrow(() -> JsepValidator.validateRemote(tagOnly, true, Optional.empty()));
    }

    @Test
    void setupRoles() {
        assertReason(UNSUPPORTED, offerFails(OFFER.replace("a=setup:actpass", "a=setup:holdconn")), "holdconn");
        assertReason(INCOMPATIBLE_ANSWER, answerFails(ANSWER.replace("a=setup:active", "a=setup:actpass")),
                "actpass");
        assertThrows(JsepException.class, () -> JsepValidator.validateRemote(SessionDescription.parse(ANSWER), false,
                Optional.of(SessionDescription.parse(OFFER.replace("a=setup:actpass", "a=setup:active")))),
                "an active offer answered active: both would connect");
        assertDoesNotThrow(() -> JsepValidator.validateRemote(
                SessionDescription.parse(ANSWER.replace("a=setup:active", "a=setup:passive")), false,
                Optional.of(SessionDescription.parse(OFFER.replace("a=setup:actpass", "a=setup:active")))));
    }

    @Test
    void answerMustMirrorTheOffersSections() throws Exception {
        SessionDescription answer = SessionDescription.parse(ANSWER);
        SessionDescription swapped = answer.withMedia(List.of(answer.media().get(1), answer.media().get(0),
                answer.media().get(2)));
        JsepException e = assertThrows(JsepException.class, () -> JsepValidator.validateRemote(swapped, false,
                Optional.of(SessionDescription.parse(OFFER))));
        assertReason(INCOMPATIBLE_ANSWER, e, "m-section 0 (video, mid 1)", "m-section 0 (audio, mid 0)");

        SessionDescription fewer = SessionDescription.parse(ANSWER.substring(0, ANSWER.indexOf("m=application"))
                .replace("a=group:BUNDLE 0 1 2", "a=group:BUNDLE 0 1"));
        assertReason(INCOMPATIBLE_ANSWER, assertThrows(JsepException.class, () -> JsepValidator.validateRemote(
                fewer, false, Optional.of(SessionDescription.parse(OFFER)))), "2 m= sections", "offer 3");

        assertReason(INCOMPATIBLE_ANSWER, answerFails(ANSWER.replace("a=mid:2", "a=mid:data")
                .replace("a=group:BUNDLE 0 1 2", "a=group:BUNDLE 0 1 data")), "mid data");
        assertReason(INCOMPATIBLE_ANSWER, answerFails(ANSWER.replace("m=application 9 UDP/DTLS/SCTP",
                "m=application 9 TCP/DTLS/SCTP")), "protocol");
    }

    @Test
    void answerMayNotAcceptWhatTheOfferRejected() {
        JsepException e = assertThrows(JsepException.class, () -> JsepValidator.validateRemote(
                SessionDescription.parse(ANSWER), false, Optional.of(SessionDescription.parse(
                        OFFER.replace("m=application 60990", "m=application 0")))));
        assertReason(INCOMPATIBLE_ANSWER, e, "m-section 2");
    }

    @Test
    void answerCodecsAndExtensionsMustComeFromTheOffer() {
        assertReason(INCOMPATIBLE_ANSWER, answerFails(ANSWER.replace("m=video 9 UDP/TLS/RTP/SAVPF 96 97",
                "m=video 9 UDP/TLS/RTP/SAVPF 35 96 97").replace("a=rtpmap:96 VP8/90000",
                "a=rtpmap:35 VP8/90000\r\na=rtpmap:96 VP8/90000")), "payload type 35");
        assertReason(INCOMPATIBLE_ANSWER, answerFails(ANSWER.replace("a=rtpmap:96 VP8/90000", "a=rtpmap:96 VP9/90000")),
                "payload type 96");
        assertReason(INCOMPATIBLE_ANSWER, answerFails(ANSWER.replace(
                "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
                "a=extmap:9 urn:ietf:params:rtp-hdrext:ssrc-audio-level")), "a=extmap:9");
    }

    @Test
    void answerBundleMustBeWithinTheOffersBundle() {
        String offerWithoutData = replaceLine(OFFER, "a=group:BUNDLE 0 1 2", "a=group:BUNDLE 0 1");
        JsepException e = assertThrows(JsepException.class, () -> JsepValidator.validateRemote(
                SessionDescription.parse(ANSWER), false, Optional.of(SessionDescription.parse(offerWithoutData))));
        assertReason(INCOMPATIBLE_ANSWER, e, "mid 2", "BUNDLE");
    }

    @Test
    void answerWithoutRtcpMuxIsUnsupported() {
        assertReason(UNSUPPORTED, answerFails(replaceLine(ANSWER, "a=rtcp-mux", "")), "m-section 0", "rtcp-mux");
    }

    @Test
    void malformedStructure() {
        assertReason(MALFORMED, offerFails(OFFER.replace("a=mid:1", "a=mid:0")
                .replace("a=group:BUNDLE 0 1 2", "a=group:BUNDLE 0 2")), "mid:0", "another");
        assertReason(MALFORMED, offerFails(OFFER.replace("a=group:BUNDLE 0 1 2", "a=group:BUNDLE 0 1 2 7")), "mid 7");
        assertReason(MALFORMED, offerFails(OFFER.replace("a=extmap-allow-mixed",
                "a=group:BUNDLE 1\r\na=extmap-allow-mixed")), "two BUNDLE groups");
        assertReason(MALFORMED, offerFails(OFFER.replace("111 63 9 0 8 13 110 126", "111 63 9 0 8 13 110 opus")),
                "'opus'");
        assertReason(MALFORMED, offerFails(OFFER.replace("111 63 9 0 8 13 110 126", "111 63 9 0 8 13 110 111")),
                "listed twice");
        assertReason(MALFORMED, offerFails(OFFER.replace("a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid",
                "a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid")), "extmap id 1");
        assertReason(MISSING_ATTRIBUTE, offerFails(OFFER.replace("a=mid:2\r\n", "")
                .replace("a=group:BUNDLE 0 1 2", "a=group:BUNDLE 0 1")), "m-section 2 (application)", "a=mid");
        assertReason(MALFORMED, offerFails(OFFER.replace("a=ssrc-group:FID 1299756833 514658265",
                "a=ssrc-group:FID 1299756833")), "FID");
        // read (and so checked) only where no media-level a=msid exists
        String ssrcMsidOnly = OFFER.replace(
                "a=msid:6c78583b-4a5f-4c60-966b-82c901e2b35a 286ea1ed-9a6d-424b-b301-4407c733099d\r\n", "");
        assertDoesNotThrow(() -> JsepValidator.validateRemote(SessionDescription.parse(OFFER.replace(
                "a=ssrc:3107517032 msid:6c78583b", "a=ssrc:3107517032 msid:a b 6c78583b")), true, Optional.empty()));
        assertReason(MALFORMED, offerFails(ssrcMsidOnly.replace("a=ssrc:3107517032 msid:6c78583b",
                "a=ssrc:3107517032 msid:a b 6c78583b")), "a=ssrc:3107517032 msid");
    }

    @Test
    void rejectedSectionsNeedNothing() {
        String rejected = OFFER.replace("m=application 60990 UDP/DTLS/SCTP webrtc-datachannel",
                "m=application 0 UDP/DTLS/SCTP webrtc-datachannel").replace("a=mid:2\r\n", "")
                .replace("a=group:BUNDLE 0 1 2", "a=group:BUNDLE 0 1");
        assertDoesNotThrow(() -> JsepValidator.validateRemote(SessionDescription.parse(rejected), true,
                Optional.empty()));
    }

    @Test
    void anAnswerNeedsTheOfferItAnswers() {
        assertThrows(IllegalArgumentException.class, () -> JsepValidator.validateRemote(
                SessionDescription.parse(ANSWER), false, Optional.empty()));
    }

    @Test
    void answerAndNegotiateRefuseInvalidRemoteDescriptions() throws Exception {
        SessionDescription bad = SessionDescription.parse(withoutLines(OFFER, "a=fingerprint"));
        assertReason(MISSING_ATTRIBUTE, assertThrows(JsepException.class, () -> JsepAnswer.create(SESSION,
                JsepFixtures.answerer(), bad, JsepFixtures.plansForChromium())));
        SessionDescription ours = JsepAnswer.create(SESSION, JsepFixtures.answerer(), JsepFixtures.chromiumOffer(),
                JsepFixtures.plansForChromium());
        assertReason(MISSING_ATTRIBUTE, assertThrows(JsepException.class,
                () -> JsepNegotiation.negotiate(ours, bad, false)));
        SessionDescription ourOffer = JsepOffer.create(SESSION, JsepFixtures.offerer(), List.of(
                JsepFixtures.audio("0").build()));
        assertReason(INCOMPATIBLE_ANSWER, assertThrows(JsepException.class,
                () -> JsepNegotiation.negotiate(ourOffer, SessionDescription.parse(ANSWER), true)), "3 m= sections");
    }

    @Test
    void exceptionNamesItsReason() {
        JsepException e = new JsepException(UNSUPPORTED, "m-section 0: x");
        assertEquals("JsepException[UNSUPPORTED]: m-section 0: x", e.toString());
    }
}
