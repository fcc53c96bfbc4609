package dev.parley.rtc.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** rtpmap, fmtp, rtcp-fb, extmap, ssrc, ssrc-group, msid, group: values, round trip, errors. */
class RtpAttributesTest {
    @Test
    void rtpMap() throws Exception {
        assertEquals(new RtpMap(111, "opus", 48000, 2), RtpMap.parse("111 opus/48000/2"));
        assertEquals(new RtpMap(0, "PCMU", 8000), RtpMap.parse("0 PCMU/8000"));
        assertEquals(1, RtpMap.parse("0 PCMU/8000").channelsOrDefault());
        assertEquals("111 opus/48000/2", new RtpMap(111, "opus", 48000, 2).toValue());
        assertEquals("payload type 'abc' is not a number in 0..127",
                message(() -> RtpMap.parse("abc opus/48000")));
        assertEquals("payload type '128' is not a number in 0..127",
                message(() -> RtpMap.parse("128 opus/48000")));
        assertEquals("clock rate '0' is not a number in 1..2147483647", message(() -> RtpMap.parse("96 VP8/0")));
        assertEquals("rtpmap encoding 'VP8' is not <name>/<clock rate>[/<parameters>]",
                message(() -> RtpMap.parse("96 VP8")));
    }

    @Test
    void fmtpKeepsRawTextAndReadsParameters() throws Exception {
        Fmtp f = Fmtp.parse("102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f");
        assertEquals("102", f.format());
        assertEquals(OptionalInt.of(102), f.payloadType());
        assertEquals(List.of("level-asymmetry-allowed", "packetization-mode", "profile-level-id"),
                List.copyOf(f.parameterMap().keySet()));
        assertEquals("42001f", f.parameter("profile-level-id").orElseThrow());
        // spaces after ';' (as some endpoints write) are read, and kept in the raw text
        Fmtp spaced = Fmtp.parse("111 minptime=10; useinbandfec=1");
        assertEquals("1", spaced.parameter("useinbandfec").orElseThrow());
        assertEquals("111 minptime=10; useinbandfec=1", spaced.toValue());
        // RED (RFC 2198) has no key=value
        assertEquals(Map.of("111/111", ""), Fmtp.parse("63 111/111").parameterMap());
        assertEquals("96 apt=95", Fmtp.of(96, Map.of("apt", "95")).toValue());
        Map<String, String> ordered = new LinkedHashMap<>();
        ordered.put("minptime", "10");
        ordered.put("useinbandfec", "1");
        assertEquals("111 minptime=10;useinbandfec=1", Fmtp.of(111, ordered).toValue());
        assertEquals(OptionalInt.empty(), Fmtp.parse("webrtc-datachannel max-message-size=100").payloadType());
        assertEquals("fmtp has no format", message(() -> Fmtp.parse(" ")));
    }

    @Test
    void rtcpFeedback() throws Exception {
        assertEquals(new RtcpFeedback(96, "nack", "pli"), RtcpFeedback.parse("96 nack pli"));
        assertEquals(new RtcpFeedback(96, "nack"), RtcpFeedback.parse("96 nack"));
        RtcpFeedback any = RtcpFeedback.parse("* ccm fir");
        assertEquals(RtcpFeedback.ANY_PAYLOAD_TYPE, any.payloadType());
        assertTrue(any.appliesTo(100));
        assertEquals("* ccm fir", any.toValue());
        assertEquals(new RtcpFeedback(98, "trr-int", "100"), RtcpFeedback.parse("98 trr-int 100"));
        assertEquals("rtcp-fb needs <payload type> <type>, got '96'", message(() -> RtcpFeedback.parse("96")));
        assertEquals("payload type 'x' is not a number in 0..127", message(() -> RtcpFeedback.parse("x nack")));
    }

    @Test
    void extMapWithDirectionAndAttributes() throws Exception {
        // RFC 8285 §8 example shapes
        ExtMap plain = ExtMap.parse("1 http://example.com/082005/ext.htm#ttime");
        assertEquals(new ExtMap(1, null, "http://example.com/082005/ext.htm#ttime", null), plain);
        ExtMap directed = ExtMap.parse("2/sendrecv http://example.com/082005/ext.htm#xmeta short");
        assertEquals(Direction.SENDRECV, directed.direction());
        assertEquals("short", directed.attributes());
        assertEquals("2/sendrecv http://example.com/082005/ext.htm#xmeta short", directed.toValue());
        ExtMap recvOnly = ExtMap.parse("3/recvonly urn:ietf:params:rtp-hdrext:encrypt urn:x 25@600/24");
        assertEquals(Direction.RECVONLY, recvOnly.direction());
        assertEquals("urn:x 25@600/24", recvOnly.attributes());
        assertEquals(4096, ExtMap.parse("4096 urn:x").id());
        assertEquals("extmap id 256 is outside 1-255 and 4096-4351", message(() -> ExtMap.parse("256 urn:x")));
        assertEquals("extmap id '0' is not a number in 1..4351", message(() -> ExtMap.parse("0 urn:x")));
        assertEquals("unknown direction 'both' (expected sendrecv, sendonly, recvonly or inactive)",
                message(() -> ExtMap.parse("1/both urn:x")));
        assertEquals("extmap needs <id>[/<direction>] <uri>, got '5'", message(() -> ExtMap.parse("5")));
    }

    @Test
    void ssrcAndGroups() throws Exception {
        Ssrc msid = Ssrc.parse("1299756833 msid:stream track");
        assertEquals(new Ssrc(1299756833L, "msid", "stream track"), msid);
        assertEquals("1299756833 msid:stream track", msid.toValue());
        assertEquals(new Ssrc(4294967295L, "label", null), Ssrc.parse("4294967295 label"));
        assertEquals("ssrc-id '4294967296' is not a number in 0..4294967295",
                message(() -> Ssrc.parse("4294967296 cname:x")));
        assertEquals("ssrc needs <ssrc-id> <attribute>[:<value>], got '1'", message(() -> Ssrc.parse("1")));
        assertEquals(new SsrcGroup("SIM", List.of(1L, 2L, 3L)), SsrcGroup.parse("SIM 1 2 3"));
        assertEquals("FID 1 2", new SsrcGroup("FID", List.of(1L, 2L)).toValue());
        assertEquals("ssrc-id 'x' is not a number in 0..4294967295", message(() -> SsrcGroup.parse("FID 1 x")));
    }

    @Test
    void msidAndGroup() throws Exception {
        assertEquals(new Msid("-", "track"), Msid.parse("- track"));
        assertEquals(new Msid("stream", null), Msid.parse("stream"));
        assertEquals("msid needs <stream-id> [<app-data>], got 'a b c'", message(() -> Msid.parse("a b c")));
        assertEquals(new Group("LS", List.of("1", "2")), Group.parse("LS 1 2"));
        assertEquals("BUNDLE 0 1", Group.bundle(List.of("0", "1")).toValue());
        assertTrue(Group.parse("BUNDLE").mids().isEmpty());
        assertEquals(" WMS *", new MsidSemantic("WMS", List.of("*")).toValue());
    }

    interface Parse {
        Object run() throws SdpParseException;
    }

    static String message(Parse p) {
        return assertThrows(SdpParseException.class, p::run).getMessage();
    }
}
