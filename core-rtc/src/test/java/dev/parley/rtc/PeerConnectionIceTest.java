package dev.parley.rtc;

import static dev.parley.rtc.PeerConnectionSignalingTest.failure;
import static dev.parley.rtc.PeerConnectionSignalingTest.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.sdp.SessionDescription;
import dev.parley.rtc.media.ToneDetector;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ICE through the W3C API: {@code addIceCandidate}'s rules (webrtc §4.4.1.6), and ICE restarts by
 * {@code restartIce()} and by {@code createOffer({iceRestart: true})}, after which a real call on
 * 127.0.0.1 stays connected and its audio keeps flowing.
 */
class PeerConnectionIceTest {
    private static final long S = Loopback.SECONDS;
    private static final String HOST = "candidate:1 1 udp 2130706431 127.0.0.1 50000 typ host";
    private final Loopback loopback = new Loopback();

    @AfterEach
    void close() throws Exception {
        loopback.close();
    }

    private static String ufrag(RTCSessionDescription description) throws Exception {
        return SessionDescription.parse(description.sdp()).media().get(0).iceUfrag().orElseThrow();
    }

    private static String pwd(RTCSessionDescription description) throws Exception {
        return SessionDescription.parse(description.sdp()).media().get(0).icePwd().orElseThrow();
    }

    @Test
    void addIceCandidate_followsTheW3cRules() throws Exception {
        RTCPeerConnection a = loopback.pc();
        a.addTransceiver("audio", RTCRtpTransceiverInit.SENDRECV);
        RTCPeerConnection b = loopback.pc();
        assertEquals("InvalidStateError", failure(b.addIceCandidate(new RTCIceCandidate(HOST, "0", 0, null))),
                "no remote description yet");

        get(a.setLocalDescription());
        get(b.setRemoteDescription(a.localDescription()));
        String ufrag = ufrag(a.localDescription());
        get(b.addIceCandidate(new RTCIceCandidate(HOST, "0", null, ufrag)));
        get(b.addIceCandidate(new RTCIceCandidate(HOST.replace("50000", "50002"), null, 0, null)));
        assertEquals("OperationError", failure(b.addIceCandidate(new RTCIceCandidate(HOST, "9", null, null))),
                "unknown sdpMid");
        assertEquals("OperationError", failure(b.addIceCandidate(new RTCIceCandidate(HOST, null, 5, null))),
                "sdpMLineIndex beyond the m-lines");
        assertEquals("OperationError", failure(b.addIceCandidate(new RTCIceCandidate("candidate:x y z", "0", 0, null))),
                "malformed candidate");
        assertEquals("TypeError", failure(b.addIceCandidate(new RTCIceCandidate(HOST, null, null, null))),
                "a candidate needs sdpMid or sdpMLineIndex");
        assertEquals("OperationError", failure(b.addIceCandidate(new RTCIceCandidate(HOST, "0", 0, "stale"))),
                "a ufrag of no applied description");
        // End of candidates: for one m-line, and (no mid, no index) for all of them.
        get(b.addIceCandidate(new RTCIceCandidate("", "0", 0, ufrag)));
        get(b.addIceCandidate(new RTCIceCandidate("", null, null, null)));

        b.close();
        assertEquals("InvalidStateError", failure(b.addIceCandidate(new RTCIceCandidate(HOST, "0", 0, null))));
    }

    @Test
    void afterAnIceRestart_candidatesOfTheOldGeneration_areRefused() throws Exception {
        RTCPeerConnection a = loopback.pc();
        a.addTransceiver("audio", RTCRtpTransceiverInit.SENDRECV);
        RTCPeerConnection b = loopback.pc();
        Loopback.negotiate(a, b);
        String oldUfrag = ufrag(a.currentLocalDescription());
        a.restartIce();
        Loopback.negotiate(a, b);
        String newUfrag = ufrag(a.currentLocalDescription());
        assertNotEquals(oldUfrag, newUfrag);
        assertEquals("OperationError", failure(b.addIceCandidate(new RTCIceCandidate(HOST, "0", 0, oldUfrag))));
        get(b.addIceCandidate(new RTCIceCandidate(HOST, "0", 0, newUfrag)));
    }

    /** A call where {@code a} sends a 440 Hz tone that {@code b} hears; returns b's remote track. */
    private MediaStreamTrack connectedCall(RTCPeerConnection a, RTCPeerConnection b, PcEvents ea, PcEvents eb)
            throws Exception {
        a.addTrack(loopback.tone(440), new MediaStream());
        Loopback.negotiate(a, b);
        ea.awaitConnection(RTCPeerConnectionState.CONNECTED, S);
        eb.awaitConnection(RTCPeerConnectionState.CONNECTED, S);
        MediaStreamTrack heard = eb.nextTrack("audio", S).track();
        ToneDetector before = Loopback.listen(heard, 50);
        assertTrue(before.dominantAt(440, 20), "b hears 440 Hz before the restart: " + before);
        return heard;
    }

    /** After a restart: both sides (again) connected, and b hears fresh audio that came through it. */
    private static void assertCallSurvives(RTCPeerConnection a, RTCPeerConnection b, PcEvents ea, PcEvents eb,
            MediaStreamTrack heard, long packetsBefore) throws Exception {
        ea.awaitIce(s -> s == RTCIceConnectionState.CONNECTED || s == RTCIceConnectionState.COMPLETED, 0, S);
        Loopback.await(() -> a.connectionState() == RTCPeerConnectionState.CONNECTED
                && b.connectionState() == RTCPeerConnectionState.CONNECTED, "both connected after the restart");
        ToneDetector after = Loopback.listen(heard, 50);
        assertTrue(after.dominantAt(440, 20), "b still hears 440 Hz after the restart: " + after);
        Loopback.await(() -> packetsReceived(b) > packetsBefore + 25, "b receives new packets after the restart");
    }

    private static long packetsReceived(RTCPeerConnection pc) {
        try {
            return get(pc.getStats()).ofType("inbound-rtp").stream().mapToLong(s -> s.getLong("packetsReceived")).sum();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void restartIce_firesNegotiationNeeded_newCredentials_andTheCallKeepsGoing() throws Exception {
        RTCPeerConnection a = loopback.pc();
        RTCPeerConnection b = loopback.pc();
        PcEvents ea = PcEvents.on(a);
        PcEvents eb = PcEvents.on(b);
        MediaStreamTrack heard = connectedCall(a, b, ea, eb);
        RTCSessionDescription oldLocal = a.currentLocalDescription();
        RTCSessionDescription oldRemote = b.currentLocalDescription();
        long packets = packetsReceived(b);

        ea.negotiationNeeded.clear();
        a.restartIce();
        assertNotNull(ea.negotiationNeeded.poll(S, TimeUnit.SECONDS), "restartIce fires negotiationneeded");
        RTCSessionDescription offer = get(a.createOffer());
        assertNotEquals(ufrag(oldLocal), ufrag(offer));
        assertNotEquals(pwd(oldLocal), pwd(offer));
        Loopback.negotiate(a, b);
        assertNotEquals(ufrag(oldRemote), ufrag(b.currentLocalDescription()), "the answerer restarts too");
        assertCallSurvives(a, b, ea, eb, heard, packets);
        // The restart is done: the next offer keeps the new credentials.
        assertEquals(ufrag(a.currentLocalDescription()), ufrag(get(a.createOffer())));
    }

    @Test
    void createOfferWithIceRestart_carriesNewCredentials_andTheCallKeepsGoing() throws Exception {
        RTCPeerConnection a = loopback.pc();
        RTCPeerConnection b = loopback.pc();
        PcEvents ea = PcEvents.on(a);
        PcEvents eb = PcEvents.on(b);
        MediaStreamTrack heard = connectedCall(a, b, ea, eb);
        RTCSessionDescription oldLocal = a.currentLocalDescription();
        long packets = packetsReceived(b);

        RTCSessionDescription offer = get(a.createOffer(new RTCOfferOptions(true)));
        assertNotEquals(ufrag(oldLocal), ufrag(offer));
        get(a.setLocalDescription(offer));
        get(b.setRemoteDescription(Loopback.withAllCandidates(a)));
        get(b.setLocalDescription());
        get(a.setRemoteDescription(Loopback.withAllCandidates(b)));
        assertEquals(ufrag(offer), ufrag(a.currentLocalDescription()));
        assertCallSurvives(a, b, ea, eb, heard, packets);
    }
}
