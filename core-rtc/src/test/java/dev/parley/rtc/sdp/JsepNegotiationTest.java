package dev.parley.rtc.sdp;

import static dev.parley.rtc.sdp.JsepFixtures.SESSION;
import static dev.parley.rtc.sdp.JsepFixtures.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both sides of an exchange between two of our own peers, and Chromium's captured pair read from
 * Chromium's side: what each side negotiates must agree with the other.
 */
class JsepNegotiationTest {
    /**
     * The answering peer prefers differently: PCMA first, no opus, no csrc-audio-level, its own
     * extension ids, VP8 at other payload types, video receive-only, smaller data messages.
     */
    private static List<Optional<MediaSectionPlan>> answererPlans() {
        CodecCapability vp8 = JsepFixtures.VP8.withPayloadType(120);
        return List.of(
                Optional.of(JsepFixtures.audio("0").codecs(List.of(JsepFixtures.PCMA, JsepFixtures.PCMU))
                        .headerExtensions(List.of(new HeaderExtensionCapability(JsepFixtures.AUDIO_LEVEL, 1),
                                new HeaderExtensionCapability(JsepFixtures.SDES_MID, 2)))
                        .sender(new LocalSender(7001, OptionalLong.empty(), "bob", "bob-audio", List.of("bob")))
                        .build()),
                Optional.of(JsepFixtures.video("1").codecs(List.of(vp8, CodecCapability.rtx(121, 90000, 120)))
                        .direction(Direction.RECVONLY).build()),
                Optional.of(MediaSectionPlan.builder("2", MediaKind.APPLICATION).maxMessageSize(65536).build()));
    }

    private static SessionDescription offer() {
        return roundTrip(JsepOffer.create(SESSION, JsepFixtures.offerer(), List.of(JsepFixtures.audio("0").build(),
                JsepFixtures.video("1").build(), MediaSectionPlan.data("2"))));
    }

    private static Set<Integer> keys(Map<Integer, CodecCapability> codecs) {
        return new TreeSet<>(codecs.keySet());
    }

    private static Set<Integer> pts(List<CodecCapability> codecs) {
        TreeSet<Integer> out = new TreeSet<>();
        codecs.forEach(c -> out.add(c.payloadType()));
        return out;
    }

    @ParameterizedTest(name = "answerer prefers setup:{0}")
    @EnumSource(value = Setup.class, names = {"ACTIVE", "PASSIVE", "ACTPASS"})
    void bothSidesAgree(Setup answererPreference) throws Exception {
        SessionDescription offer = offer();
        SessionDescription answer = roundTrip(JsepAnswer.create(new SessionInfo(99, 1),
                JsepFixtures.transport("AnsR", answererPreference, 0x22), offer, answererPlans()));
        NegotiatedSession alice = JsepNegotiation.negotiate(offer, answer, true);
        NegotiatedSession bob = JsepNegotiation.negotiate(answer, offer, false);

        assertNotEquals(alice.dtlsClient(), bob.dtlsClient(), "exactly one side connects");
        assertEquals(answererPreference == Setup.PASSIVE, alice.dtlsClient());
        assertEquals("AnsR", alice.remoteTransport().orElseThrow().iceUfrag());
        assertEquals("OffR", bob.remoteTransport().orElseThrow().iceUfrag());
        assertEquals(List.of(JsepFixtures.fingerprint(0x22)), alice.remoteTransport().orElseThrow().fingerprints());
        assertEquals(alice.bundleMids(), bob.bundleMids());
        assertEquals(List.of("0", "1", "2"), alice.bundleMids());
        assertTrue(alice.extMapAllowMixed() && bob.extMapAllowMixed());

        for (int i = 0; i < 3; i++) {
            NegotiatedMedia a = alice.media().get(i);
            NegotiatedMedia b = bob.media().get(i);
            assertEquals(a.mid(), b.mid());
            assertEquals(a.direction(), b.direction().reverse(), "section " + i);
            assertEquals(pts(a.sendCodecs()), keys(b.receiveCodecs()), "what alice sends, bob receives: " + i);
            assertEquals(pts(b.sendCodecs()), keys(a.receiveCodecs()), "and back: " + i);
            for (CodecCapability sent : a.sendCodecs()) {
                assertTrue(sent.sameEncoding(b.receiveCodecs().get(sent.payloadType())), sent.toString());
                assertEquals(sent.rtcpFeedback(), b.receiveCodecs().get(sent.payloadType()).rtcpFeedback());
            }
            assertEquals(a.headerExtensions(), b.headerExtensions(), "same ids on both sides: " + i);
        }

        NegotiatedMedia audioA = alice.media().get(0);
        NegotiatedMedia audioB = bob.media().get(0);
        assertEquals(Set.of(0, 8), keys(audioA.receiveCodecs()), "opus was not answered");
        assertEquals("PCMA", audioA.preferredSendCodec().orElseThrow().name(), "alice follows bob's preference");
        assertEquals("PCMU", audioB.preferredSendCodec().orElseThrow().name(), "bob follows alice's preference");
        assertEquals(OptionalLong.of(7001), audioA.remoteSenders().get(0).ssrc());
        assertEquals(OptionalLong.of(1111), audioB.remoteSenders().get(0).ssrc());
        assertEquals(List.of("bob"), audioA.remoteSenders().get(0).streamIds());
        assertEquals(List.of(new ExtMap(9, JsepFixtures.SDES_MID), new ExtMap(10, JsepFixtures.AUDIO_LEVEL)),
                audioA.headerExtensions(), "bob does not do csrc-audio-level; alice's ids");

        NegotiatedMedia videoA = alice.media().get(1);
        assertEquals(Direction.SENDONLY, videoA.direction(), "bob only receives video");
        assertEquals(List.of(100, 101), videoA.sendCodecs().stream().map(CodecCapability::payloadType).toList(),
                "alice's payload types, not bob's preferred 120/121");
        assertEquals(OptionalInt.of(101), videoA.sendRtxPayloadType(100));
        assertTrue(videoA.remoteSenders().isEmpty(), "bob sends no video");
        assertEquals(OptionalLong.of(2222), bob.media().get(1).remoteSenders().get(0).ssrc());
        assertEquals(OptionalLong.of(3333), bob.media().get(1).remoteSenders().get(0).rtxSsrc());

        assertEquals(OptionalLong.of(65536), alice.media().get(2).remoteMaxMessageSize());
        assertEquals(OptionalLong.of(262144), bob.media().get(2).remoteMaxMessageSize());
    }

    @Test
    void chromiumsCapturedPairFromChromiumsSide() throws Exception {
        SessionDescription offer = JsepFixtures.chromiumOffer();
        SessionDescription answer = JsepFixtures.chromiumAnswer();
        NegotiatedSession offerer = JsepNegotiation.negotiate(offer, answer, true);
        assertFalse(offerer.dtlsClient(), "the answer is active, so the offerer accepts the handshake");
        assertEquals("Oj1g", offerer.remoteTransport().orElseThrow().iceUfrag());
        assertEquals(Setup.ACTIVE, offerer.remoteTransport().orElseThrow().setup());
        assertTrue(offerer.remoteTransport().orElseThrow().candidates().isEmpty(), "trickled later");
        NegotiatedMedia audio = offerer.media().get(0);
        assertEquals(Direction.SENDONLY, audio.direction(), "the answer is recvonly");
        assertEquals(List.of(111, 63, 9, 0, 8, 13, 110, 126),
                audio.sendCodecs().stream().map(CodecCapability::payloadType).toList());
        assertTrue(audio.remoteSenders().isEmpty());
        NegotiatedMedia video = offerer.media().get(1);
        assertEquals(23, video.sendCodecs().size());
        assertEquals(OptionalInt.of(99), video.sendRtxPayloadType(98));
        assertEquals(11, video.headerExtensions().size());

        NegotiatedSession answerer = JsepNegotiation.negotiate(answer, offer, false);
        assertTrue(answerer.dtlsClient());
        assertEquals(Direction.RECVONLY, answerer.media().get(0).direction());
        assertEquals(OptionalLong.of(3107517032L), answerer.media().get(0).remoteSenders().get(0).ssrc());
    }

    @ParameterizedTest(name = "offer setup:{0}")
    @EnumSource(value = Setup.class, names = {"ACTIVE", "PASSIVE"})
    void answerTakesTheRoleTheOfferLeaves(Setup offered) throws Exception {
        SessionDescription offer = JsepOffer.create(SESSION, JsepFixtures.transport("OffR", offered, 1),
                List.of(JsepFixtures.audio("0").build()));
        SessionDescription answer = roundTrip(JsepAnswer.create(SESSION, JsepFixtures.answerer(), offer,
                List.of(Optional.of(JsepFixtures.audio("0").build()))));
        Setup expected = offered == Setup.ACTIVE ? Setup.PASSIVE : Setup.ACTIVE;
        assertEquals(expected, answer.media().get(0).setup().orElseThrow(), "our ACTIVE preference yields");
        assertEquals(offered == Setup.ACTIVE, JsepNegotiation.negotiate(offer, answer, true).dtlsClient());
        assertEquals(offered == Setup.PASSIVE, JsepNegotiation.negotiate(answer, offer, false).dtlsClient());
    }

    @Test
    void iceLiteAndEndOfCandidatesOfTheRemoteAreReported() throws Exception {
        String lite = SdpFixtures.chromiumOffer().replace("a=extmap-allow-mixed", "a=ice-lite\r\na=extmap-allow-mixed")
                .replace("a=candidate:2613294852 1 udp 2122260223 10.213.0.1 55339 typ host generation 0 network-id 1",
                        "a=candidate:2613294852 1 udp 2122260223 10.213.0.1 55339 typ host generation 0 network-id 1"
                                + "\r\na=end-of-candidates");
        SessionDescription offer = SessionDescription.parse(lite);
        SessionDescription answer = JsepAnswer.create(SESSION, JsepFixtures.answerer(), offer,
                JsepFixtures.plansForChromium());
        RemoteTransport t = JsepNegotiation.negotiate(answer, offer, false).remoteTransport().orElseThrow();
        assertTrue(t.iceLite());
        assertTrue(t.endOfCandidates());
    }
}
