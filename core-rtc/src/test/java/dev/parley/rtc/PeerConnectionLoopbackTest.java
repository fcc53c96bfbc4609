package dev.parley.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.sdp.MediaDescription;
import dev.parley.rtc.sdp.SessionDescription;
import dev.parley.rtc.media.ToneDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two Parley peer connections in one JVM over real UDP on 127.0.0.1: they negotiate audio (Opus)
 * and video m-lines, connect with ICE, DTLS and SRTP, and each hears the other's tone at its own
 * frequency. Renegotiation and glare go through MDN's perfect-negotiation pattern ({@link PeerPair}).
 */
class PeerConnectionLoopbackTest {
    private static final int POLITE_HZ = 440;
    private static final int IMPOLITE_HZ = 660;
    /** Frames of 10 ms to analyse: half a second of received audio. */
    private static final int FRAMES = 50;

    /** Makes the tones and closes them. */
    private final Loopback loopback = new Loopback();
    private PeerPair pair;

    @AfterEach
    void close() throws Exception {
        if (pair != null) {
            pair.close();
        }
        loopback.close();
    }

    private MediaStreamTrack tone(int hz) {
        return loopback.tone(hz);
    }

    /** Collects the remote track's audio until {@link #FRAMES} frames arrived. */
    private static ToneDetector listen(RTCTrackEvent event) throws Exception {
        return Loopback.listen(event.track(), FRAMES);
    }

    @Test
    void negotiatesAudioVideoAndData_connects_andCarriesTonesBothWays() throws Exception {
        pair = new PeerPair();
        MediaStream politeStream = new MediaStream();
        pair.polite.pc.addTrack(tone(POLITE_HZ), politeStream);
        pair.polite.pc.addTransceiver("video", RTCRtpTransceiverInit.of(RTCRtpTransceiverDirection.RECVONLY));
        RTCDataChannel chat = pair.polite.pc.createDataChannel("chat");
        pair.impolite.pc.addTrack(tone(IMPOLITE_HZ), new MediaStream());

        pair.awaitConnected(10);
        pair.awaitStable(10);

        SessionDescription local = SessionDescription.parse(pair.polite.pc.currentLocalDescription().sdp());
        List<String> kinds = new ArrayList<>();
        for (MediaDescription m : local.media()) {
            kinds.add(m.type());
        }
        assertTrue(kinds.containsAll(List.of("audio", "video", "application")),
                "audio, video and data m-lines: " + kinds);

        RTCDataChannel announced = pair.impolite.dataChannels.poll(10, TimeUnit.SECONDS);
        assertNotNull(announced, "the answerer gets the datachannel event");
        assertEquals("chat", announced.label());
        java.util.concurrent.LinkedBlockingQueue<String> heard = new java.util.concurrent.LinkedBlockingQueue<>();
        announced.addListener(new RTCDataChannelListener() {
            @Override
            public void onMessage(RTCDataChannelMessage message) {
                heard.add(message.text());
            }
        });
        Loopback.await(() -> chat.readyState() == RTCDataChannelState.OPEN, "the offerer's channel opens");
        chat.send("hello over SCTP");
        assertEquals("hello over SCTP", heard.poll(10, TimeUnit.SECONDS));

        RTCTrackEvent atImpolite = awaitAudioTrack(pair.impolite);
        assertEquals(List.of(politeStream.id()), atImpolite.streams().stream().map(MediaStream::id).toList(),
                "the remote stream carries the sender's stream id");
        ToneDetector heardByImpolite = listen(atImpolite);
        assertTrue(heardByImpolite.dominantAt(POLITE_HZ, 20), "impolite hears 440 Hz: " + heardByImpolite);

        ToneDetector heardByPolite = listen(awaitAudioTrack(pair.polite));
        assertTrue(heardByPolite.dominantAt(IMPOLITE_HZ, 20), "polite hears 660 Hz: " + heardByPolite);

        RTCStatsReport stats = pair.impolite.pc.getStats().get(5, TimeUnit.SECONDS);
        RTCStats inbound = stats.ofType("inbound-rtp").get(0);
        assertTrue(inbound.getLong("packetsReceived") > 0, "inbound-rtp counts packets: " + inbound);
        assertTrue(inbound.getDouble("totalAudioEnergy") > 0, "inbound-rtp measures energy: " + inbound);
        RTCStats transport = stats.ofType("transport").get(0);
        assertEquals("connected", transport.getString("dtlsState").orElseThrow());
        assertTrue(transport.getString("selectedCandidatePairId").isPresent());
    }

    private static RTCTrackEvent awaitAudioTrack(PeerPair.Peer peer) throws InterruptedException {
        while (true) {
            RTCTrackEvent event = peer.tracks.poll(10, TimeUnit.SECONDS);
            assertNotNull(event, peer.name + " gets an audio track event");
            if (event.track().kind().equals("audio")) {
                return event;
            }
        }
    }

    @Test
    void trackAddedAfterConnect_fromEitherSide_renegotiates() throws Exception {
        pair = new PeerPair();
        pair.polite.pc.addTrack(tone(POLITE_HZ), new MediaStream());
        pair.awaitConnected(10);
        pair.awaitStable(10);
        ToneDetector first = listen(awaitAudioTrack(pair.impolite));
        assertTrue(first.dominantAt(POLITE_HZ, 20), first.toString());

        // The answerer now adds a track: W3C addTrack reuses the recvonly transceiver the first
        // offer created (it never sent), so mid 0 becomes sendrecv — and the answerer offers.
        pair.impolite.negotiationEvents.clear();
        pair.impolite.pc.addTrack(tone(IMPOLITE_HZ), new MediaStream());
        assertNotNull(pair.impolite.negotiationEvents.poll(5, TimeUnit.SECONDS), "addTrack fired negotiationneeded");
        pair.awaitStable(10);
        ToneDetector second = listen(awaitAudioTrack(pair.polite));
        assertTrue(second.dominantAt(IMPOLITE_HZ, 20), second.toString());

        // The first offerer adds another track: nothing to reuse, so a second m-line, which the
        // other side (no track to send back) answers recvonly.
        pair.polite.negotiationEvents.clear();
        pair.polite.pc.addTrack(tone(880), new MediaStream());
        assertNotNull(pair.polite.negotiationEvents.poll(5, TimeUnit.SECONDS), "addTrack fired negotiationneeded");
        pair.awaitStable(10);
        ToneDetector third = listen(awaitAudioTrack(pair.impolite));
        assertTrue(third.dominantAt(880, 20), third.toString());
        assertEquals(2, pair.polite.pc.getTransceivers().size());
        assertEquals(RTCRtpTransceiverDirection.SENDRECV, pair.polite.pc.getTransceivers().get(0).currentDirection().orElseThrow());
        assertEquals(RTCRtpTransceiverDirection.SENDONLY, pair.polite.pc.getTransceivers().get(1).currentDirection().orElseThrow());
        assertEquals(1, pair.impolite.pc.getTransceivers().stream().filter(t -> t.sender().track() != null).count());
        assertEquals(RTCPeerConnectionState.CONNECTED, pair.polite.pc.connectionState());
    }

    @Test
    void glare_bothOfferAtOnce_perfectNegotiationSettles() throws Exception {
        pair = new PeerPair();
        // Both add a track at the same moment: both fire negotiationneeded and both offer.
        pair.polite.pc.addTrack(tone(POLITE_HZ), new MediaStream());
        pair.impolite.pc.addTrack(tone(IMPOLITE_HZ), new MediaStream());
        pair.awaitConnected(15);
        pair.awaitStable(15);

        ToneDetector atImpolite = listen(awaitAudioTrack(pair.impolite));
        ToneDetector atPolite = listen(awaitAudioTrack(pair.polite));
        assertTrue(atImpolite.dominantAt(POLITE_HZ, 20), atImpolite.toString());
        assertTrue(atPolite.dominantAt(IMPOLITE_HZ, 20), atPolite.toString());
        assertEquals(RTCSignalingState.STABLE, pair.polite.pc.signalingState());
        assertEquals(RTCSignalingState.STABLE, pair.impolite.pc.signalingState());
    }

    @Test
    void addTrackRules_followW3c() throws Exception {
        try (RTCPeerConnection pc = new RTCPeerConnection(RTCConfiguration.defaults());
                RTCPeerConnection other = new RTCPeerConnection(RTCConfiguration.defaults())) {
            MediaStreamTrack track = tone(POLITE_HZ);
            RTCRtpSender sender = pc.addTrack(track);
            RTCException twice = assertThrows(RTCException.class, () -> pc.addTrack(track));
            assertEquals("InvalidAccessError", twice.name());

            pc.removeTrack(sender);
            assertNull(sender.track());
            assertEquals(RTCRtpTransceiverDirection.RECVONLY, pc.getTransceivers().get(0).direction());
            // A transceiver whose sender once had a track is not reused: a new one is made.
            pc.addTrack(track);
            assertEquals(2, pc.getTransceivers().size());

            // A recvonly transceiver that never sent is reused and becomes sendrecv.
            RTCRtpTransceiver recv = other.addTransceiver("audio",
                    RTCRtpTransceiverInit.of(RTCRtpTransceiverDirection.RECVONLY));
            RTCRtpSender reused = other.addTrack(tone(IMPOLITE_HZ));
            assertSame(recv.sender(), reused);
            assertEquals(RTCRtpTransceiverDirection.SENDRECV, recv.direction());
            RTCException kind = assertThrows(RTCException.class, () -> other.addTransceiver("data",
                    RTCRtpTransceiverInit.SENDRECV));
            assertEquals("TypeError", kind.name());

            pc.close();
            RTCException closed = assertThrows(RTCException.class, () -> pc.addTrack(tone(1000)));
            assertEquals("InvalidStateError", closed.name());
            assertEquals(RTCSignalingState.CLOSED, pc.signalingState());
            RTCException offer = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> pc.createOffer().get(5, TimeUnit.SECONDS)).getCause() instanceof RTCException r ? r : null;
            assertEquals("InvalidStateError", offer.name());
        }
    }
}
