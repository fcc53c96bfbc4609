package dev.parley.rtc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.sdp.Candidate;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class SdpCandidatesTest {

    @Test
    void chromiumsHostCandidateBecomesAnAgentCandidate() throws Exception {
        // From ../shared/reference/chromium-156/offer.sdp.
        IceCandidate c = SdpCandidates.fromSdp(
                Candidate.parse("candidate:2613294852 1 udp 2122260223 10.213.0.1 55339 typ host generation 0 network-id 1"));
        assertEquals("2613294852", c.foundation());
        assertEquals(TransportProtocol.UDP, c.protocol());
        assertEquals(2122260223L, c.priority());
        assertEquals(new InetSocketAddress("10.213.0.1", 55339), c.address());
        assertEquals(CandidateType.HOST, c.type());
    }

    @Test
    void reflexiveAndTcpCandidatesKeepTheirRelatedAddressAndRole() throws Exception {
        IceCandidate srflx = SdpCandidates.fromSdp(Candidate.parse(
                "candidate:842163049 1 udp 1677729535 203.0.113.7 40000 typ srflx raddr 10.0.0.2 rport 50000 generation 0"));
        assertEquals(new InetSocketAddress("10.0.0.2", 50000), srflx.relatedAddress());
        IceCandidate tcp = SdpCandidates.fromSdp(Candidate.parse(
                "candidate:1 1 tcp 1518280447 2001:db8::5 9 typ host tcptype active"));
        assertEquals(TcpType.ACTIVE, tcp.tcpType());
        assertTrue(tcp.address().getAddress() instanceof java.net.Inet6Address);
    }

    @Test
    void localCandidatesWriteAsBrowsersSignalThem() throws Exception {
        IceCandidate active = new IceCandidate("7", 1, TransportProtocol.TCP, 1518280447L,
                new InetSocketAddress("127.0.0.1", 51000), CandidateType.HOST, null, TcpType.ACTIVE);
        Candidate sdp = SdpCandidates.toSdp(active, "abcd");
        assertEquals("candidate:7 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active ufrag abcd", sdp.toString());

        IceCandidate relay = new IceCandidate("9", 1, TransportProtocol.UDP, 16777215L,
                new InetSocketAddress("127.0.0.1", 49999), CandidateType.RELAYED, new InetSocketAddress("127.0.0.1", 40000), null);
        IceCandidate back = SdpCandidates.fromSdp(Candidate.parse(SdpCandidates.toSdp(relay, null).toValue()));
        assertEquals(relay, back);
    }

    @Test
    void candidatesTheAgentCannotUseAreRejectedWithTheReason() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> SdpCandidates.fromSdp(Candidate.parse(
                "candidate:1 1 udp 2122260223 4f7a3c9e-1b2d-4e5f-8a9b-0c1d2e3f4a5b.local 55339 typ host")));
        assertThrows(IllegalArgumentException.class, () -> SdpCandidates.fromSdp(Candidate.parse(
                "candidate:1 1 udp 2122260223 10.0.0.1 55339 typ weird")));
        assertThrows(IllegalArgumentException.class, () -> SdpCandidates.fromSdp(Candidate.parse(
                "candidate:1 1 tcp 2122260223 10.0.0.1 55339 typ host")));
        assertThrows(IllegalArgumentException.class, () -> SdpCandidates.fromSdp(Candidate.parse(
                "candidate:1 1 sctp 2122260223 10.0.0.1 55339 typ host")));
    }
}
