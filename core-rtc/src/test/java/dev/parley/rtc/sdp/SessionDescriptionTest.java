package dev.parley.rtc.sdp;

import static dev.parley.rtc.sdp.SdpFixtures.HEADER;
import static dev.parley.rtc.sdp.SdpFixtures.sdp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Structure of a description: line handling, unknown lines, errors, building and with…. */
class SessionDescriptionTest {
    private static final String ATTRIBUTES = SdpFixtures.load("SdpFuzzTestInputs/webrtc-attributes");

    @Test
    void unknownLinesAndAttributesSurviveInOrder() throws Exception {
        String text = sdp("v=0", "o=- 1 2 IN IP4 127.0.0.1", "s=-", "x=before timing", "t=0 0",
                "a=x-custom:1 2  3", "a=x-flag", "m=audio 9 RTP/AVP 0", "y=media level unknown",
                "a=rtcp-xr:rcvr-rtt=all", "i=info after attributes");
        SessionDescription sd = SessionDescription.parse(text);
        assertEquals(text, sd.write());
        assertEquals(new SdpLine('x', "before timing"), sd.lines().get(3));
        assertEquals(new Attribute("x-custom", "1 2  3"), sd.attributes().get(0));
        assertTrue(sd.attributes().get(1).isFlag());
        assertEquals(new SdpLine('y', "media level unknown"), sd.media().get(0).lines().get(1));
        assertEquals("info after attributes", sd.media().get(0).information().orElseThrow());
    }

    @Test
    void allAttributeKindsParse() throws Exception {
        SessionDescription sd = SessionDescription.parse(ATTRIBUTES);
        assertEquals(ATTRIBUTES, sd.write());
        assertTrue(sd.iceLite());
        assertEquals(List.of(new Bandwidth("AS", 300)), sd.bandwidths());
        assertEquals(List.of(new Timing(0, 0, List.of("604800 3600 0 90000"))), sd.timings());
        assertEquals(20, sd.fingerprints().get(0).bytes().length);
        assertEquals("IP6", sd.origin().addrType());
        MediaDescription video = sd.mediaByMid("a").orElseThrow();
        assertEquals(2, video.mediaLine().portCount());
        assertEquals(OptionalInt.of(2), video.mediaLine().numberOfPorts());
        assertEquals(Direction.RECVONLY, video.extMaps().get(0).direction());
        assertEquals(2, video.rids().size());
        assertEquals(RidDirection.RECV, video.rids().get(1).direction());
        assertEquals(2, video.simulcast().orElseThrow().send().size());
        assertEquals(List.of(new RtcpFeedback(RtcpFeedback.ANY_PAYLOAD_TYPE, "nack")), video.rtcpFeedbacks(97));
        List<Candidate> candidates = video.candidates();
        assertEquals(3, candidates.size());
        assertEquals("active", candidates.get(0).tcpType().orElseThrow());
        assertEquals("2001:db8::1", candidates.get(0).address());
        assertEquals(50000, candidates.get(1).relatedPort());
        assertTrue(candidates.get(2).isMdnsName());
        assertTrue(video.endOfCandidates());
        assertTrue(video.rtcpMuxOnly());
        MediaDescription data = sd.mediaByMid("b").orElseThrow();
        assertEquals(new SctpMap(5000, "webrtc-datachannel", 1024), data.sctpMap().orElseThrow());
        assertEquals(new Rtcp(9, null), data.rtcp().orElseThrow());
        assertEquals(Direction.INACTIVE, data.direction().orElseThrow());
        assertTrue(data.sctpPort().isEmpty());
    }

    @Test
    void lineEndingsAreLenientOnInputAndCrlfOnOutput() throws Exception {
        String crlf = HEADER + "m=audio 9 RTP/AVP 0\r\n";
        SessionDescription expected = SessionDescription.parse(crlf);
        assertEquals(expected, SessionDescription.parse(crlf.replace("\r\n", "\n")));
        assertEquals(expected, SessionDescription.parse(crlf.substring(0, crlf.length() - 2)), "no final newline");
        assertEquals(expected, SessionDescription.parse(crlf + "\r\n\n"), "trailing blank lines");
        assertEquals(crlf, SessionDescription.parse(crlf.replace("\r\n", "\n")).write());
    }

    @Test
    void bytesAreUtf8() throws Exception {
        String text = sdp("v=0", "o=- 1 2 IN IP4 127.0.0.1", "s=Grüße", "t=0 0");
        SessionDescription sd = SessionDescription.parse(text.getBytes(StandardCharsets.UTF_8));
        assertEquals("Grüße", sd.sessionName());
        assertEquals(text, new String(sd.toBytes(), StandardCharsets.UTF_8));
        assertEquals("SDP is not valid UTF-8",
                assertThrows(SdpParseException.class, () -> SessionDescription.parse(new byte[] {'v', '=', (byte) 0xC3}))
                        .getMessage());
    }

    @Test
    void errorMessagesNameTheLineAndTheProblem() {
        assertEquals("line 1: v=: protocol version must be 0, got '1'", error("v=1\r\no=- 1 2 IN IP4 0.0.0.0\r\ns=-\r\n"));
        assertEquals("line 2: the second line must be o= (RFC 8866 §5)", error("v=0\r\ns=-\r\n"));
        assertEquals("line 2: o=: session version '2x' is not a number in 0..9223372036854775807",
                error("v=0\r\no=- 1 2x IN IP4 0.0.0.0\r\ns=-\r\n"));
        assertEquals("line 2: o=: origin needs 6 fields, got 5 in '- 1 2 IN IP4'", error("v=0\r\no=- 1 2 IN IP4\r\ns=-\r\n"));
        assertEquals("line 5: m=: port '70000' is not a number in 0..65535", error(HEADER + "m=audio 70000 RTP/AVP 0\r\n"));
        assertEquals("line 6: a=rtpmap: payload type 'abc' is not a number in 0..127",
                error(HEADER + "m=audio 9 RTP/AVP 0\r\na=rtpmap:abc PCMU/8000\r\n"));
        assertEquals("line 6: a=fingerprint: sha-256 fingerprint must have 32 bytes, got 3",
                error(HEADER + "m=audio 9 RTP/AVP 0\r\na=fingerprint:sha-256 AB:CD:EF\r\n"));
        assertEquals("line 5: a=sctp-port: sctp-port '99999999999999999999999' is not a number in 0..65535",
                error(HEADER + "a=sctp-port:99999999999999999999999\r\n"));
        assertEquals("line 6: a=mid needs a value", error(HEADER + "m=audio 9 RTP/AVP 0\r\na=mid\r\n"));
        assertEquals("line 6: a=candidate: candidate field 7 must be 'typ', got 'kind'",
                error(HEADER + "m=audio 9 RTP/AVP 0\r\na=candidate:1 1 udp 1 10.0.0.1 9 kind host\r\n"));
        assertEquals("line 4: empty line inside the description", error("v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\ns=-\r\n\r\nt=0 0\r\n"));
        assertEquals("line 4: expected <letter>=<value>, got 'hello'", error(HEADER.replace("t=0 0", "hello")));
        assertEquals("line 4: stray CR inside a line", error(HEADER.replace("t=0 0", "t=0\r0")));
        assertEquals("line 6: t= is not allowed in a media description", error(HEADER + "m=audio 9 RTP/AVP 0\r\nt=0 0\r\n"));
        assertEquals("line 4: r= line without a preceding t= line", error(HEADER.replace("t=0 0", "r=1 2 3")));
        assertEquals("line 5: repeated o= line", error(HEADER + "o=- 1 2 IN IP4 0.0.0.0\r\n"));
        assertEquals("line 5: attribute has an empty name: ':x'", error(HEADER + "a=:x\r\n"));
        assertEquals("empty SDP", error("\r\n"));
        SdpParseException e = assertThrows(SdpParseException.class,
                () -> SessionDescription.parse(HEADER + "m=video 9 RTP/AVP 96\r\na=extmap:300 urn:x\r\n"));
        assertEquals(6, e.lineNumber());
        assertEquals("a=extmap: extmap id 300 is outside 1-255 and 4096-4351", e.detail());
    }

    @Test
    void builderMakesAnOfferShapedDescription() throws Exception {
        Origin origin = new Origin("-", "4611731400430051336", 2, "IN", "IP4", "127.0.0.1");
        MediaDescription audio = MediaDescription.builder(new MediaLine("audio", 9, "UDP/TLS/RTP/SAVPF", List.of("111")))
                .connection(Connection.ip4("0.0.0.0"))
                .attribute(new Rtcp(9, Connection.ip4("0.0.0.0")))
                .attribute("ice-ufrag", "abcd")
                .attribute("ice-pwd", "0123456789abcdefghijkl")
                .attribute("ice-options", "trickle")
                .attribute(new Fingerprint("sha-256", new byte[32]))
                .attribute(Setup.ACTPASS)
                .attribute("mid", "0")
                .attribute(new ExtMap(1, "urn:ietf:params:rtp-hdrext:ssrc-audio-level"))
                .attribute(Direction.SENDRECV)
                .flag("rtcp-mux")
                .attribute(new RtpMap(111, "opus", 48000, 2))
                .attribute(new Fmtp(111, "minptime=10;useinbandfec=1"))
                .build();
        SessionDescription sd = SessionDescription.builder(origin)
                .attribute(Group.bundle(List.of("0")))
                .attribute(new MsidSemantic("WMS", List.of()))
                .media(audio)
                .build();
        String text = sd.write();
        assertTrue(text.startsWith("v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
                + "a=group:BUNDLE 0\r\na=msid-semantic: WMS\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\n"), text);
        assertTrue(text.contains("\r\na=fingerprint:sha-256 00:00:00:"), text);
        SessionDescription parsed = SessionDescription.parse(text);
        assertEquals(sd, parsed);
        MediaDescription m = parsed.media().get(0);
        assertEquals("0", m.mid().orElseThrow());
        assertEquals(Setup.ACTPASS, m.setup().orElseThrow());
        assertEquals(new RtpMap(111, "opus", 48000, 2), m.rtpMap(111).orElseThrow());
        assertTrue(m.rtcpMux());
    }

    @Test
    void builderRejectsMalformedKnownAttributes() {
        MediaDescription.Builder b = MediaDescription.builder(new MediaLine("audio", 9, "RTP/AVP", List.of("0")))
                .attribute("rtpmap", "x PCMU/8000");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertEquals("invalid media description: line 2: a=rtpmap: payload type 'x' is not a number in 0..127",
                e.getMessage());
    }

    @Test
    void withMethodsMakeChangedCopies() throws Exception {
        SessionDescription offer = SessionDescription.parse(SdpFixtures.chromiumOffer());
        SessionDescription next = offer.withOrigin(offer.origin().withSessionVersion(3));
        assertEquals(3, next.origin().sessionVersion());
        assertEquals(2, offer.origin().sessionVersion(), "original unchanged");
        assertTrue(next.write().contains("\r\no=- 3598869888814910559 3 IN IP4 127.0.0.1\r\n"));

        MediaDescription audio = offer.media().get(0);
        MediaDescription noCandidates = audio.withoutAttributes("candidate").withAttribute(Attribute.flag("end-of-candidates"));
        assertTrue(noCandidates.candidates().isEmpty());
        assertTrue(noCandidates.endOfCandidates());
        assertEquals(audio.lines().size(), noCandidates.lines().size());

        MediaDescription recvOnly = audio.withDirection(Direction.RECVONLY);
        assertEquals(Direction.RECVONLY, recvOnly.direction().orElseThrow());
        assertEquals(audio.lines().indexOf(new SdpLine('a', "sendrecv")), recvOnly.lines().indexOf(new SdpLine('a', "recvonly")),
                "replaced in place");

        MediaDescription rejected = audio.withPort(0);
        assertEquals(0, rejected.port());
        assertEquals("audio 0 UDP/TLS/RTP/SAVPF 111 63 9 0 8 13 110 126", rejected.lines().get(0).value());

        SessionDescription changed = offer.withMedia(0, rejected).withoutAttributes("extmap-allow-mixed")
                .withAttribute(Attribute.flag("ice-lite"));
        assertFalse(changed.extMapAllowMixed());
        assertTrue(changed.iceLite());
        assertEquals(changed, SessionDescription.parse(changed.write()));
    }

    private static String error(String text) {
        return assertThrows(SdpParseException.class, () -> SessionDescription.parse(text)).getMessage();
    }
}
