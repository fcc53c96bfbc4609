package dev.parley.rtc.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 8839 §5.1 candidate grammar, with the forms Chromium trickles. */
class CandidateTest {
    @ParameterizedTest
    @ValueSource(strings = {
            // Chromium host candidate as trickled in RTCIceCandidate.candidate
            "candidate:2613294852 1 udp 2122260223 10.213.0.1 55339 typ host generation 0 network-id 1",
            // IPv6 host with ufrag and network-cost
            "candidate:1 1 udp 2122262783 2001:db8:85a3::8a2e:370:7334 61665 typ host generation 0 ufrag 4thy network-id 2 network-cost 10",
            // TCP active host (RFC 6544 tcptype), port 9 as Chromium writes it
            "candidate:3 1 tcp 1518280447 192.168.1.2 9 typ host tcptype active generation 0 network-id 1",
            // relay with raddr/rport
            "candidate:4 1 udp 41885439 203.0.113.7 3478 typ relay raddr 198.51.100.2 rport 50000 generation 0",
            // srflx
            "candidate:842163049 1 udp 1677729535 198.51.100.2 50000 typ srflx raddr 0.0.0.0 rport 0 generation 0 network-cost 999",
            // mDNS host name
            "candidate:5 1 udp 2113937151 0b2f7c4e-1a2b-4c3d-8e9f-0123456789ab.local 54321 typ host generation 0 network-cost 999",
            // RTCP component, upper-case transport (RFC 8839 grammar spells "UDP")
            "candidate:a+/b 2 UDP 2130706430 10.0.0.1 5001 typ host",
    })
    void roundTripsExactly(String text) throws Exception {
        Candidate c = Candidate.parse(text);
        assertEquals(text, c.toString());
        assertEquals(c, Candidate.parse(c.toString()));
        assertEquals(c, Candidate.parse("a=" + text), "a= prefix accepted");
        assertEquals(c, Candidate.parse(text.substring("candidate:".length())), "bare value accepted");
        assertEquals(new Attribute("candidate", text.substring("candidate:".length())), c.toAttribute());
    }

    @Test
    void ipv6() throws Exception {
        Candidate c = Candidate.parse("candidate:1 1 udp 2122262783 2001:db8::1 61665 typ host generation 0");
        assertEquals("2001:db8::1", c.address());
        assertEquals(61665, c.port());
    }

    @Test
    void tcpWithTcpType() throws Exception {
        Candidate c = Candidate.parse("candidate:3 1 tcp 1518280447 192.168.1.2 9 typ host tcptype passive generation 0");
        assertTrue(c.isTcp());
        assertFalse(c.isUdp());
        assertEquals("passive", c.tcpType().orElseThrow());
        assertEquals("0", c.extension("generation").orElseThrow());
    }

    @Test
    void relayWithRelatedAddress() throws Exception {
        Candidate c = Candidate.parse("candidate:4 1 udp 41885439 203.0.113.7 3478 typ relay raddr 198.51.100.2 rport 50000");
        assertEquals("relay", c.type());
        assertEquals("198.51.100.2", c.relatedAddress());
        assertEquals(50000, c.relatedPort());
        assertTrue(c.extensions().isEmpty());
    }

    @Test
    void mdnsHostName() throws Exception {
        Candidate c = Candidate.parse("candidate:5 1 udp 2113937151 0b2f7c4e-1a2b-4c3d-8e9f-0123456789ab.local 54321 typ host");
        assertTrue(c.isMdnsName());
        assertEquals("0b2f7c4e-1a2b-4c3d-8e9f-0123456789ab.local", c.address());
    }

    @Test
    void extensionsKeepTheirOrder() throws Exception {
        Candidate c = Candidate.parse("candidate:1 1 udp 1 10.0.0.1 1 typ host network-id 3 ufrag abc generation 7");
        assertEquals(List.of("network-id", "ufrag", "generation"),
                c.extensions().stream().map(Candidate.Extension::name).toList());
        assertEquals("abc", c.ufrag().orElseThrow());
    }

    @Test
    void builtCandidateWritesTheGrammar() {
        Candidate c = new Candidate("1", 1, "udp", 2122260223L, "10.0.0.1", 5000, "srflx", "192.168.0.2", 6000,
                List.of(new Candidate.Extension("generation", "0")));
        assertEquals("candidate:1 1 udp 2122260223 10.0.0.1 5000 typ srflx raddr 192.168.0.2 rport 6000 generation 0",
                c.toString());
    }

    @Test
    void errorsSayWhatIsWrong() {
        assertEquals("candidate needs at least 8 fields (foundation component transport priority address port typ type), got 6",
                message("candidate:1 1 udp 1 10.0.0.1 5000"));
        assertEquals("candidate field 7 must be 'typ', got 'type'",
                message("candidate:1 1 udp 1 10.0.0.1 5000 type host"));
        assertEquals("candidate port '65536' is not a number in 0..65535",
                message("candidate:1 1 udp 1 10.0.0.1 65536 typ host"));
        assertEquals("candidate component id '0' is not a number in 1..256",
                message("candidate:1 0 udp 1 10.0.0.1 1 typ host"));
        assertEquals("candidate priority '4294967296' is not a number in 0..4294967295",
                message("candidate:1 1 udp 4294967296 10.0.0.1 1 typ host"));
        assertEquals("candidate priority '-1' is not a number in 0..4294967295",
                message("candidate:1 1 udp -1 10.0.0.1 1 typ host"));
        assertEquals("candidate address '10.0.0.256' is not a valid IPv4 address",
                message("candidate:1 1 udp 1 10.0.0.256 1 typ host"));
        assertEquals("candidate address '2001:db8::g' is not a valid IPv6 address",
                message("candidate:1 1 udp 1 2001:db8::g 1 typ host"));
        assertEquals("candidate address 'a/b' is neither an IP address nor a host name",
                message("candidate:1 1 udp 1 a/b 1 typ host"));
        assertEquals("candidate extension 'generation' has no value",
                message("candidate:1 1 udp 1 10.0.0.1 1 typ host generation"));
        assertEquals("candidate rport 'x' is not a number in 0..65535",
                message("candidate:1 1 udp 1 10.0.0.1 1 typ srflx raddr 1.2.3.4 rport x"));
        assertEquals("candidate needs at least 8 fields (foundation component transport priority address port typ type), got 0",
                message(""));
    }

    private static String message(String text) {
        return assertThrows(SdpParseException.class, () -> Candidate.parse(text)).getMessage();
    }
}
