package dev.parley.rtc.sdp;

import static dev.parley.rtc.sdp.JsepFixtures.SESSION;
import static dev.parley.rtc.sdp.JsepFixtures.attributeLines;
import static dev.parley.rtc.sdp.JsepFixtures.roundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Offers: Chromium's layout, senders and msid, candidates, stopped sections, renegotiation, bad plans. */
class JsepOfferTest {
    private static final Candidate HOST = candidate("1 1 udp 2122260223 192.0.2.7 50000 typ host generation 0");

    private static Candidate candidate(String text) {
        try {
            return Candidate.parse(text);
        } catch (SdpParseException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void audioAndDataOfferIsWrittenExactlyLikeThis() {
        MediaSectionPlan audio = MediaSectionPlan.builder("0", MediaKind.AUDIO)
                .codecs(List.of(JsepFixtures.OPUS, JsepFixtures.PCMU))
                .headerExtensions(List.of(new HeaderExtensionCapability(JsepFixtures.SDES_MID, 4)))
                .sender(JsepFixtures.AUDIO_SENDER).build();
        SessionDescription offer = roundTrip(JsepOffer.create(new SessionInfo(77, 2), JsepFixtures.offerer(),
                List.of(audio, MediaSectionPlan.data("1"))));
        String fp = JsepFixtures.fingerprint(0x11).toValue();
        assertEquals(SdpFixtures.sdp(
                "v=0",
                "o=- 77 2 IN IP4 127.0.0.1",
                "s=-",
                "t=0 0",
                "a=group:BUNDLE 0 1",
                "a=extmap-allow-mixed",
                "a=msid-semantic: WMS stream-a",
                "m=audio 9 UDP/TLS/RTP/SAVPF 109 0",
                "c=IN IP4 0.0.0.0",
                "a=rtcp:9 IN IP4 0.0.0.0",
                "a=ice-ufrag:OffR",
                "a=ice-pwd:abcdefghijklmnopqrstuvwx",
                "a=ice-options:trickle",
                "a=fingerprint:" + fp,
                "a=setup:actpass",
                "a=mid:0",
                "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid",
                "a=sendrecv",
                "a=msid:stream-a audio-track",
                "a=rtcp-mux",
                "a=rtcp-rsize",
                "a=rtpmap:109 opus/48000/2",
                "a=rtcp-fb:109 transport-cc",
                "a=fmtp:109 minptime=10;useinbandfec=1",
                "a=rtpmap:0 PCMU/8000",
                "a=ssrc:1111 cname:parleyCname",
                "a=ssrc:1111 msid:stream-a audio-track",
                "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
                "c=IN IP4 0.0.0.0",
                "a=ice-ufrag:OffR",
                "a=ice-pwd:abcdefghijklmnopqrstuvwx",
                "a=ice-options:trickle",
                "a=fingerprint:" + fp,
                "a=setup:actpass",
                "a=mid:1",
                "a=sctp-port:5000",
                "a=max-message-size:262144"), offer.write());
    }

    @Test
    void attributeOrderMatchesChromiumsOfferSectionBySection() throws Exception {
        TransportParameters withCandidate = new TransportParameters("OffR", "abcdefghijklmnopqrstuvwx",
                List.of("trickle"), List.of(JsepFixtures.fingerprint(1)), Setup.ACTPASS, List.of(HOST), false);
        SessionDescription ours = roundTrip(JsepOffer.create(SESSION, withCandidate, List.of(
                JsepFixtures.audio("0").build(), JsepFixtures.video("1").build(), MediaSectionPlan.data("2"))));
        SessionDescription chromium = JsepFixtures.chromiumOffer();
        assertEquals(lineKinds(chromium.lines()), lineKinds(ours.lines()), "session section");
        for (int i = 0; i < 3; i++) {
            List<String> mine = attributeNames(ours.media().get(i));
            List<String> theirs = attributeNames(chromium.media().get(i));
            theirs.retainAll(mine); // Chromium writes a few we do not (rtcp-xr)
            assertEquals(theirs, mine, "section " + i);
        }
    }

    private static List<String> lineKinds(List<SdpLine> lines) {
        List<String> out = new ArrayList<>();
        for (SdpLine l : lines) {
            out.add(l.type() == 'a' ? "a=" + Attribute.nameOf(l.value()) : String.valueOf(l.type()));
        }
        return out;
    }

    /** Attribute names in order of first appearance. */
    private static List<String> attributeNames(MediaDescription m) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        m.attributes().forEach(a -> names.add(a.name()));
        return new ArrayList<>(names);
    }

    @Test
    void defaultCandidateGivesPortAndAddressAndCandidatesComeBeforeIceCredentials() {
        TransportParameters t = new TransportParameters("OffR", "abcdefghijklmnopqrstuvwx", List.of("trickle"),
                List.of(JsepFixtures.fingerprint(1)), Setup.ACTPASS,
                List.of(candidate("2 1 udp 2122260223 abcd-1234.local 50001 typ host"), HOST), true);
        SessionDescription offer = roundTrip(JsepOffer.create(SESSION, t, List.of(JsepFixtures.audio("0").build())));
        MediaDescription audio = offer.media().get(0);
        assertEquals(50000, audio.port(), "the mDNS candidate cannot be the c= address; the IPv4 one is");
        assertEquals(Connection.ip4("192.0.2.7"), audio.connection().orElseThrow());
        assertEquals(2, audio.candidates().size());
        assertTrue(audio.endOfCandidates());
        List<String> lines = attributeLines(audio);
        assertTrue(lines.indexOf("end-of-candidates") < lines.indexOf("ice-ufrag:OffR"));
        assertTrue(lines.get(1).startsWith("candidate:2 "), "after a=rtcp, as Chromium writes them");
    }

    @Test
    void streamlessSenderWritesDashAsStream() {
        LocalSender streamless = new LocalSender(5, OptionalLong.of(6), "c", "lonely-track", List.of());
        SessionDescription offer = roundTrip(JsepOffer.create(SESSION, JsepFixtures.offerer(),
                List.of(JsepFixtures.video("v").sender(streamless).build())));
        MediaDescription v = offer.media().get(0);
        assertEquals(List.of(new Msid("-", "lonely-track")), v.msids());
        assertEquals(new Ssrc(5, "msid", "- lonely-track"), v.ssrcs().get(1));
        assertEquals(List.of(new SsrcGroup("FID", List.of(5L, 6L))), v.ssrcGroups());
        assertEquals(List.of(new MsidSemantic("WMS", List.of())), offer.msidSemantics(), "'-' is no stream");
    }

    @Test
    void senderInTwoStreamsWritesOneMsidPerStream() {
        LocalSender two = new LocalSender(5, OptionalLong.empty(), "c", "t", List.of("s1", "s2"));
        SessionDescription offer = roundTrip(JsepOffer.create(SESSION, JsepFixtures.offerer(),
                List.of(JsepFixtures.audio("a").sender(two).build())));
        assertEquals(List.of(new Msid("s1", "t"), new Msid("s2", "t")), offer.media().get(0).msids());
        assertEquals(List.of(new MsidSemantic("WMS", List.of("s1", "s2"))), offer.msidSemantics());
    }

    @Test
    void sectionThatDoesNotSendAnnouncesNoSender() {
        SessionDescription offer = roundTrip(JsepOffer.create(SESSION, JsepFixtures.offerer(), List.of(
                JsepFixtures.audio("0").direction(Direction.RECVONLY).build(),
                JsepFixtures.video("1").direction(Direction.INACTIVE).build())));
        for (MediaDescription m : offer.media()) {
            assertTrue(m.msids().isEmpty());
            assertTrue(m.ssrcs().isEmpty());
            assertTrue(m.ssrcGroups().isEmpty());
        }
        assertEquals(Direction.RECVONLY, offer.media().get(0).direction().orElseThrow());
        assertEquals(Direction.INACTIVE, offer.media().get(1).direction().orElseThrow());
    }

    @Test
    void rtxSsrcIsLeftOutWhenNoRtxCodecIsOffered() {
        SessionDescription offer = roundTrip(JsepOffer.create(SESSION, JsepFixtures.offerer(), List.of(
                JsepFixtures.video("1").codecs(List.of(JsepFixtures.VP8)).build())));
        MediaDescription v = offer.media().get(0);
        assertTrue(v.ssrcGroups().isEmpty());
        assertEquals(List.of(2222L, 2222L), v.ssrcs().stream().map(Ssrc::ssrc).toList());
    }

    @Test
    void extensionWithADirectionWritesIt() {
        SessionDescription offer = roundTrip(JsepOffer.create(SESSION, JsepFixtures.offerer(), List.of(
                JsepFixtures.audio("0").headerExtensions(List.of(
                        new HeaderExtensionCapability(JsepFixtures.AUDIO_LEVEL, 3, Direction.RECVONLY))).build())));
        assertEquals(List.of(new ExtMap(3, Direction.RECVONLY, JsepFixtures.AUDIO_LEVEL, null)),
                offer.media().get(0).extMaps());
    }

    @Test
    void stoppedSectionHasPortZeroKeepsMidAndPayloadTypesAndLeavesTheBundle() {
        SessionDescription offer = roundTrip(JsepOffer.create(SESSION, JsepFixtures.offerer(), List.of(
                JsepFixtures.audio("0").stopped(true).build(), JsepFixtures.video("1").build(),
                MediaSectionPlan.data("2").asStopped())));
        MediaDescription audio = offer.media().get(0);
        assertEquals(0, audio.port());
        assertEquals(List.of("0", "8", "109"), audio.formats());
        assertEquals("0", audio.mid().orElseThrow());
        assertEquals(Direction.INACTIVE, audio.direction().orElseThrow());
        assertTrue(audio.iceUfrag().isEmpty() && audio.msids().isEmpty() && audio.ssrcs().isEmpty());
        MediaDescription data = offer.media().get(2);
        assertEquals(0, data.port());
        assertEquals(List.of("webrtc-datachannel"), data.formats());
        assertEquals(List.of(Group.bundle(List.of("1"))), offer.bundleGroups());
        assertEquals(List.of(new MsidSemantic("WMS", List.of("stream-a"))), offer.msidSemantics(),
                "only the video sender is announced");
    }

    @Test
    void renegotiationKeepsOrderAndMidsAppendsNewSectionsAndRejectsStoppedOnes() throws Exception {
        SessionDescription first = roundTrip(JsepOffer.create(SESSION, JsepFixtures.offerer(), List.of(
                JsepFixtures.audio("0").build(), JsepFixtures.video("1").build())));
        SessionDescription second = roundTrip(JsepOffer.create(new SessionInfo(SESSION.sessionId(), 2),
                JsepFixtures.offerer(), List.of(JsepFixtures.audio("0").stopped(true).build(),
                        JsepFixtures.video("1").build(), JsepFixtures.audio("2").build())));
        assertEquals(first.origin().sessionId(), second.origin().sessionId());
        assertEquals(2, second.origin().sessionVersion());
        assertEquals(List.of("0", "1", "2"), second.media().stream().map(m -> m.mid().orElseThrow()).toList());
        assertEquals(first.media().get(1), second.media().get(1), "an unchanged section is written the same");
        assertEquals(0, second.media().get(0).port());
        assertEquals(List.of(Group.bundle(List.of("1", "2"))), second.bundleGroups());

        SessionDescription answer = roundTrip(JsepAnswer.create(SESSION, JsepFixtures.answerer(), second, List.of(
                java.util.Optional.of(JsepFixtures.audio("0").build()),
                java.util.Optional.of(JsepFixtures.video("1").build()),
                java.util.Optional.of(JsepFixtures.audio("2").build()))));
        assertEquals(0, answer.media().get(0).port(), "a section the offer rejected stays rejected");
        assertEquals(List.of(Group.bundle(List.of("1", "2"))), answer.bundleGroups());

        NegotiatedSession s = JsepNegotiation.negotiate(second, answer, true);
        assertTrue(s.media().get(0).rejected());
        assertEquals(Direction.INACTIVE, s.media().get(0).direction());
        assertTrue(s.media().get(0).sendCodecs().isEmpty());
        assertFalse(s.media().get(2).rejected());
        assertEquals("PCMU", s.media().get(2).preferredSendCodec().orElseThrow().name());
        assertEquals("1", s.bundleMids().get(0), "the new BUNDLE tag");
    }

    @Test
    void inconsistentPlansAreProgrammingErrors() {
        assertThrows(IllegalArgumentException.class, () -> JsepOffer.create(SESSION, JsepFixtures.offerer(),
                List.of(JsepFixtures.audio("0").build(), JsepFixtures.video("0").build())), "duplicate mid");
        assertThrows(IllegalArgumentException.class, () -> JsepFixtures.video("1")
                .codecs(List.of(JsepFixtures.VP8, CodecCapability.rtx(101, 90000, 99))).build(), "apt names nothing");
        assertThrows(IllegalArgumentException.class, () -> JsepFixtures.audio("0")
                .codecs(List.of(JsepFixtures.PCMU, JsepFixtures.PCMA.withPayloadType(0))).build(), "PT twice");
        assertThrows(IllegalArgumentException.class, () -> JsepFixtures.audio("0").codecs(List.of()).build(),
                "no codec");
        assertThrows(IllegalArgumentException.class, () -> MediaSectionPlan.builder("d", MediaKind.APPLICATION)
                .codecs(List.of(JsepFixtures.PCMU)).build(), "data with codecs");
        assertThrows(IllegalArgumentException.class, () -> JsepFixtures.audio("0").headerExtensions(List.of(
                new HeaderExtensionCapability(JsepFixtures.SDES_MID, 1),
                new HeaderExtensionCapability(JsepFixtures.AUDIO_LEVEL, 1))).build(), "extension id twice");
        assertThrows(IllegalArgumentException.class,
                () -> new CodecCapability("VP8", 90000, 1, Map.of("", "x"), List.of(), 96), "empty fmtp key");
        assertThrows(IllegalArgumentException.class,
                () -> new LocalSender(1, OptionalLong.empty(), "c", "t", List.of("-")), "'-' as stream id");
    }

    @Test
    void transportParametersKeepThePasswordOutOfToString() {
        assertFalse(JsepFixtures.offerer().toString().contains("abcdefghijklmnopqrstuvwx"));
        assertTrue(JsepFixtures.offerer().toString().contains("OffR"));
    }
}
