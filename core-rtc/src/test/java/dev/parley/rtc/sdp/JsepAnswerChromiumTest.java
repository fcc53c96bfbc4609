package dev.parley.rtc.sdp;

import static dev.parley.rtc.sdp.JsepFixtures.ABS_SEND_TIME;
import static dev.parley.rtc.sdp.JsepFixtures.AUDIO_LEVEL;
import static dev.parley.rtc.sdp.JsepFixtures.SDES_MID;
import static dev.parley.rtc.sdp.JsepFixtures.SESSION;
import static dev.parley.rtc.sdp.JsepFixtures.TOFFSET;
import static dev.parley.rtc.sdp.JsepFixtures.TRANSPORT_CC;
import static dev.parley.rtc.sdp.JsepFixtures.attributeLines;
import static dev.parley.rtc.sdp.JsepFixtures.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Our answer to Chromium 156's real offer (audio + video + data), with plans for PCMU/PCMA/opus,
 * VP8 + RTX and a data channel; then what negotiating that answer against the offer yields.
 */
class JsepAnswerChromiumTest {
    private SessionDescription offer;
    private SessionDescription answer;

    @BeforeEach
    void answerChromium() throws Exception {
        offer = JsepFixtures.chromiumOffer();
        answer = roundTrip(JsepAnswer.create(SESSION, JsepFixtures.answerer(), offer,
                JsepFixtures.plansForChromium()));
    }

    @Test
    void sessionLevelFollowsTheOffer() {
        assertEquals(new Origin("-", "4242424242", 1, "IN", "IP4", "127.0.0.1"), answer.origin());
        assertEquals(List.of(Group.bundle(List.of("0", "1", "2"))), answer.bundleGroups());
        assertTrue(answer.extMapAllowMixed(), "offered, so answered");
        assertEquals(List.of(new MsidSemantic("WMS", List.of("stream-a"))), answer.msidSemantics());
        assertEquals(3, answer.media().size());
    }

    @Test
    void everySectionKeepsTheOfferedMidKindAndProtocolAndCarriesOurTransport() {
        for (int i = 0; i < 3; i++) {
            MediaDescription o = offer.media().get(i);
            MediaDescription a = answer.media().get(i);
            assertEquals(o.mid(), a.mid());
            assertEquals(o.type(), a.type());
            assertEquals(o.protocol(), a.protocol());
            assertEquals(9, a.port());
            assertEquals(Connection.ip4("0.0.0.0"), a.connection().orElseThrow());
            assertEquals("AnsR", a.iceUfrag().orElseThrow());
            assertEquals("abcdefghijklmnopqrstuvwx", a.icePwd().orElseThrow());
            assertEquals(List.of("trickle"), a.iceOptions());
            assertEquals(List.of(JsepFixtures.fingerprint(0x22)), a.fingerprints());
            assertEquals(Setup.ACTIVE, a.setup().orElseThrow(), "actpass offer: the answerer is active");
            assertTrue(a.candidates().isEmpty());
        }
    }

    @Test
    void audioUsesTheOfferedPayloadTypesInOurOrder() {
        MediaDescription audio = answer.media().get(0);
        assertEquals(List.of("0", "8", "111"), audio.formats(), "PCMU, PCMA, opus: ours order, offer's opus PT");
        assertEquals(new RtpMap(111, "opus", 48000, 2), audio.rtpMap(111).orElseThrow());
        assertEquals(new RtpMap(0, "PCMU", 8000), audio.rtpMap(0).orElseThrow());
        assertEquals("minptime=10;useinbandfec=1", audio.fmtp(111).orElseThrow().parameters());
        assertEquals(List.of(new RtcpFeedback(111, "transport-cc")), audio.rtcpFeedbacks(111));
        assertTrue(audio.rtpMap(63).isEmpty() && audio.rtpMap(9).isEmpty(), "RED and G722 are not ours");
        assertEquals(List.of(new ExtMap(1, AUDIO_LEVEL), new ExtMap(4, SDES_MID)), audio.extMaps(),
                "offer's ids in offer order; csrc-audio-level was not offered");
        assertEquals(Direction.SENDRECV, audio.direction().orElseThrow());
        assertTrue(audio.rtcpMux());
        assertTrue(audio.rtcpReducedSize());
        assertEquals(new Rtcp(9, Connection.ip4("0.0.0.0")), audio.rtcp().orElseThrow());
        assertEquals(List.of(new Msid("stream-a", "audio-track")), audio.msids());
        assertEquals(List.of(new Ssrc(1111, "cname", "parleyCname"), new Ssrc(1111, "msid", "stream-a audio-track")),
                audio.ssrcs());
        assertTrue(audio.ssrcGroups().isEmpty());
    }

    @Test
    void videoKeepsVp8AndItsRtxWithTheOfferedPayloadTypes() {
        MediaDescription video = answer.media().get(1);
        assertEquals(List.of("96", "97"), video.formats());
        assertEquals(new RtpMap(96, "VP8", 90000), video.rtpMap(96).orElseThrow());
        assertEquals(new RtpMap(97, "rtx", 90000), video.rtpMap(97).orElseThrow());
        assertEquals("apt=96", video.fmtp(97).orElseThrow().parameters(), "apt mapped to the offer's VP8");
        assertTrue(video.fmtp(96).isEmpty());
        assertEquals(List.of(new RtcpFeedback(96, "nack"), new RtcpFeedback(96, "nack", "pli"),
                        new RtcpFeedback(96, "ccm", "fir"), new RtcpFeedback(96, "transport-cc")),
                video.rtcpFeedbacks(96), "ours ∩ offered: no goog-remb (not ours), no rrtr (not offered)");
        assertEquals(List.of(new ExtMap(14, TOFFSET), new ExtMap(2, ABS_SEND_TIME), new ExtMap(3, TRANSPORT_CC),
                new ExtMap(4, SDES_MID)), video.extMaps());
        assertEquals(List.of(new SsrcGroup("FID", List.of(2222L, 3333L))), video.ssrcGroups());
        assertEquals(List.of(new Ssrc(2222, "cname", "parleyCname"), new Ssrc(2222, "msid", "stream-a video-track"),
                new Ssrc(3333, "cname", "parleyCname"), new Ssrc(3333, "msid", "stream-a video-track")), video.ssrcs());
    }

    @Test
    void sectionsAreWrittenInChromiumsAttributeOrder() {
        List<String> video = attributeLines(answer.media().get(1));
        List<String> expectedPrefix = List.of("rtcp:9 IN IP4 0.0.0.0", "ice-ufrag:AnsR",
                "ice-pwd:abcdefghijklmnopqrstuvwx", "ice-options:trickle",
                "fingerprint:" + JsepFixtures.fingerprint(0x22).toValue(), "setup:active", "mid:1",
                "extmap:14 " + TOFFSET, "extmap:2 " + ABS_SEND_TIME, "extmap:3 " + TRANSPORT_CC, "extmap:4 " + SDES_MID,
                "sendrecv", "msid:stream-a video-track", "rtcp-mux", "rtcp-rsize", "rtpmap:96 VP8/90000",
                "rtcp-fb:96 nack", "rtcp-fb:96 nack pli", "rtcp-fb:96 ccm fir", "rtcp-fb:96 transport-cc",
                "rtpmap:97 rtx/90000", "fmtp:97 apt=96", "ssrc-group:FID 2222 3333");
        assertEquals(expectedPrefix, video.subList(0, expectedPrefix.size()));
    }

    @Test
    void dataSectionIsAcceptedWithOurSctpParameters() {
        MediaDescription data = answer.media().get(2);
        assertEquals(List.of("webrtc-datachannel"), data.formats());
        assertEquals(OptionalInt.of(5000), data.sctpPort());
        assertEquals(OptionalLong.of(262144), data.maxMessageSize());
        assertTrue(data.direction().isEmpty());
        assertFalse(data.rtcp().isPresent());
        assertTrue(data.rtpMaps().isEmpty());
    }

    @Test
    void answerWithoutTracksIsRecvonlyWithoutMsidOrSsrc() throws Exception {
        SessionDescription a = roundTrip(JsepAnswer.create(SESSION, JsepFixtures.answerer(), offer, List.of(
                Optional.of(JsepFixtures.audio("0").direction(Direction.RECVONLY).build()),
                Optional.of(MediaSectionPlan.builder("1", MediaKind.VIDEO)
                        .codecs(List.of(JsepFixtures.VP8, JsepFixtures.VP8_RTX)).build()),
                Optional.of(MediaSectionPlan.data("2")))));
        assertEquals(Direction.RECVONLY, a.media().get(0).direction().orElseThrow());
        assertEquals(Direction.SENDRECV, a.media().get(1).direction().orElseThrow(),
                "the transceiver's direction decides, as in the W3C answer algorithm, even without a track");
        for (MediaDescription m : a.media()) {
            assertTrue(m.msids().isEmpty());
            assertTrue(m.ssrcs().isEmpty());
        }
        assertEquals(List.of(new MsidSemantic("WMS", List.of())), a.msidSemantics());
        assertEquals("a=msid-semantic: WMS", a.lines().get(6).toString(), "as Chromium's own answer writes it");
    }

    @Test
    void negotiatingOurAnswerAgainstTheOfferGivesCodecsPerDirection() throws Exception {
        NegotiatedSession s = JsepNegotiation.negotiate(answer, offer, false);
        assertTrue(s.dtlsClient(), "we answered active");
        assertEquals(List.of("0", "1", "2"), s.bundleMids());
        assertTrue(s.extMapAllowMixed());

        NegotiatedMedia audio = s.media().get(0);
        assertEquals(Direction.SENDRECV, audio.direction());
        assertEquals(List.of(111, 0, 8), payloadTypes(audio.sendCodecs()),
                "we send in the offerer's preference order (RFC 3264 §6.1)");
        assertEquals("opus", audio.preferredSendCodec().orElseThrow().name());
        assertEquals(Map.of("minptime", "10", "useinbandfec", "1"), audio.sendCodecs().get(0).fmtp());
        assertEquals(List.of(0, 8, 111), List.copyOf(audio.receiveCodecs().keySet()), "our order");
        assertEquals(OptionalInt.of(1), audio.headerExtensionId(AUDIO_LEVEL));
        assertEquals(OptionalInt.of(4), audio.headerExtensionId(SDES_MID));
        assertEquals(OptionalInt.empty(), audio.headerExtensionId(JsepFixtures.CSRC_AUDIO_LEVEL));
        assertTrue(audio.remoteRtcpReducedSize());
        assertEquals(List.of(new RemoteSender(OptionalLong.of(3107517032L), OptionalLong.empty(),
                Optional.of("jHE7BAMwHTSiEjQ/"), List.of("6c78583b-4a5f-4c60-966b-82c901e2b35a"),
                Optional.of("286ea1ed-9a6d-424b-b301-4407c733099d"))), audio.remoteSenders());

        NegotiatedMedia video = s.mediaByMid("1").orElseThrow();
        assertEquals(List.of(96, 97), payloadTypes(video.sendCodecs()));
        assertEquals(OptionalInt.of(97), video.sendRtxPayloadType(96));
        assertEquals(List.of("nack", "nack pli", "ccm fir", "transport-cc"), video.sendCodecs().get(0).rtcpFeedback(),
                "the agreed feedback, not everything Chromium offered");
        assertEquals(Map.of("apt", "96"), video.receiveCodecs().get(97).fmtp());
        assertEquals(OptionalInt.of(3), video.headerExtensionId(TRANSPORT_CC));
        RemoteSender chrome = video.remoteSenderBySsrc(514658265L).orElseThrow();
        assertEquals(OptionalLong.of(1299756833L), chrome.ssrc());
        assertEquals(OptionalLong.of(514658265L), chrome.rtxSsrc());
        assertEquals(Optional.of("e6d8ade7-7abe-4bce-8f39-89d7e5ef8fc8"), chrome.trackId());

        NegotiatedMedia data = s.media().get(2);
        assertEquals(Optional.of(MediaKind.APPLICATION), data.kind());
        assertEquals(OptionalInt.of(5000), data.remoteSctpPort());
        assertEquals(OptionalLong.of(262144), data.remoteMaxMessageSize());
    }

    @Test
    void remoteTransportComesFromTheBundleTag() throws Exception {
        RemoteTransport t = JsepNegotiation.negotiate(answer, offer, false).remoteTransport().orElseThrow();
        assertEquals("4thy", t.iceUfrag());
        assertEquals("LtCB1VsxTdP4Z7xYYO60LbG+", t.icePwd());
        assertTrue(t.trickle());
        assertEquals(offer.media().get(0).fingerprints(), t.fingerprints());
        assertEquals(Setup.ACTPASS, t.setup());
        assertFalse(t.iceLite());
        assertEquals(1, t.candidates().size());
        assertEquals(55339, t.candidates().get(0).port(), "the audio (tag) section's candidate, not video's 34225");
        assertFalse(t.toString().contains("LtCB1VsxTdP4Z7xYYO60LbG+"), "no ICE password in logs");
    }

    static List<Integer> payloadTypes(List<CodecCapability> codecs) {
        return codecs.stream().map(CodecCapability::payloadType).toList();
    }
}
