package dev.parley.rtc;

import static dev.parley.rtc.PeerConnectionSignalingTest.failure;
import static dev.parley.rtc.PeerConnectionSignalingTest.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.ice.IceSettings;
import dev.parley.rtc.net.RealNet;
import dev.parley.rtc.sdp.Candidate;
import dev.parley.rtc.sdp.MediaDescription;
import dev.parley.rtc.sdp.SessionDescription;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A peer connection's life: the connection state's way up (new → connecting → connected) or to
 * failed (a forged DTLS fingerprint), and {@code close()}: states, silence, errors, sockets.
 */
class PeerConnectionLifecycleTest {
    private static final long S = Loopback.SECONDS;
    private final Loopback loopback = new Loopback();

    @AfterEach
    void close() throws Exception {
        loopback.close();
    }

    @Test
    void connectionState_goesNewConnectingConnected() throws Exception {
        RTCPeerConnection a = loopback.pc();
        RTCPeerConnection b = loopback.pc();
        PcEvents ea = PcEvents.on(a);
        PcEvents eb = PcEvents.on(b);
        a.addTransceiver("audio", RTCRtpTransceiverInit.SENDRECV);
        assertEquals(RTCPeerConnectionState.NEW, a.connectionState());
        assertEquals(RTCIceConnectionState.NEW, a.iceConnectionState());
        Loopback.negotiate(a, b);
        ea.awaitConnection(RTCPeerConnectionState.CONNECTED, S);
        eb.awaitConnection(RTCPeerConnectionState.CONNECTED, S);
        for (PcEvents e : List.of(ea, eb)) {
            assertEquals(List.of(RTCPeerConnectionState.CONNECTING, RTCPeerConnectionState.CONNECTED), e.connection);
            assertEquals(RTCIceConnectionState.CHECKING, e.ice.get(0));
            assertTrue(e.ice.contains(RTCIceConnectionState.CONNECTED), e.ice.toString());
        }
        assertEquals(RTCPeerConnectionState.CONNECTED, a.connectionState());
    }

    /** Swaps one hex digit of the SDP's fingerprint: the peer presents a certificate that does not match. */
    private static String forgeFingerprint(String sdp) {
        int at = sdp.indexOf("a=fingerprint:sha-256 ") + "a=fingerprint:sha-256 ".length();
        char c = sdp.charAt(at);
        return sdp.substring(0, at) + (c == 'A' ? 'B' : 'A') + sdp.substring(at + 1);
    }

    @Test
    void aForgedFingerprintInTheAnswer_failsTheConnection() throws Exception {
        RTCPeerConnection a = loopback.pc();
        RTCPeerConnection b = loopback.pc();
        PcEvents ea = PcEvents.on(a);
        a.addTransceiver("audio", RTCRtpTransceiverInit.SENDRECV);
        Loopback.negotiate(a, b, PeerConnectionLifecycleTest::forgeFingerprint);
        ea.awaitConnection(RTCPeerConnectionState.FAILED, S);
        assertFalse(ea.connection.contains(RTCPeerConnectionState.CONNECTED), "never connected: " + ea.connection);
        assertEquals(RTCPeerConnectionState.FAILED, a.connectionState());
        RTCStats transport = get(a.getStats()).ofType("transport").get(0);
        assertEquals("failed", transport.getString("dtlsState").orElseThrow());
    }

    @Test
    void close_statesReadClosed_noEventsFire_andEveryMethodFailsAsW3cSays() throws Exception {
        RTCPeerConnection a = loopback.pc();
        RTCPeerConnection b = loopback.pc();
        PcEvents ea = PcEvents.on(a);
        RTCRtpSender sender = a.addTrack(loopback.tone(440));
        RTCRtpTransceiver transceiver = a.getTransceivers().get(0);
        Loopback.negotiate(a, b);
        ea.awaitConnection(RTCPeerConnectionState.CONNECTED, S);
        RTCRtpSendParameters parameters = sender.getParameters();
        int eventsBefore = ea.all.size();

        a.close();
        assertEquals(eventsBefore, ea.all.size(), "close fires no event: " + ea.all.subList(eventsBefore, ea.all.size()));
        assertEquals(RTCSignalingState.CLOSED, a.signalingState());
        assertEquals(RTCPeerConnectionState.CLOSED, a.connectionState());
        assertEquals(RTCIceConnectionState.CLOSED, a.iceConnectionState());
        assertTrue(transceiver.isStopped());
        assertEquals(RTCRtpTransceiverDirection.STOPPED, transceiver.currentDirection().orElseThrow());
        assertTrue(a.getSenders().isEmpty(), "W3C: the senders of stopped transceivers are left out");

        RTCSessionDescription offer = b.currentRemoteDescription();
        for (CompletableFuture<?> op : List.of(a.createOffer(), a.createAnswer(), a.setLocalDescription(),
                a.setRemoteDescription(offer), a.addIceCandidate(new RTCIceCandidate("", "0", 0, null)),
                sender.replaceTrack(loopback.tone(660)), sender.setParameters(parameters))) {
            assertEquals("InvalidStateError", failure(op));
        }
        List<Executable> synchronous = List.of(() -> a.addTrack(loopback.tone(880)), () -> a.removeTrack(sender),
                () -> a.addTransceiver("audio", RTCRtpTransceiverInit.SENDRECV),
                () -> a.setConfiguration(RTCConfiguration.defaults()), transceiver::stop,
                () -> transceiver.setDirection(RTCRtpTransceiverDirection.RECVONLY));
        for (Executable call : synchronous) {
            assertEquals("InvalidStateError", assertThrows(RTCException.class, call).name());
        }
        a.restartIce(); // W3C: no error, nothing happens
        a.close(); // idempotent
        assertEquals(eventsBefore, ea.all.size());
    }

    private static List<Integer> candidatePorts(RTCPeerConnection pc) throws Exception {
        List<Integer> ports = new ArrayList<>();
        for (MediaDescription m : SessionDescription.parse(pc.localDescription().sdp()).media()) {
            for (Candidate c : m.candidates()) {
                if (c.isUdp() && c.address().equals("127.0.0.1")) {
                    ports.add(c.port());
                }
            }
        }
        assertFalse(ports.isEmpty());
        return ports;
    }

    /**
     * Binding the ports again proves the sockets were closed. The I/O loop releases a closed
     * channel's port on its next selector round, so this waits for that (with a deadline).
     */
    private static void assertFree(List<Integer> ports) throws Exception {
        for (int port : ports) {
            Loopback.await(() -> {
                try (DatagramSocket socket = new DatagramSocket(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
                    return socket.isBound();
                } catch (java.net.SocketException stillInUse) {
                    return false;
                }
            }, "port " + port + " is free again");
        }
    }

    @Test
    void close_freesTheSockets_closesItsOwnNet_butNotAGivenOne() throws Exception {
        RealNet shared = loopback.net;
        RTCPeerConnection given = loopback.pc();
        given.addTransceiver("audio", RTCRtpTransceiverInit.SENDRECV);
        get(given.setLocalDescription());
        Loopback.withAllCandidates(given);
        List<Integer> ports = candidatePorts(given);
        given.close();
        assertFree(ports); // closing a channel wakes the shared, idle I/O loop, which frees the port
        shared.newSerialExecutor("still-open").close(); // throws once a Net is closed

        RTCPeerConnection own = new RTCPeerConnection(RTCConfiguration.defaults(),
                EngineSettings.builder().ice(IceSettings.DEFAULTS.loopbackOnly()).build());
        try {
            own.addTransceiver("audio", RTCRtpTransceiverInit.SENDRECV);
            get(own.setLocalDescription());
            Loopback.withAllCandidates(own);
            ports = candidatePorts(own);
        } finally {
            own.close();
        }
        assertFree(ports);
        assertThrows(IllegalStateException.class, () -> own.net().newSerialExecutor("closed"));
    }

    @Test
    void closeAfterTheSharedNetWasClosed_returns() throws Exception {
        RealNet net = new RealNet();
        RTCPeerConnection pc = new RTCPeerConnection(RTCConfiguration.defaults(),
                EngineSettings.builder().net(net).ice(IceSettings.DEFAULTS.loopbackOnly()).build());
        pc.addTransceiver("audio", RTCRtpTransceiverInit.SENDRECV);
        get(pc.setLocalDescription());
        net.close(); // the application's mistake: its Net goes first, taking the executor with it
        CompletableFuture<Void> closed = CompletableFuture.runAsync(pc::close);
        closed.get(10, TimeUnit.SECONDS);
        assertEquals(RTCPeerConnectionState.CLOSED, pc.connectionState());
    }

    @Test
    void closeFromInsideAListener_doesNotDeadlock() throws Exception {
        for (boolean ownNet : new boolean[] {false, true}) {
            RTCPeerConnection a = ownNet ? new RTCPeerConnection(RTCConfiguration.defaults(),
                    EngineSettings.builder().ice(IceSettings.DEFAULTS.loopbackOnly()).build()) : loopback.pc();
            RTCPeerConnection b = loopback.pc();
            CompletableFuture<RTCPeerConnectionState> closedInListener = new CompletableFuture<>();
            CompletableFuture<CompletableFuture<RTCSessionDescription>> queuedBeforeClose = new CompletableFuture<>();
            a.addListener(new RTCPeerConnectionListener() {
                @Override
                public void onConnectionStateChange(RTCPeerConnectionState state) {
                    if (state == RTCPeerConnectionState.CONNECTED) {
                        // Queued behind this very task, so the closing executor never runs it.
                        queuedBeforeClose.complete(a.createOffer());
                        a.close();
                        closedInListener.complete(a.connectionState());
                    }
                }
            });
            a.addTransceiver("audio", RTCRtpTransceiverInit.SENDRECV);
            try {
                Loopback.negotiate(a, b);
                assertEquals(RTCPeerConnectionState.CLOSED, closedInListener.get(S, TimeUnit.SECONDS));
                assertEquals(RTCSignalingState.CLOSED, a.signalingState());
                assertEquals("InvalidStateError", failure(queuedBeforeClose.get(S, TimeUnit.SECONDS)),
                        "an operation the closed executor dropped still completes");
            } finally {
                a.close();
            }
        }
    }
}
