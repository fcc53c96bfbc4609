package dev.parley.rtc;

import static dev.parley.rtc.PeerConnectionSignalingTest.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.sdp.MediaDescription;
import dev.parley.rtc.sdp.SessionDescription;
import dev.parley.rtc.media.ToneDetector;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Transceivers in a real call on 127.0.0.1: {@code stop()} rejects the m-line on both sides and
 * ends the remote track while the other m-lines keep carrying audio; {@code setDirection}
 * renegotiates and the remote side processes the removal (and the return) of the remote track.
 */
class PeerConnectionTransceiverTest {
    private static final long S = Loopback.SECONDS;
    private final Loopback loopback = new Loopback();

    @AfterEach
    void close() throws Exception {
        loopback.close();
    }

    private static void connected(PcEvents... sides) throws Exception {
        for (PcEvents side : sides) {
            side.awaitConnection(RTCPeerConnectionState.CONNECTED, S);
        }
    }

    @Test
    void stop_rejectsTheMLineOnBothSides_endsTheRemoteTrack_andTheOtherMLineGoesOn() throws Exception {
        RTCPeerConnection a = loopback.pc();
        RTCPeerConnection b = loopback.pc();
        PcEvents ea = PcEvents.on(a);
        PcEvents eb = PcEvents.on(b);
        a.addTrack(loopback.tone(440), new MediaStream());
        a.addTrack(loopback.tone(660), new MediaStream());
        Loopback.negotiate(a, b);
        connected(ea, eb);
        MediaStreamTrack first = eb.nextTrack("audio", S).track();
        MediaStreamTrack second = eb.nextTrack("audio", S).track();
        assertTrue(Loopback.listen(second, 50).dominantAt(660, 20));

        RTCRtpTransceiver stopped = a.getTransceivers().get(0);
        RTCRtpTransceiver remoteStopped = b.getTransceivers().get(0);
        ea.negotiationNeeded.clear();
        stopped.stop();
        assertNotNull(ea.negotiationNeeded.poll(S, TimeUnit.SECONDS), "stop() fires negotiationneeded");
        assertEquals(RTCRtpTransceiverDirection.STOPPED, stopped.direction());
        assertEquals(RTCRtpTransceiverDirection.SENDONLY, stopped.currentDirection().orElseThrow(),
                "stopping, not stopped, until negotiated (b has nothing to send back)");
        assertEquals(MediaStreamTrackState.ENDED, stopped.receiver().track().readyState(), "our receiver stops at once");
        assertTrue(a.getSenders().contains(stopped.sender()), "W3C getSenders leaves out stopped, not stopping");

        RTCSessionDescription offer = get(a.createOffer());
        assertEquals(0, SessionDescription.parse(offer.sdp()).media().get(0).port(), "the offer rejects mid 0");
        Loopback.negotiate(a, b);
        assertEquals(0, SessionDescription.parse(b.currentLocalDescription().sdp()).media().get(0).port(),
                "the answer rejects mid 0");
        for (RTCRtpTransceiver t : List.of(stopped, remoteStopped)) {
            assertTrue(t.isStopped());
            assertEquals(RTCRtpTransceiverDirection.STOPPED, t.currentDirection().orElseThrow());
        }
        // W3C: a stopped transceiver whose m-line is rejected leaves the set once the answer is applied.
        assertFalse(a.getTransceivers().contains(stopped));
        assertFalse(b.getTransceivers().contains(remoteStopped));
        assertEquals(MediaStreamTrackState.ENDED, first.readyState(), "the remote track ends");
        assertEquals(MediaStreamTrackState.LIVE, second.readyState());
        ToneDetector still = Loopback.listen(second, 50);
        assertTrue(still.dominantAt(660, 20), "mid 1 still carries 660 Hz: " + still);
        assertEquals(RTCPeerConnectionState.CONNECTED, a.connectionState());

        // The rejected first m-line no longer carries the transport: candidates go with mid 1.
        ea.candidates.clear();
        a.restartIce();
        Loopback.negotiate(a, b);
        SessionDescription local = SessionDescription.parse(a.localDescription().sdp());
        assertTrue(local.media().get(0).candidates().isEmpty(), "no candidates in the rejected m-line");
        assertFalse(local.media().get(1).candidates().isEmpty(), "candidates in the BUNDLE-tag m-line");
        RTCIceCandidate trickled = ea.candidates.poll(S, TimeUnit.SECONDS);
        assertNotNull(trickled);
        assertEquals("1", trickled.sdpMid());
        assertEquals(1, trickled.sdpMLineIndex());
        assertTrue(Loopback.listen(second, 50).dominantAt(660, 20));
    }

    @Test
    void stopBeforeTheFirstOffer_leavesNoMLine() throws Exception {
        RTCPeerConnection a = loopback.pc();
        a.addTransceiver("audio", RTCRtpTransceiverInit.SENDRECV).stop();
        a.addTransceiver("video", RTCRtpTransceiverInit.SENDRECV);
        List<MediaDescription> media = SessionDescription.parse(get(a.createOffer()).sdp()).media();
        assertEquals(1, media.size());
        assertEquals("video", media.get(0).type());
    }

    @Test
    void setDirectionRecvonly_renegotiates_andTheRemoteTrackIsMutedAndLeavesItsStream() throws Exception {
        RTCPeerConnection a = loopback.pc();
        RTCPeerConnection b = loopback.pc();
        PcEvents ea = PcEvents.on(a);
        PcEvents eb = PcEvents.on(b);
        MediaStream stream = new MediaStream();
        a.addTrack(loopback.tone(440), stream);
        b.addTrack(loopback.tone(660), new MediaStream());
        Loopback.negotiate(a, b);
        connected(ea, eb);
        RTCTrackEvent atB = eb.nextTrack("audio", S);
        MediaStreamTrack fromA = atB.track();
        MediaStream remoteStream = atB.streams().get(0);
        assertEquals(stream.id(), remoteStream.id());
        assertTrue(Loopback.listen(fromA, 50).dominantAt(440, 20));
        BlockingQueue<String> trackEvents = new LinkedBlockingQueue<>();
        fromA.addListener(new MediaStreamTrackListener() {
            @Override
            public void onMute(MediaStreamTrack track) {
                trackEvents.add("mute");
            }

            @Override
            public void onUnmute(MediaStreamTrack track) {
                trackEvents.add("unmute");
            }
        });
        remoteStream.addListener(new MediaStreamListener() {
            @Override
            public void onRemoveTrack(MediaStream s, MediaStreamTrack track) {
                trackEvents.add("removetrack");
            }

            @Override
            public void onAddTrack(MediaStream s, MediaStreamTrack track) {
                trackEvents.add("addtrack");
            }
        });

        RTCRtpTransceiver t = a.getTransceivers().get(0);
        ea.negotiationNeeded.clear();
        t.setDirection(RTCRtpTransceiverDirection.RECVONLY);
        assertNotNull(ea.negotiationNeeded.poll(S, TimeUnit.SECONDS), "setDirection fires negotiationneeded");
        Loopback.negotiate(a, b);
        assertEquals(RTCRtpTransceiverDirection.RECVONLY, t.currentDirection().orElseThrow());
        assertEquals(RTCRtpTransceiverDirection.SENDONLY, b.getTransceivers().get(0).currentDirection().orElseThrow());
        assertTrue(fromA.muted(), "W3C process the removal of a remote track: muted");
        assertFalse(remoteStream.getTracks().contains(fromA), "…and removed from its stream");
        assertEquals("removetrack", trackEvents.poll(S, TimeUnit.SECONDS));
        assertEquals("mute", trackEvents.poll(S, TimeUnit.SECONDS));
        assertEquals(MediaStreamTrackState.LIVE, fromA.readyState(), "muted, not ended: it may come back");
        ToneDetector atA = Loopback.listen(ea.nextTrack("audio", S).track(), 50);
        assertTrue(atA.dominantAt(660, 20), "the other direction goes on: " + atA);

        // Back to sendrecv: the same track returns, with a new track event, and plays again.
        t.setDirection(RTCRtpTransceiverDirection.SENDRECV);
        Loopback.negotiate(a, b);
        RTCTrackEvent again = eb.nextTrack("audio", S);
        assertSame(fromA, again.track());
        assertTrue(remoteStream.getTracks().contains(fromA));
        assertEquals("addtrack", trackEvents.poll(S, TimeUnit.SECONDS));
        assertTrue(Loopback.listen(fromA, 50).dominantAt(440, 20));
        assertEquals("unmute", trackEvents.poll(S, TimeUnit.SECONDS));
    }

    @Test
    void setDirection_onAStoppedTransceiver_orWithStopped_isRefused() {
        RTCPeerConnection a = loopback.pc();
        RTCRtpTransceiver t = a.addTransceiver("audio", RTCRtpTransceiverInit.SENDRECV);
        assertEquals("TypeError", assertThrows(RTCException.class,
                () -> t.setDirection(RTCRtpTransceiverDirection.STOPPED)).name());
        t.stop();
        assertEquals("InvalidStateError", assertThrows(RTCException.class,
                () -> t.setDirection(RTCRtpTransceiverDirection.SENDONLY)).name());
        t.stop(); // stopping twice does nothing
    }
}
