package dev.parley.rtc.sdp;

import static dev.parley.rtc.sdp.RtpAttributesTest.message;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.rtc.testutil.Hex;
import java.util.List;
import org.junit.jupiter.api.Test;

/** fingerprint, setup, rtcp, sctpmap, rid, simulcast, direction. */
class TransportAttributesTest {
    @Test
    void fingerprint() throws Exception {
        Fingerprint fp = Fingerprint.parse("sha-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB");
        assertEquals("sha-1", fp.hashFunction());
        assertArrayEquals(Hex.bytes("4AADB9B13F82183B540212DF3E5D496B19E57CAB"), fp.bytes());
        assertEquals("sha-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB", fp.toValue());
        assertEquals(fp, Fingerprint.parse("sha-1 4a:ad:b9:b1:3f:82:18:3b:54:02:12:df:3e:5d:49:6b:19:e5:7c:ab"));
        byte[] bytes = fp.bytes();
        bytes[0] = 0;
        assertNotEquals(0, fp.bytes()[0], "defensive copy");
        assertEquals(1, Fingerprint.parse("x-new-hash AB").bytes().length, "unknown hash: any length");
        assertEquals("sha-256 fingerprint must have 32 bytes, got 2", message(() -> Fingerprint.parse("sha-256 AB:CD")));
        assertEquals("fingerprint 'AB:CD:' is not colon-separated hex pairs (AB:CD:…)",
                message(() -> Fingerprint.parse("sha-256 AB:CD:")));
        assertEquals("fingerprint 'ABCD' is not colon-separated hex pairs (AB:CD:…)",
                message(() -> Fingerprint.parse("sha-256 ABCD")));
        assertEquals("fingerprint 'AB-CD' is not colon-separated hex pairs (AB:CD:…)",
                message(() -> Fingerprint.parse("sha-256 AB-CD")));
        assertEquals("fingerprint 'G1' is not colon-separated hex pairs (AB:CD:…)",
                message(() -> Fingerprint.parse("sha-256 G1")));
        assertEquals("fingerprint needs 2 fields, got 1 in 'sha-256'", message(() -> Fingerprint.parse("sha-256")));
        assertThrows(IllegalArgumentException.class, () -> new Fingerprint("sha-256", new byte[31]));
    }

    @Test
    void setupRoles() throws Exception {
        assertEquals(Setup.ACTPASS, Setup.parse("actpass"));
        assertEquals(Setup.HOLDCONN, Setup.parse("holdconn"));
        assertEquals(new Attribute("setup", "passive"), Setup.PASSIVE.toAttribute());
        assertEquals("unknown setup role 'client' (expected active, passive, actpass or holdconn)",
                message(() -> Setup.parse("client")));
    }

    @Test
    void rtcpAttribute() throws Exception {
        assertEquals(new Rtcp(9, Connection.ip4("0.0.0.0")), Rtcp.parse("9 IN IP4 0.0.0.0"));
        assertEquals(new Rtcp(53020, null), Rtcp.parse("53020"));
        assertEquals("53020 IN IP6 2001:db8::1", new Rtcp(53020, Connection.ip6("2001:db8::1")).toValue());
        assertEquals("rtcp port '-9' is not a number in 0..65535", message(() -> Rtcp.parse("-9")));
        assertEquals("rtcp needs <port> [<nettype> <addrtype> <address>], got '9 IN IP4'",
                message(() -> Rtcp.parse("9 IN IP4")));
    }

    @Test
    void legacySctpMap() throws Exception {
        assertEquals(new SctpMap(5000, "webrtc-datachannel", 1024), SctpMap.parse("5000 webrtc-datachannel 1024"));
        assertEquals("5000 webrtc-datachannel", new SctpMap(5000, "webrtc-datachannel", 0).toValue());
    }

    @Test
    void ridFromRfc8851() throws Exception {
        // RFC 8851 §11.1 shape: payload types then restrictions
        Rid rid = Rid.parse("1 send pt=97;max-width=1280;max-height=720");
        assertEquals("1", rid.id());
        assertEquals(RidDirection.SEND, rid.direction());
        assertEquals(List.of(97), rid.payloadTypes());
        assertEquals("1280", rid.params().get("max-width"));
        assertEquals("1 send pt=97;max-width=1280;max-height=720", rid.toValue());
        Rid recv = Rid.parse("5 recv pt=100,97,101");
        assertEquals(List.of(100, 97, 101), recv.payloadTypes());
        Rid noPt = Rid.parse("h send max-fps=30;depend=l");
        assertEquals(List.of("max-fps", "depend"), List.copyOf(noPt.params().keySet()));
        assertEquals("h send max-fps=30;depend=l", noPt.toValue());
        assertEquals(new Rid("q", RidDirection.RECV), Rid.parse("q recv"));
        assertEquals("rid direction must be 'send' or 'recv', got 'both'", message(() -> Rid.parse("1 both")));
        assertEquals("rid-id 'a.b' must be letters, digits, '-' or '_'", message(() -> Rid.parse("a.b send")));
        assertEquals("payload type 'x' is not a number in 0..127", message(() -> Rid.parse("1 send pt=97,x")));
        assertEquals("rid parameter '' is malformed", message(() -> Rid.parse("1 send max-fps=1;;x=2")));
    }

    @Test
    void simulcastFromRfc8853() throws Exception {
        // RFC 8853 §5.1 example
        Simulcast s = Simulcast.parse("send 1,2,3;~4,~5 recv 6;~7,~8");
        assertEquals(List.of(
                        List.of(new Simulcast.Id("1", false), new Simulcast.Id("2", false), new Simulcast.Id("3", false)),
                        List.of(new Simulcast.Id("4", true), new Simulcast.Id("5", true))),
                s.send());
        assertEquals(List.of(List.of(new Simulcast.Id("6", false)),
                        List.of(new Simulcast.Id("7", true), new Simulcast.Id("8", true))),
                s.receive());
        assertEquals("send 1,2,3;~4,~5 recv 6;~7,~8", s.toValue());
        Simulcast recvFirst = Simulcast.parse("recv 1;4,5 send 6;7");
        assertEquals(2, recvFirst.receive().size());
        assertEquals(Simulcast.parse("send 6;7 recv 1;4,5"), recvFirst);
        assertEquals(List.of(), Simulcast.parse("recv h;m;l").send());
        assertEquals("simulcast repeats send", message(() -> Simulcast.parse("send 1 send 2")));
        assertEquals("simulcast rid '~' must be letters, digits, '-' or '_' (optionally after '~')",
                message(() -> Simulcast.parse("send 1;~")));
        assertEquals("simulcast needs 'send <list>' and/or 'recv <list>', got 'send'",
                message(() -> Simulcast.parse("send")));
    }

    @Test
    void direction() throws Exception {
        assertEquals(Direction.SENDONLY, Direction.parse("sendonly"));
        assertEquals(Direction.RECVONLY, Direction.SENDONLY.reverse());
        assertEquals(Attribute.flag("inactive"), Direction.INACTIVE.toAttribute());
    }
}
