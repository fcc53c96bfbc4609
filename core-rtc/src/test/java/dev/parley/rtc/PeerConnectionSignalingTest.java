package dev.parley.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.sdp.SessionDescription;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The W3C signaling state machine (webrtc §4.3.1, JSEP §3.2): each transition with its
 * {@code signalingstatechange}, each description getter, each {@code InvalidStateError}, and
 * rollback of local and remote offers. Two peer connections on 127.0.0.1; most tests need no
 * connection, only descriptions.
 */
class PeerConnectionSignalingTest {
    private final Loopback loopback = new Loopback();

    @AfterEach
    void close() throws Exception {
        loopback.close();
    }

    private static final long S = Loopback.SECONDS;

    static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(S, TimeUnit.SECONDS);
    }

    /** The W3C name of the error the future failed with. */
    static String failure(CompletableFuture<?> future) throws Exception {
        try {
            future.get(S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return assertInstanceOf(RTCException.class, e.getCause()).name();
        }
        throw new AssertionError("the operation succeeded");
    }

    private RTCPeerConnection withAudio() {
        RTCPeerConnection pc = loopback.pc();
        pc.addTransceiver("audio", RTCRtpTransceiverInit.SENDRECV);
        return pc;
    }

    @Test
    void offerAndAnswer_walkTheStates_withEventsAndDescriptionsOfTheRightType() throws Exception {
        RTCPeerConnection a = withAudio();
        RTCPeerConnection b = loopback.pc();
        PcEvents ea = PcEvents.on(a);
        PcEvents eb = PcEvents.on(b);
        assertNull(a.localDescription());
        assertNull(a.remoteDescription());

        get(a.setLocalDescription());
        assertEquals(RTCSignalingState.HAVE_LOCAL_OFFER, a.signalingState());
        assertEquals(RTCSdpType.OFFER, a.pendingLocalDescription().type());
        assertEquals(RTCSdpType.OFFER, a.localDescription().type());
        assertNull(a.currentLocalDescription());

        get(b.setRemoteDescription(a.localDescription()));
        assertEquals(RTCSignalingState.HAVE_REMOTE_OFFER, b.signalingState());
        assertEquals(RTCSdpType.OFFER, b.pendingRemoteDescription().type());
        assertEquals(RTCSdpType.OFFER, b.remoteDescription().type());
        assertNull(b.currentRemoteDescription());

        get(b.setLocalDescription());
        assertEquals(RTCSignalingState.STABLE, b.signalingState());
        assertEquals(RTCSdpType.ANSWER, b.currentLocalDescription().type());
        assertEquals(RTCSdpType.OFFER, b.currentRemoteDescription().type());
        assertNull(b.pendingLocalDescription());
        assertNull(b.pendingRemoteDescription());

        get(a.setRemoteDescription(b.localDescription()));
        assertEquals(RTCSignalingState.STABLE, a.signalingState());
        assertEquals(RTCSdpType.OFFER, a.currentLocalDescription().type());
        assertEquals(RTCSdpType.ANSWER, a.currentRemoteDescription().type());
        assertEquals(RTCSdpType.ANSWER, a.remoteDescription().type());
        assertNull(a.pendingLocalDescription());
        assertNull(a.pendingRemoteDescription());

        Loopback.await(() -> ea.signaling.size() == 2 && eb.signaling.size() == 2, "the events arrive");
        assertEquals(List.of(RTCSignalingState.HAVE_LOCAL_OFFER, RTCSignalingState.STABLE), ea.signaling);
        assertEquals(List.of(RTCSignalingState.HAVE_REMOTE_OFFER, RTCSignalingState.STABLE), eb.signaling);
    }

    @Test
    void provisionalAnswers_passThroughThePranswerStates() throws Exception {
        RTCPeerConnection a = withAudio();
        RTCPeerConnection b = loopback.pc();
        PcEvents ea = PcEvents.on(a);
        PcEvents eb = PcEvents.on(b);
        get(a.setLocalDescription());
        get(b.setRemoteDescription(a.localDescription()));
        RTCSessionDescription answer = get(b.createAnswer());

        RTCSessionDescription pranswer = new RTCSessionDescription(RTCSdpType.PRANSWER, answer.sdp());
        get(b.setLocalDescription(pranswer));
        assertEquals(RTCSignalingState.HAVE_LOCAL_PRANSWER, b.signalingState());
        assertEquals(RTCSdpType.PRANSWER, b.pendingLocalDescription().type());
        assertNull(b.currentLocalDescription());
        get(b.setLocalDescription(pranswer)); // pranswer again: the same state
        assertEquals(RTCSignalingState.HAVE_LOCAL_PRANSWER, b.signalingState());

        get(a.setRemoteDescription(pranswer));
        assertEquals(RTCSignalingState.HAVE_REMOTE_PRANSWER, a.signalingState());
        assertEquals(RTCSdpType.PRANSWER, a.pendingRemoteDescription().type());
        assertEquals("InvalidStateError", failure(a.setLocalDescription(RTCSessionDescription.rollback())));

        get(b.setLocalDescription(answer));
        get(a.setRemoteDescription(answer));
        assertEquals(RTCSignalingState.STABLE, a.signalingState());
        assertEquals(RTCSignalingState.STABLE, b.signalingState());
        assertEquals(RTCSdpType.ANSWER, a.currentRemoteDescription().type());
        assertEquals(RTCSdpType.ANSWER, b.currentLocalDescription().type());
        Loopback.await(() -> ea.signaling.size() == 3 && eb.signaling.size() == 3, "the events arrive");
        assertEquals(List.of(RTCSignalingState.HAVE_LOCAL_OFFER, RTCSignalingState.HAVE_REMOTE_PRANSWER,
                RTCSignalingState.STABLE), ea.signaling);
        assertEquals(List.of(RTCSignalingState.HAVE_REMOTE_OFFER, RTCSignalingState.HAVE_LOCAL_PRANSWER,
                RTCSignalingState.STABLE), eb.signaling);
    }

    @Test
    void operationsInTheWrongState_failWithInvalidStateError_andChangeNothing() throws Exception {
        RTCPeerConnection a = withAudio();
        RTCPeerConnection b = loopback.pc();
        RTCSessionDescription offer = get(a.createOffer());
        get(a.setLocalDescription(offer));
        get(b.setRemoteDescription(offer));
        RTCSessionDescription answer = get(b.createAnswer());

        // stable
        RTCPeerConnection fresh = withAudio();
        assertEquals("InvalidStateError", failure(fresh.setRemoteDescription(answer)));
        assertEquals("InvalidStateError", failure(fresh.createAnswer()));
        assertEquals("InvalidStateError", failure(fresh.setLocalDescription(new RTCSessionDescription(RTCSdpType.ANSWER, ""))));
        assertEquals("InvalidStateError", failure(fresh.setLocalDescription(RTCSessionDescription.rollback())));
        assertEquals("InvalidStateError", failure(fresh.setRemoteDescription(RTCSessionDescription.rollback())));
        assertEquals("InvalidStateError", failure(fresh.setRemoteDescription(
                new RTCSessionDescription(RTCSdpType.PRANSWER, answer.sdp()))));
        assertEquals(RTCSignalingState.STABLE, fresh.signalingState());

        // have-local-offer
        assertEquals("InvalidStateError", failure(a.createAnswer()));
        assertEquals("InvalidStateError", failure(a.setLocalDescription(new RTCSessionDescription(RTCSdpType.ANSWER, ""))));
        assertEquals(RTCSignalingState.HAVE_LOCAL_OFFER, a.signalingState());

        // have-remote-offer
        assertEquals("InvalidStateError", failure(b.createOffer()));
        assertEquals("InvalidStateError", failure(b.setRemoteDescription(answer)));
        assertEquals("InvalidStateError", failure(b.setLocalDescription(new RTCSessionDescription(RTCSdpType.OFFER, ""))));
        assertEquals(RTCSignalingState.HAVE_REMOTE_OFFER, b.signalingState());
        assertSame(null, b.currentRemoteDescription());
    }

    @Test
    void descriptionsNotMadeHere_orNotParseable_areRefused() throws Exception {
        RTCPeerConnection a = withAudio();
        RTCSessionDescription offer = get(a.createOffer());
        String edited = offer.sdp().replace("a=sendrecv", "a=sendonly");
        assertEquals("InvalidModificationError", failure(a.setLocalDescription(RTCSessionDescription.offer(edited))));
        assertEquals("OperationError", failure(loopback.pc().setRemoteDescription(RTCSessionDescription.offer("v=0\r\nnonsense\r\n"))));
        assertEquals(RTCSignalingState.STABLE, a.signalingState());
        get(a.setLocalDescription(offer)); // the unedited offer still applies
        assertEquals(RTCSignalingState.HAVE_LOCAL_OFFER, a.signalingState());
    }

    @Test
    void rollbackOfALocalOffer_clearsItsMids_andNegotiationIsNeededAgain() throws Exception {
        for (boolean throughRemote : new boolean[] {false, true}) {
            RTCPeerConnection a = withAudio();
            PcEvents ea = PcEvents.on(a);
            RTCRtpTransceiver t = a.getTransceivers().get(0);
            get(a.setLocalDescription());
            assertEquals("0", t.mid().orElseThrow(), "setLocalDescription(offer) assigns the mid");
            ea.negotiationNeeded.clear();

            // W3C: a rollback is the same from either setter.
            get(throughRemote ? a.setRemoteDescription(RTCSessionDescription.rollback())
                    : a.setLocalDescription(RTCSessionDescription.rollback()));
            assertEquals(RTCSignalingState.STABLE, a.signalingState());
            assertTrue(t.mid().isEmpty(), "the rolled-back offer's mid is cleared");
            assertNull(a.pendingLocalDescription());
            assertNull(a.localDescription());
            assertNotNull(ea.negotiationNeeded.poll(S, TimeUnit.SECONDS), "the transceiver still needs negotiating");
            Loopback.await(() -> ea.signaling.size() == 2, "the events arrive");
            assertEquals(List.of(RTCSignalingState.HAVE_LOCAL_OFFER, RTCSignalingState.STABLE), ea.signaling);
            assertEquals(1, a.getTransceivers().size(), "a local rollback keeps our own transceivers");
        }
    }

    @Test
    void rollbackOfARemoteOffer_removesTheTransceiversItMade_andClearsMids() throws Exception {
        for (boolean throughLocal : new boolean[] {false, true}) {
            RTCPeerConnection a = loopback.pc();
            a.addTransceiver("audio", RTCRtpTransceiverInit.SENDRECV);
            a.addTransceiver("audio", RTCRtpTransceiverInit.SENDRECV);
            RTCPeerConnection b = loopback.pc();
            PcEvents eb = PcEvents.on(b);
            // b's own addTrack transceiver, not yet negotiated: the offer's first m-line takes it.
            RTCRtpSender own = b.addTrack(loopback.tone(440));
            RTCRtpTransceiver ownTransceiver = b.getTransceivers().get(0);
            get(a.setLocalDescription());
            get(b.setRemoteDescription(a.localDescription()));
            assertEquals(2, b.getTransceivers().size());
            assertEquals("0", ownTransceiver.mid().orElseThrow());
            RTCRtpTransceiver made = b.getTransceivers().get(1);
            assertEquals("1", made.mid().orElseThrow());
            RTCTrackEvent event = eb.nextTrack("audio", S);
            assertNotNull(event);

            get(throughLocal ? b.setLocalDescription(RTCSessionDescription.rollback())
                    : b.setRemoteDescription(RTCSessionDescription.rollback()));
            assertEquals(RTCSignalingState.STABLE, b.signalingState());
            assertEquals(List.of(ownTransceiver), b.getTransceivers(), "the offer's own transceiver is gone");
            assertTrue(ownTransceiver.mid().isEmpty(), "the mid the offer gave is cleared");
            assertSame(own, ownTransceiver.sender());
            assertTrue(made.isStopped());
            assertEquals(MediaStreamTrackState.ENDED, made.receiver().track().readyState());
            assertNull(b.remoteDescription());
            Loopback.await(() -> eb.signaling.size() == 2, "the events arrive");
            assertEquals(List.of(RTCSignalingState.HAVE_REMOTE_OFFER, RTCSignalingState.STABLE), eb.signaling);
        }
    }

    @Test
    void localDescription_carriesTheGatheredCandidates_andEndOfCandidates() throws Exception {
        RTCPeerConnection a = withAudio();
        a.addTransceiver("video", RTCRtpTransceiverInit.SENDRECV);
        PcEvents ea = PcEvents.on(a);
        get(a.setLocalDescription());
        ea.awaitGatheringComplete(S);
        Loopback.await(() -> ea.endOfCandidates == 1, "the null candidate event arrives");
        assertEquals(List.of(RTCIceGatheringState.GATHERING, RTCIceGatheringState.COMPLETE), ea.gathering);
        assertEquals(RTCIceGatheringState.COMPLETE, a.iceGatheringState());

        String sdp = a.localDescription().sdp();
        SessionDescription parsed = SessionDescription.parse(sdp);
        String ufrag = parsed.media().get(0).iceUfrag().orElseThrow();
        assertFalse(ea.candidates.isEmpty(), "at least one host candidate on 127.0.0.1");
        for (RTCIceCandidate c : ea.candidates) {
            assertTrue(sdp.contains("a=" + c.candidate() + "\r\n"), "the description has " + c.candidate());
            String address = c.candidate().split(" ")[4];
            assertTrue(java.net.InetAddress.getByName(address).isLoopbackAddress(), "loopback only: " + address);
            assertEquals("0", c.sdpMid(), "bundled: candidates belong to the BUNDLE-tag m-line");
            assertEquals(0, c.sdpMLineIndex());
            assertEquals(ufrag, c.usernameFragment());
        }
        assertTrue(sdp.contains("a=end-of-candidates"), sdp);
        assertEquals(sdp, a.pendingLocalDescription().sdp());
    }

    @Test
    void implicitSetLocalDescription_offersInStable_andAnswersARemoteOffer() throws Exception {
        RTCPeerConnection a = withAudio();
        RTCPeerConnection b = loopback.pc();
        get(a.setLocalDescription());
        assertEquals(RTCSdpType.OFFER, a.localDescription().type());
        get(b.setRemoteDescription(a.localDescription()));
        get(b.setLocalDescription());
        assertEquals(RTCSdpType.ANSWER, b.localDescription().type());
        // A remote offer in have-local-offer rolls the local one back first (perfect negotiation).
        RTCPeerConnection c = withAudio();
        PcEvents ec = PcEvents.on(c);
        get(c.setLocalDescription());
        get(c.setRemoteDescription(a.localDescription()));
        assertEquals(RTCSignalingState.HAVE_REMOTE_OFFER, c.signalingState());
        Loopback.await(() -> ec.signaling.size() == 3, "the events arrive");
        assertEquals(List.of(RTCSignalingState.HAVE_LOCAL_OFFER, RTCSignalingState.STABLE,
                RTCSignalingState.HAVE_REMOTE_OFFER), ec.signaling);
    }

    @Test
    void negotiationNeeded_firesForAChangeTheRunningNegotiationMissed_andNotForOneItCovered() throws Exception {
        RTCPeerConnection a = loopback.pc();
        RTCPeerConnection b = loopback.pc();
        PcEvents ea = PcEvents.on(a);
        a.addTransceiver("audio", RTCRtpTransceiverInit.SENDRECV);
        assertNotNull(ea.negotiationNeeded.poll(S, TimeUnit.SECONDS), "addTransceiver fires negotiationneeded");

        // Covered: the offer made after the event includes the transceiver; nothing more to do.
        Loopback.negotiate(a, b);
        get(a.getStats()); // an executor barrier: an event due would have been fired by now
        assertTrue(ea.negotiationNeeded.isEmpty(), "nothing left to negotiate: " + ea.negotiationNeeded);

        // Missed: a transceiver added while our offer is out is not in it; back in stable, the
        // flag is decided again and fires (W3C: not while the state is have-local-offer).
        get(a.setLocalDescription());
        a.addTransceiver("video", RTCRtpTransceiverInit.SENDRECV);
        get(a.getStats());
        assertTrue(ea.negotiationNeeded.isEmpty(), "no event outside stable");
        get(b.setRemoteDescription(Loopback.withAllCandidates(a)));
        get(b.setLocalDescription());
        get(a.setRemoteDescription(Loopback.withAllCandidates(b)));
        assertNotNull(ea.negotiationNeeded.poll(S, TimeUnit.SECONDS), "the missed change needs a negotiation");
        Loopback.negotiate(a, b);
        get(a.getStats());
        assertTrue(ea.negotiationNeeded.isEmpty());
        assertEquals(2, a.getTransceivers().stream().filter(t -> t.mid().isPresent()).count());
    }

    @Test
    void trackEvents_streamlessTracksHaveNoStreams_andTracksOfOneStreamShareIt() throws Exception {
        RTCPeerConnection a = loopback.pc();
        RTCPeerConnection b = loopback.pc();
        PcEvents eb = PcEvents.on(b);
        MediaStream stream = new MediaStream();
        a.addTrack(loopback.tone(440));
        a.addTrack(loopback.tone(660), stream);
        a.addTrack(loopback.tone(880), stream);
        get(a.setLocalDescription());
        get(b.setRemoteDescription(a.localDescription()));

        RTCTrackEvent streamless = eb.nextTrack("audio", S);
        RTCTrackEvent first = eb.nextTrack("audio", S);
        RTCTrackEvent second = eb.nextTrack("audio", S);
        assertEquals(List.of(), streamless.streams(), "addTrack without streams: a streamless remote track");
        assertEquals(1, first.streams().size());
        assertSame(first.streams().get(0), second.streams().get(0), "one remote MediaStream per stream id");
        MediaStream remote = first.streams().get(0);
        assertEquals(stream.id(), remote.id());
        assertEquals(List.of(first.track(), second.track()), remote.getTracks());
        assertEquals(List.of(first.track(), second.track(), streamless.track()).size(),
                b.getReceivers().stream().map(RTCRtpReceiver::track).distinct().count());
        assertTrue(streamless.track().muted(), "a remote track is muted until media arrives");
        assertSame(streamless.transceiver().receiver(), streamless.receiver());
    }
}
