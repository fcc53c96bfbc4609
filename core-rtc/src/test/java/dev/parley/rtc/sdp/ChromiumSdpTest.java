package dev.parley.rtc.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.testutil.Hex;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Chromium 156's real offer and answer (captured, CRLF endings): round trip and typed views. */
class ChromiumSdpTest {
    private static final String OFFER = SdpFixtures.chromiumOffer();
    private static final String ANSWER = SdpFixtures.chromiumAnswer();

    @Test
    void capturedFilesUseCrlf() {
        assertTrue(OFFER.contains("\r\n"));
        assertFalse(OFFER.replace("\r\n", "").contains("\n"), "no bare LF in the capture");
    }

    @Test
    void offerWritesBackExactly() throws Exception {
        SessionDescription offer = SessionDescription.parse(OFFER);
        assertEquals(SdpFixtures.crlf(OFFER), offer.write());
        assertEquals(offer, SessionDescription.parse(offer.write()));
    }

    @Test
    void answerWritesBackExactly() throws Exception {
        SessionDescription answer = SessionDescription.parse(ANSWER);
        assertEquals(SdpFixtures.crlf(ANSWER), answer.write());
        assertEquals(answer, SessionDescription.parse(answer.toBytes()));
    }

    @Test
    void bareLfInputParsesToTheSameDescriptionAndWritesCrlf() throws Exception {
        String lf = OFFER.replace("\r\n", "\n");
        SessionDescription fromLf = SessionDescription.parse(lf);
        assertEquals(SessionDescription.parse(OFFER), fromLf);
        assertEquals(SdpFixtures.crlf(OFFER), fromLf.write());
    }

    @Test
    void sessionLevel() throws Exception {
        SessionDescription offer = SessionDescription.parse(OFFER);
        assertEquals(new Origin("-", "3598869888814910559", 2, "IN", "IP4", "127.0.0.1"), offer.origin());
        assertEquals("-", offer.sessionName());
        assertEquals(List.of(new Timing(0, 0)), offer.timings());
        assertEquals(List.of(Group.bundle(List.of("0", "1", "2"))), offer.bundleGroups());
        assertTrue(offer.extMapAllowMixed());
        assertEquals(List.of(new MsidSemantic("WMS", List.of("6c78583b-4a5f-4c60-966b-82c901e2b35a"))),
                offer.msidSemantics());
        assertEquals(" WMS 6c78583b-4a5f-4c60-966b-82c901e2b35a", offer.attributes("msid-semantic").get(0).value());
        assertEquals(3, offer.media().size());

        SessionDescription answer = SessionDescription.parse(ANSWER);
        assertEquals(List.of(new MsidSemantic("WMS", List.of())), answer.msidSemantics());
        assertEquals("a=msid-semantic: WMS", answer.lines().get(6).toString());
    }

    @Test
    void audioSection() throws Exception {
        MediaDescription audio = SessionDescription.parse(OFFER).media().get(0);
        assertEquals("audio", audio.type());
        assertEquals(55339, audio.port());
        assertEquals("UDP/TLS/RTP/SAVPF", audio.protocol());
        assertEquals(List.of("111", "63", "9", "0", "8", "13", "110", "126"), audio.formats());
        assertEquals("0", audio.mid().orElseThrow());
        assertEquals(Connection.ip4("10.213.0.1"), audio.connection().orElseThrow());
        assertEquals(new Rtcp(9, Connection.ip4("0.0.0.0")), audio.rtcp().orElseThrow());
        assertEquals(new RtpMap(111, "opus", 48000, 2), audio.rtpMap(111).orElseThrow());
        assertEquals(2, audio.rtpMap(111).orElseThrow().channels());
        Fmtp opus = audio.fmtp(111).orElseThrow();
        assertEquals("minptime=10;useinbandfec=1", opus.parameters());
        assertEquals(Map.of("minptime", "10", "useinbandfec", "1"), opus.parameterMap());
        assertEquals(List.of("minptime", "useinbandfec"), List.copyOf(opus.parameterMap().keySet()));
        assertEquals("111/111", audio.fmtp(63).orElseThrow().parameters());
        assertEquals(List.of(new RtcpFeedback(111, "transport-cc")), audio.rtcpFeedbacks(111));
        assertEquals(new ExtMap(1, "urn:ietf:params:rtp-hdrext:ssrc-audio-level"), audio.extMaps().get(0));
        assertEquals(4, audio.extMaps().size());
        assertEquals(Direction.SENDRECV, audio.direction().orElseThrow());
        assertEquals(List.of(new Msid("6c78583b-4a5f-4c60-966b-82c901e2b35a", "286ea1ed-9a6d-424b-b301-4407c733099d")),
                audio.msids());
        assertTrue(audio.rtcpMux());
        assertTrue(audio.rtcpReducedSize());
        assertFalse(audio.rtcpMuxOnly());
        assertEquals("4thy", audio.iceUfrag().orElseThrow());
        assertEquals("LtCB1VsxTdP4Z7xYYO60LbG+", audio.icePwd().orElseThrow());
        assertEquals(List.of("trickle"), audio.iceOptions());
        assertEquals(Setup.ACTPASS, audio.setup().orElseThrow());
        assertEquals(new Ssrc(3107517032L, "cname", "jHE7BAMwHTSiEjQ/"), audio.ssrcs().get(0));
        assertEquals("6c78583b-4a5f-4c60-966b-82c901e2b35a 286ea1ed-9a6d-424b-b301-4407c733099d",
                audio.ssrcs().get(1).value());
        assertTrue(audio.hasAttribute("rtcp-xr"), "unknown attribute kept");
    }

    @Test
    void fingerprintIsSha256With32Bytes() throws Exception {
        Fingerprint fp = SessionDescription.parse(OFFER).media().get(0).fingerprints().get(0);
        assertEquals("sha-256", fp.hashFunction());
        assertEquals(32, fp.bytes().length);
        assertEquals("745ca82912bbc478272179761f7cb0fe17580de1d7722c7dadc9f410d7bdcaf6", Hex.string(fp.bytes()));
        assertTrue(fp.matches(Hex.bytes("745ca82912bbc478272179761f7cb0fe17580de1d7722c7dadc9f410d7bdcaf6")));
    }

    @Test
    void hostCandidate() throws Exception {
        Candidate c = SessionDescription.parse(OFFER).media().get(1).candidates().get(0);
        assertEquals("2613294852", c.foundation());
        assertEquals(1, c.component());
        assertEquals("udp", c.transport());
        assertTrue(c.isUdp());
        assertEquals(2122260223L, c.priority());
        assertEquals("10.213.0.1", c.address());
        assertEquals(34225, c.port());
        assertEquals("host", c.type());
        assertEquals(null, c.relatedAddress());
        assertEquals(Candidate.NO_PORT, c.relatedPort());
        assertEquals(List.of(new Candidate.Extension("generation", "0"), new Candidate.Extension("network-id", "1")),
                c.extensions());
    }

    @Test
    void videoSection() throws Exception {
        MediaDescription video = SessionDescription.parse(OFFER).media().get(1);
        assertEquals("1", video.mid().orElseThrow());
        assertEquals(new RtpMap(96, "VP8", 90000), video.rtpMap(96).orElseThrow());
        assertEquals(0, video.rtpMap(96).orElseThrow().channels());
        assertEquals(List.of(
                        new RtcpFeedback(96, "goog-remb"),
                        new RtcpFeedback(96, "transport-cc"),
                        new RtcpFeedback(96, "ccm", "fir"),
                        new RtcpFeedback(96, "nack"),
                        new RtcpFeedback(96, "nack", "pli")),
                video.rtcpFeedbacks(96));
        // H.264 profile-level-id per payload type (RFC 6184 §8.1)
        Map<Integer, String> profiles = Map.of(102, "42001f", 104, "42001f", 108, "42e01f",
                114, "42e01f", 116, "4d001f", 39, "4d001f");
        profiles.forEach((pt, profile) -> {
            assertEquals("H264", video.rtpMap(pt).orElseThrow().encodingName());
            assertEquals(profile, video.fmtp(pt).orElseThrow().parameter("profile-level-id").orElseThrow(), "pt " + pt);
        });
        assertEquals("0", video.fmtp(104).orElseThrow().parameter("packetization-mode").orElseThrow());
        // RTX apt mapping (RFC 4588 §8.6)
        int[][] rtxToApt = {{97, 96}, {103, 102}, {107, 104}, {109, 108}, {115, 114}, {117, 116},
                {40, 39}, {46, 45}, {99, 98}, {101, 100}, {119, 118}};
        for (int[] pair : rtxToApt) {
            assertEquals("rtx", video.rtpMap(pair[0]).orElseThrow().encodingName());
            assertEquals(Integer.toString(pair[1]),
                    video.fmtp(pair[0]).orElseThrow().parameter("apt").orElseThrow(), "rtx " + pair[0]);
        }
        List<ExtMap> ext = video.extMaps();
        assertEquals(11, ext.size());
        assertEquals(new ExtMap(14, "urn:ietf:params:rtp-hdrext:toffset"), ext.get(0));
        assertEquals(new ExtMap(4, "urn:ietf:params:rtp-hdrext:sdes:mid"), ext.get(8));
        assertEquals(new ExtMap(11, "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id"), ext.get(10));
        assertEquals(List.of(new SsrcGroup("FID", List.of(1299756833L, 514658265L))), video.ssrcGroups());
        assertEquals(4, video.ssrcs().size());
        assertEquals(23, video.rtpMaps().size());
    }

    @Test
    void dataChannelSection() throws Exception {
        for (String sdp : List.of(OFFER, ANSWER)) {
            MediaDescription data = SessionDescription.parse(sdp).media().get(2);
            assertEquals("application", data.type());
            assertEquals("UDP/DTLS/SCTP", data.protocol());
            assertEquals(List.of("webrtc-datachannel"), data.formats());
            assertEquals(OptionalInt.of(5000), data.sctpPort());
            assertEquals(OptionalLong.of(262144), data.maxMessageSize());
            assertEquals("2", data.mid().orElseThrow());
        }
    }

    @Test
    void answerRolesAndDirections() throws Exception {
        SessionDescription answer = SessionDescription.parse(ANSWER);
        for (MediaDescription m : answer.media()) {
            assertEquals(Setup.ACTIVE, m.setup().orElseThrow());
            assertEquals("Oj1g", m.iceUfrag().orElseThrow());
            assertTrue(m.candidates().isEmpty());
        }
        assertEquals(Direction.RECVONLY, answer.media().get(0).direction().orElseThrow());
        assertEquals(Direction.RECVONLY, answer.media().get(1).direction().orElseThrow());
        assertTrue(answer.media().get(2).direction().isEmpty());
        assertEquals(Connection.ip4("0.0.0.0"), answer.media().get(0).connection().orElseThrow());
        assertEquals(9, answer.media().get(1).port());
    }
}
