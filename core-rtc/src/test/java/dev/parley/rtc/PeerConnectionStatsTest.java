package dev.parley.rtc;

import static dev.parley.rtc.PeerConnectionSignalingTest.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code getStats()} of a real call on 127.0.0.1: every W3C type of webrtc-stats the call has,
 * every id reference resolving to an object of the right type, figures that move as they should,
 * and SRTP's refusals counted when garbage arrives from an address ICE pairs with.
 */
class PeerConnectionStatsTest {
    private static final long S = Loopback.SECONDS;
    /** Which type each id-valued member must point at. */
    private static final Map<String, String> REFERENCES = Map.ofEntries(
            Map.entry("transportId", "transport"), Map.entry("codecId", "codec"),
            Map.entry("localCandidateId", "local-candidate"), Map.entry("remoteCandidateId", "remote-candidate"),
            Map.entry("selectedCandidatePairId", "candidate-pair"), Map.entry("localCertificateId", "certificate"),
            Map.entry("remoteCertificateId", "certificate"), Map.entry("mediaSourceId", "media-source"),
            Map.entry("remoteId", "remote-inbound-rtp"), Map.entry("localId", "outbound-rtp"));

    private final Loopback loopback = new Loopback();

    @AfterEach
    void close() throws Exception {
        loopback.close();
    }

    private static RTCStatsReport stats(RTCPeerConnection pc) {
        try {
            return get(pc.getStats());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static RTCStats only(RTCStatsReport report, String type) {
        List<RTCStats> all = report.ofType(type);
        assertEquals(1, all.size(), type + ": " + all);
        return all.get(0);
    }

    @Test
    void afterConnecting_everyTypeIsThere_everyIdResolves_andTheFiguresMove() throws Exception {
        RTCPeerConnection a = loopback.pc();
        RTCPeerConnection b = loopback.pc();
        PcEvents ea = PcEvents.on(a);
        a.addTrack(loopback.tone(440), new MediaStream());
        b.addTrack(loopback.tone(660), new MediaStream());
        Loopback.negotiate(a, b);
        ea.awaitConnection(RTCPeerConnectionState.CONNECTED, S);
        // Receiver reports come every 200 ms here: wait for the round trip time they carry.
        Loopback.await(() -> stats(a).ofType("remote-inbound-rtp").stream().anyMatch(r -> r.get("roundTripTime").isPresent()),
                "a receiver report gives a round trip time");
        RTCStatsReport report = stats(a);

        for (String type : List.of("peer-connection", "transport", "candidate-pair", "local-candidate", "remote-candidate",
                "certificate", "codec", "outbound-rtp", "inbound-rtp", "remote-inbound-rtp", "media-source")) {
            assertFalse(report.ofType(type).isEmpty(), "a " + type + " object: " + report);
        }
        for (RTCStats s : report.values()) {
            for (Map.Entry<String, Object> member : s.members().entrySet()) {
                String wanted = REFERENCES.get(member.getKey());
                if (wanted != null) {
                    RTCStats target = report.get((String) member.getValue()).orElseThrow(
                            () -> new AssertionError(s.id() + "." + member.getKey() + " dangles: " + member.getValue()));
                    assertEquals(wanted, target.type(), s.id() + "." + member.getKey());
                }
            }
        }

        RTCStats transport = only(report, "transport");
        assertEquals("connected", transport.getString("dtlsState").orElseThrow());
        assertEquals("FEFD", transport.getString("tlsVersion").orElseThrow(), "DTLS 1.2");
        assertTrue(transport.getString("dtlsCipher").orElseThrow().startsWith("TLS_"), transport.toString());
        assertTrue(transport.getString("srtpCipher").isPresent(), transport.toString());
        for (String id : List.of("selectedCandidatePairId", "localCertificateId", "remoteCertificateId")) {
            assertTrue(transport.getString(id).isPresent(), id + " in " + transport);
        }
        assertEquals(2, report.ofType("certificate").size(), "ours and the peer's");
        RTCStats pair = report.get(transport.getString("selectedCandidatePairId").get()).orElseThrow();
        assertEquals("succeeded", pair.getString("state").orElseThrow());

        RTCStats outbound = only(report, "outbound-rtp");
        assertEquals("audio", outbound.getString("kind").orElseThrow());
        RTCStats codec = report.get(outbound.getString("codecId").orElseThrow()).orElseThrow();
        assertEquals("audio/opus", codec.getString("mimeType").orElseThrow());
        assertEquals(48000, codec.getLong("clockRate"));
        assertEquals(2, codec.getLong("channels"));
        RTCStats remoteInbound = report.get(outbound.getString("remoteId").orElseThrow()).orElseThrow();
        assertEquals(outbound.id(), remoteInbound.getString("localId").orElseThrow());
        double rtt = remoteInbound.getDouble("roundTripTime");
        assertTrue(rtt >= 0 && rtt < 1, "loopback round trip in seconds: " + rtt);
        RTCStats inbound = only(report, "inbound-rtp");
        assertTrue(inbound.getLong("packetsReceived") > 0, inbound.toString());

        RTCStats source = report.get(outbound.getString("mediaSourceId").orElseThrow()).orElseThrow();
        assertEquals("audio", source.getString("kind").orElseThrow());
        assertEquals(a.getSenders().get(0).track().id(), source.getString("trackIdentifier").orElseThrow());
        double level = source.getDouble("audioLevel");
        assertTrue(level > 0.3 && level < 0.4, "a sine of amplitude 0.5 has an RMS level of 0.35: " + level);
        assertTrue(source.getDouble("totalAudioEnergy") > 0, source.toString());
        assertTrue(source.getDouble("totalSamplesDuration") > 0, source.toString());
        // A call that connected fast may have counted only a few frames at the first report (CI saw
        // 0.09 s): the duration keeps counting to past 100 ms.
        Loopback.await(() -> stats(a).get(source.id()).orElseThrow().getDouble("totalSamplesDuration") > 0.1,
                "100 ms of samples counted");

        long sent = outbound.getLong("packetsSent");
        double energy = source.getDouble("totalAudioEnergy");
        Loopback.await(() -> only(stats(a), "outbound-rtp").getLong("packetsSent") > sent + 10, "packetsSent grows");
        RTCStats later = stats(a).get(source.id()).orElseThrow();
        assertTrue(later.getDouble("totalAudioEnergy") > energy, "totalAudioEnergy grows");
    }

    @Test
    void garbageSrtpFromASignalledAddress_isCountedAsAuthenticationFailures() throws Exception {
        RTCPeerConnection a = loopback.pc();
        RTCPeerConnection b = loopback.pc();
        PcEvents ea = PcEvents.on(a);
        a.addTransceiver("audio", RTCRtpTransceiverInit.SENDRECV);
        Loopback.negotiate(a, b);
        ea.awaitConnection(RTCPeerConnectionState.CONNECTED, S);
        RTCStatsReport report = stats(a);
        RTCStats pair = report.get(only(report, "transport").getString("selectedCandidatePairId").orElseThrow()).orElseThrow();
        InetSocketAddress local = address(report.get(pair.getString("localCandidateId").orElseThrow()).orElseThrow());
        long before = only(report, "transport").getLong("srtpAuthenticationFailures");

        // ICE takes datagrams only from addresses it pairs with, so the impostor's address is
        // trickled to a as a candidate first; a's DTLS and SRTP stay those of the real call.
        try (DatagramSocket impostor = new DatagramSocket(new InetSocketAddress(local.getAddress(), 0))) {
            String candidate = "candidate:9 1 udp 1 " + local.getAddress().getHostAddress() + " "
                    + impostor.getLocalPort() + " typ host";
            get(a.addIceCandidate(new RTCIceCandidate(candidate, "0", 0, null)));
            Loopback.await(() -> stats(a).ofType("remote-candidate").stream()
                    .anyMatch(c -> c.getLong("port") == impostor.getLocalPort()), "a pairs with the impostor");
            Random random = new Random(7);
            for (int i = 0; i < 20; i++) {
                byte[] packet = new byte[12 + 160 + 16];
                random.nextBytes(packet);
                packet[0] = (byte) 0x80; // RTP version 2, no padding, extension or CSRCs
                packet[1] = 0; // PCMU: classified as RTP, so it goes to SRTP
                impostor.send(new DatagramPacket(packet, packet.length, local));
            }
            Loopback.await(() -> only(stats(a), "transport").getLong("srtpAuthenticationFailures") >= before + 20,
                    "the forged packets are refused and counted");
        }
        assertEquals("connected", only(stats(a), "transport").getString("dtlsState").orElseThrow());
        assertTrue(only(stats(a), "transport").getLong("srtpPacketsDropped") >= 20);
    }

    private static InetSocketAddress address(RTCStats candidate) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(candidate.getString("address").orElseThrow()),
                (int) candidate.getLong("port"));
    }

}
