package dev.parley.rtc.sdp;

import static dev.parley.rtc.sdp.JsepFixtures.SESSION;
import static dev.parley.rtc.sdp.JsepFixtures.fmtp;
import static dev.parley.rtc.sdp.JsepFixtures.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Codec intersection for answers: payload types, fmtp rules, RTX and RED, feedback. */
class CodecMatcherTest {
    private static final List<String> VIDEO_FB = List.of("nack", "nack pli", "ccm fir");

    private static CodecCapability h264(int pt, String mode, String profileLevelId) {
        return new CodecCapability("H264", 90000, 1, fmtp("level-asymmetry-allowed", "1", "packetization-mode", mode,
                "profile-level-id", profileLevelId), VIDEO_FB, pt);
    }

    /** Chromium's offered video codecs, read from the captured offer. */
    private static List<CodecCapability> chromiumVideo() throws Exception {
        return SectionCodecs.read(JsepFixtures.chromiumOffer().media().get(1));
    }

    private static List<Integer> pts(List<CodecCapability> codecs) {
        return codecs.stream().map(CodecCapability::payloadType).toList();
    }

    @Test
    void h264MatchesPacketizationModeAndProfileAndUsesTheOfferedPayloadType() throws Exception {
        List<CodecCapability> answer = CodecMatcher.answer(List.of(h264(120, "1", "42e01f"),
                CodecCapability.rtx(121, 90000, 120)), chromiumVideo());
        assertEquals(List.of(108, 109), pts(answer), "42e01f + mode 1 is Chromium's 108, its RTX 109");
        assertEquals(fmtp("level-asymmetry-allowed", "1", "packetization-mode", "1", "profile-level-id", "42e01f"),
                answer.get(0).fmtp());
        assertEquals(Map.of("apt", "108"), answer.get(1).fmtp());

        assertEquals(List.of(114), pts(CodecMatcher.answer(List.of(h264(120, "0", "42e01f")), chromiumVideo())));
        assertEquals(List.of(102), pts(CodecMatcher.answer(List.of(h264(120, "1", "42001f")), chromiumVideo())),
                "baseline (profile-iop 00) is a different profile from constrained baseline (e0)");
        assertEquals(List.of(116), pts(CodecMatcher.answer(List.of(h264(120, "1", "4d001f")), chromiumVideo())));
    }

    @Test
    void h264WithAProfileTheOfferLacksDoesNotMatch() throws Exception {
        assertTrue(CodecMatcher.answer(List.of(h264(120, "1", "640c1f")), chromiumVideo()).isEmpty(), "High");
        assertTrue(CodecMatcher.answer(List.of(h264(120, "2", "42e01f")), chromiumVideo()).isEmpty(), "mode 2");
        assertTrue(CodecMatcher.answer(List.of(h264(120, "1", "42e0")), chromiumVideo()).isEmpty(), "malformed");
    }

    @Test
    void h264AnswersTheLowerLevel() {
        CodecCapability offeredLow = h264(102, "1", "42e00b"); // level 1.1
        CodecCapability ours = h264(120, "1", "42e01f");      // level 3.1
        assertEquals("42e00b", CodecMatcher.answer(List.of(ours), List.of(offeredLow)).get(0)
                .fmtp().get("profile-level-id"));
        assertEquals("42e00b", CodecMatcher.answer(List.of(h264(120, "1", "42E00B")), List.of(h264(102, "1", "42e01f")))
                .get(0).fmtp().get("profile-level-id"), "ours lower; hex case does not matter");
    }

    @Test
    void h264LevelAsymmetryOnlyWhenBothAllowIt() {
        CodecCapability offered = new CodecCapability("H264", 90000, 1,
                fmtp("packetization-mode", "1", "profile-level-id", "42e01f"), VIDEO_FB, 102);
        Map<String, String> answered = CodecMatcher.answer(List.of(h264(120, "1", "42e01f")), List.of(offered))
                .get(0).fmtp();
        assertEquals(fmtp("packetization-mode", "1", "profile-level-id", "42e01f"), answered);
    }

    @Test
    void h264WithoutProfileLevelIdIsBaselineLevel1() {
        CodecCapability offered = new CodecCapability("H264", 90000, 1, Map.of(), List.of(), 99);
        assertEquals(List.of(99), pts(CodecMatcher.answer(List.of(h264(120, "0", "42000a")), List.of(offered))));
        assertTrue(CodecMatcher.answer(List.of(h264(120, "0", "42e00a")), List.of(offered)).isEmpty());
    }

    @Test
    void vp9MatchesOnProfileId() throws Exception {
        CodecCapability vp9Profile2 = new CodecCapability("VP9", 90000, 1, fmtp("profile-id", "2"), VIDEO_FB, 90);
        assertEquals(List.of(100), pts(CodecMatcher.answer(List.of(vp9Profile2), chromiumVideo())));
        CodecCapability vp9NoFmtp = new CodecCapability("VP9", 90000, 1, Map.of(), VIDEO_FB, 90);
        assertEquals(List.of(98), pts(CodecMatcher.answer(List.of(vp9NoFmtp), chromiumVideo())),
                "absent profile-id means 0");
        CodecCapability vp9Profile1 = new CodecCapability("VP9", 90000, 1, fmtp("profile-id", "1"), VIDEO_FB, 90);
        assertTrue(CodecMatcher.answer(List.of(vp9Profile1), chromiumVideo()).isEmpty());
    }

    @Test
    void rtxIsDroppedWhenTheCodecItRepairsIsDropped() throws Exception {
        CodecCapability high = h264(110, "1", "640c1f");
        List<CodecCapability> answer = CodecMatcher.answer(List.of(high, CodecCapability.rtx(111, 90000, 110),
                JsepFixtures.VP8, JsepFixtures.VP8_RTX), chromiumVideo());
        assertEquals(List.of(96, 97), pts(answer));
        assertEquals(Map.of("apt", "96"), answer.get(1).fmtp());
    }

    @Test
    void rtxKeepsOurOtherParameters() {
        CodecCapability ourRtx = new CodecCapability("rtx", 90000, 1, fmtp("apt", "100", "rtx-time", "200"),
                List.of(), 101);
        CodecCapability offeredVp8 = new CodecCapability("VP8", 90000, 1, 50);
        CodecCapability offeredRtx = CodecCapability.rtx(51, 90000, 50);
        List<CodecCapability> answer = CodecMatcher.answer(List.of(JsepFixtures.VP8, ourRtx),
                List.of(offeredVp8, offeredRtx));
        assertEquals(fmtp("apt", "50", "rtx-time", "200"), answer.get(1).fmtp());
        assertEquals(List.of(), answer.get(0).rtcpFeedback(), "nothing offered, nothing agreed");
    }

    @Test
    void redIsKeptOnlyWhenWhatItCarriesIsKept() throws Exception {
        List<CodecCapability> offered = SectionCodecs.read(JsepFixtures.chromiumOffer().media().get(0));
        CodecCapability red = new CodecCapability("red", 48000, 2, fmtp("109/109", ""), List.of(), 63);
        List<CodecCapability> withOpus = CodecMatcher.answer(List.of(JsepFixtures.OPUS, red), offered);
        assertEquals(List.of(111, 63), pts(withOpus));
        assertEquals(fmtp("111/111", ""), withOpus.get(1).fmtp(), "RED names the offer's opus payload type");
        assertEquals(List.of(0), pts(CodecMatcher.answer(List.of(JsepFixtures.PCMU, red), offered)),
                "RED without opus carries nothing we answered");
    }

    @Test
    void namesMatchIgnoringCaseAndTheOffersSpellingIsAnswered() {
        CodecCapability offered = new CodecCapability("VP8", 90000, 1, 96);
        CodecCapability ours = new CodecCapability("vp8", 90000, 1, 100);
        assertEquals("VP8", CodecMatcher.answer(List.of(ours), List.of(offered)).get(0).name());
    }

    @Test
    void clockRateAndChannelsMustMatch() {
        CodecCapability offeredStereo = new CodecCapability("opus", 48000, 2, 111);
        assertTrue(CodecMatcher.answer(List.of(new CodecCapability("opus", 48000, 1, 109)),
                List.of(offeredStereo)).isEmpty());
        assertTrue(CodecMatcher.answer(List.of(new CodecCapability("PCMU", 16000, 1, 0)),
                List.of(new CodecCapability("PCMU", 8000, 1, 0))).isEmpty());
    }

    @Test
    void eachOfferedPayloadTypeIsAnsweredOnce() {
        CodecCapability offered = new CodecCapability("PCMU", 8000, 1, 0);
        List<CodecCapability> answer = CodecMatcher.answer(List.of(new CodecCapability("PCMU", 8000, 1, 0),
                new CodecCapability("pcmu", 8000, 1, 100)), List.of(offered));
        assertEquals(List.of(0), pts(answer));
    }

    @Test
    void staticPayloadTypesNeedNoRtpmapAndWildcardFeedbackApplies() throws Exception {
        String sdp = SdpFixtures.HEADER + SdpFixtures.sdp("m=audio 9 UDP/TLS/RTP/SAVPF 8 0 96",
                "a=mid:0", "a=rtcp-mux", "a=ice-ufrag:abcd", "a=ice-pwd:abcdefghijklmnopqrstuvwx",
                "a=fingerprint:" + JsepFixtures.fingerprint(3).toValue(), "a=setup:actpass",
                "a=rtcp-fb:* transport-cc");
        SessionDescription offer = SessionDescription.parse(sdp);
        List<CodecCapability> read = SectionCodecs.read(offer.media().get(0));
        assertEquals(List.of(8, 0), pts(read), "96 has no rtpmap and no static meaning");
        assertEquals(List.of("transport-cc"), read.get(0).rtcpFeedback());

        CodecCapability pcmuWithFb = new CodecCapability("PCMU", 8000, 1, Map.of(), List.of("transport-cc", "nack"), 0);
        SessionDescription answer = roundTrip(JsepAnswer.create(SESSION, JsepFixtures.answerer(), offer,
                List.of(Optional.of(MediaSectionPlan.builder("0", MediaKind.AUDIO)
                        .codecs(List.of(pcmuWithFb)).build()))));
        MediaDescription a = answer.media().get(0);
        assertEquals(List.of("0"), a.formats());
        assertEquals(new RtpMap(0, "PCMU", 8000), a.rtpMap(0).orElseThrow(), "we always write the rtpmap");
        assertEquals(List.of(new RtcpFeedback(0, "transport-cc")), a.rtcpFeedbacks(0));
        assertFalse(a.rtcpReducedSize(), "no rtcp-rsize offered, none answered");
    }

    @Test
    void profileLevelIdParsingAndLevelOrder() {
        H264ProfileLevelId cb31 = H264ProfileLevelId.parse("42e01f").orElseThrow();
        assertEquals(new H264ProfileLevelId(0x42, 0xe0, 0x1f), cb31);
        assertEquals("42e01f", H264ProfileLevelId.parse("42E01F").orElseThrow().toHex());
        for (String bad : List.of("", "42e01", "42e01f0", "42g01f", "4２e01f")) {
            assertTrue(H264ProfileLevelId.parse(bad).isEmpty(), bad);
        }
        H264ProfileLevelId level1 = cb31.withLevel(10);
        H264ProfileLevelId level1b = new H264ProfileLevelId(0x64, 0, 9);
        H264ProfileLevelId level11 = cb31.withLevel(11);
        assertTrue(level1.levelRank() < level1b.levelRank() && level1b.levelRank() < level11.levelRank(),
                "1.0 < 1b < 1.1");
        assertEquals(level1, level11.lowerLevel(level1));
        assertEquals(level1, level1.lowerLevel(level11));
    }
}
