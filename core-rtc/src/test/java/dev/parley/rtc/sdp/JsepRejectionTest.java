package dev.parley.rtc.sdp;

import static dev.parley.rtc.sdp.JsepFixtures.SESSION;
import static dev.parley.rtc.sdp.JsepFixtures.replaceLine;
import static dev.parley.rtc.sdp.JsepFixtures.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When an answer rejects an offered section (RFC 8829 §5.3.1) and what a rejected section looks like. */
class JsepRejectionTest {
    private static SessionDescription answer(String offerText, List<Optional<MediaSectionPlan>> plans)
            throws Exception {
        return roundTrip(JsepAnswer.create(SESSION, JsepFixtures.answerer(), SessionDescription.parse(offerText),
                plans));
    }

    private static SessionDescription answerChromium(String offerText) throws Exception {
        return answer(offerText, JsepFixtures.plansForChromium());
    }

    private static void assertRejected(MediaDescription offered, MediaDescription answered) {
        assertEquals(0, answered.port());
        assertEquals(offered.formats(), answered.formats(), "the offered formats, as RFC 3264 §6 asks");
        assertEquals(offered.mid(), answered.mid());
        assertEquals(offered.protocol(), answered.protocol());
        assertTrue(answered.iceUfrag().isEmpty() && answered.fingerprints().isEmpty() && answered.rtpMaps().isEmpty());
    }

    @Test
    void noCommonCodecRejectsTheSection() throws Exception {
        SessionDescription offer = JsepFixtures.chromiumOffer();
        SessionDescription a = roundTrip(JsepAnswer.create(SESSION, JsepFixtures.answerer(), offer, List.of(
                Optional.of(JsepFixtures.audio("0").codecs(List.of(new CodecCapability("G729", 8000, 1, 18))).build()),
                Optional.of(JsepFixtures.video("1").build()), Optional.of(MediaSectionPlan.data("2")))));
        assertRejected(offer.media().get(0), a.media().get(0));
        assertEquals(Direction.INACTIVE, a.media().get(0).direction().orElseThrow());
        assertEquals(List.of(Group.bundle(List.of("1", "2"))), a.bundleGroups());

        NegotiatedSession s = JsepNegotiation.negotiate(a, offer, false);
        assertTrue(s.media().get(0).rejected());
        assertEquals("1", s.bundleMids().get(0));
        assertEquals(34225, s.remoteTransport().orElseThrow().candidates().get(0).port(),
                "we rejected the offerer's tag (audio): the answer's tag, video, carries the bundle (RFC 9143 §7.3.1)");
    }

    @Test
    void rtxAloneIsNoCommonCodec() throws Exception {
        SessionDescription offer = JsepFixtures.chromiumOffer();
        CodecCapability h264High = new CodecCapability("H264", 90000, 1, JsepFixtures.fmtp("packetization-mode", "1",
                "profile-level-id", "640c1f"), List.of(), 110);
        SessionDescription a = roundTrip(JsepAnswer.create(SESSION, JsepFixtures.answerer(), offer, List.of(
                Optional.of(JsepFixtures.audio("0").build()),
                Optional.of(JsepFixtures.video("1").codecs(List.of(h264High, CodecCapability.rtx(111, 90000, 110)))
                        .build()),
                Optional.of(MediaSectionPlan.data("2")))));
        assertRejected(offer.media().get(1), a.media().get(1));
    }

    @Test
    void sectionTheOfferRejectedStaysRejected() throws Exception {
        String text = replaceLine(SdpFixtures.chromiumOffer(),
                "m=video 34225 UDP/TLS/RTP/SAVPF 96 97 102 103 104 107 108 109 114 115 116 117 39 40 45 46 98 99 100 101 118 119 120",
                "m=video 0 UDP/TLS/RTP/SAVPF 96 97 102 103 104 107 108 109 114 115 116 117 39 40 45 46 98 99 100 101 118 119 120");
        SessionDescription a = answerChromium(text);
        assertRejected(SessionDescription.parse(text).media().get(1), a.media().get(1));
        assertEquals(List.of(Group.bundle(List.of("0", "2"))), a.bundleGroups());
        assertEquals(9, a.media().get(0).port());
    }

    @Test
    void missingOrStoppedPlanRejects() throws Exception {
        SessionDescription offer = JsepFixtures.chromiumOffer();
        SessionDescription a = roundTrip(JsepAnswer.create(SESSION, JsepFixtures.answerer(), offer, List.of(
                Optional.of(JsepFixtures.audio("0").build()),
                Optional.of(JsepFixtures.video("1").build().asStopped()),
                Optional.empty())));
        assertEquals(9, a.media().get(0).port());
        assertRejected(offer.media().get(1), a.media().get(1));
        assertRejected(offer.media().get(2), a.media().get(2));
        assertEquals(List.of(Group.bundle(List.of("0"))), a.bundleGroups());
    }

    @Test
    void unsupportedProtocolsReject() throws Exception {
        String text = replaceLine(SdpFixtures.chromiumOffer(), "m=audio 55339 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126",
                "m=audio 55339 RTP/AVP 111 63 9 0 8 13 110 126");
        text = replaceLine(text, "m=application 60990 UDP/DTLS/SCTP webrtc-datachannel",
                "m=application 60990 DTLS/SCTP 5000");
        SessionDescription a = answerChromium(text);
        assertRejected(SessionDescription.parse(text).media().get(0), a.media().get(0));
        assertEquals(List.of("5000"), a.media().get(2).formats());
        assertEquals(0, a.media().get(2).port(), "legacy DTLS/SCTP with a=sctpmap is not supported");
        assertEquals(9, a.media().get(1).port());
    }

    @Test
    void rtpSectionWithoutRtcpMuxIsRejectedOthersAreNot() throws Exception {
        // the first a=rtcp-mux is the audio section's
        SessionDescription a = answerChromium(replaceLine(SdpFixtures.chromiumOffer(), "a=rtcp-mux", ""));
        assertEquals(0, a.media().get(0).port());
        assertEquals(9, a.media().get(1).port());
        assertTrue(a.media().get(1).rtcpMux());
        assertEquals(List.of(Group.bundle(List.of("1", "2"))), a.bundleGroups());
    }

    @Test
    void maxBundleRejectsWhatIsNotBundledWithTheFirstSection() throws Exception {
        SessionDescription a = answerChromium(replaceLine(SdpFixtures.chromiumOffer(), "a=group:BUNDLE 0 1 2",
                "a=group:BUNDLE 0 1"));
        assertEquals(0, a.media().get(2).port());
        assertEquals(List.of(Group.bundle(List.of("0", "1"))), a.bundleGroups());

        SessionDescription unbundled = answerChromium(replaceLine(SdpFixtures.chromiumOffer(), "a=group:BUNDLE 0 1 2",
                ""));
        assertEquals(List.of(9, 0, 0), unbundled.media().stream().map(MediaDescription::port).toList(),
                "without BUNDLE only the first section can share our one transport");
        assertTrue(unbundled.bundleGroups().isEmpty());
    }

    @Test
    void allRejectedLeavesNoBundleGroupButNegotiates() throws Exception {
        SessionDescription offer = JsepFixtures.chromiumOffer();
        SessionDescription a = roundTrip(JsepAnswer.create(SESSION, JsepFixtures.answerer(), offer,
                List.of(Optional.empty(), Optional.empty(), Optional.empty())));
        assertTrue(a.bundleGroups().isEmpty());
        NegotiatedSession s = JsepNegotiation.negotiate(a, offer, false);
        assertTrue(s.media().stream().allMatch(NegotiatedMedia::rejected));
        assertTrue(s.bundleMids().isEmpty());
        assertTrue(s.remoteTransport().isEmpty(), "no section uses a transport");
    }

    @Test
    void unknownMediaTypeIsRejected() throws Exception {
        String text = replaceLine(SdpFixtures.chromiumOffer(), "a=group:BUNDLE 0 1 2", "a=group:BUNDLE 0 1 2 3")
                + "m=text 9 UDP/TLS/RTP/SAVPF 98\r\na=mid:3\r\na=rtpmap:98 t140/1000\r\n";
        SessionDescription offer = SessionDescription.parse(text);
        List<Optional<MediaSectionPlan>> plans = new java.util.ArrayList<>(JsepFixtures.plansForChromium());
        plans.add(Optional.empty());
        SessionDescription a = roundTrip(JsepAnswer.create(SESSION, JsepFixtures.answerer(), offer, plans));
        assertRejected(offer.media().get(3), a.media().get(3));
        NegotiatedMedia text3 = JsepNegotiation.negotiate(a, offer, false).media().get(3);
        assertTrue(text3.rejected());
        assertTrue(text3.kind().isEmpty());
    }

    @Test
    void plansThatDoNotLineUpAreProgrammingErrors() throws Exception {
        SessionDescription offer = JsepFixtures.chromiumOffer();
        assertThrows(IllegalArgumentException.class, () -> JsepAnswer.create(SESSION, JsepFixtures.answerer(), offer,
                List.of(Optional.empty(), Optional.empty())), "two plans for three sections");
        assertThrows(IllegalArgumentException.class, () -> JsepAnswer.create(SESSION, JsepFixtures.answerer(), offer,
                List.of(Optional.of(JsepFixtures.video("0").build()), Optional.empty(), Optional.empty())),
                "video plan for the audio section");
        assertThrows(IllegalArgumentException.class, () -> JsepAnswer.create(SESSION, JsepFixtures.answerer(), offer,
                List.of(Optional.of(JsepFixtures.audio("9").build()), Optional.empty(), Optional.empty())),
                "plan for another mid");
    }
}
