package dev.parley.rtc;

import static dev.parley.rtc.PeerConnectionSignalingTest.failure;
import static dev.parley.rtc.PeerConnectionSignalingTest.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.media.ToneDetector;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RTCRtpSender} in a real call on 127.0.0.1: {@code replaceTrack} and
 * {@code setParameters} change what is sent without renegotiation. Whether a sender stopped is
 * measured against a second sender of the same call that keeps going: while mid 1 sends 25
 * packets (half a second), the stopped mid 0 sends none.
 */
class PeerConnectionSenderTest {
    private static final long S = Loopback.SECONDS;
    private final Loopback loopback = new Loopback();
    private RTCPeerConnection a;
    private PcEvents ea;
    private RTCRtpSender sender;
    private MediaStreamTrack heard;

    @BeforeEach
    void call() throws Exception {
        a = loopback.pc();
        RTCPeerConnection b = loopback.pc();
        ea = PcEvents.on(a);
        PcEvents eb = PcEvents.on(b);
        sender = a.addTrack(loopback.tone(440), new MediaStream());
        a.addTrack(loopback.tone(1000), new MediaStream()); // mid 1: the yardstick
        Loopback.negotiate(a, b);
        ea.awaitConnection(RTCPeerConnectionState.CONNECTED, S);
        heard = eb.nextTrack("audio", S).track();
        assertTrue(Loopback.listen(heard, 50).dominantAt(440, 20));
    }

    @AfterEach
    void close() throws Exception {
        loopback.close();
    }

    private long packetsSent(String mid) throws Exception {
        return get(a.getStats()).ofType("outbound-rtp").stream().filter(s -> s.getString("mid").orElse("").equals(mid))
                .mapToLong(s -> s.getLong("packetsSent")).sum();
    }

    /** How many packets mid 0 sends while mid 1 sends 25 (half a second of audio). */
    private long mid0PacketsDuringHalfASecond() throws Exception {
        long yardstick = packetsSent("1");
        long before = packetsSent("0");
        Loopback.await(() -> {
            try {
                return packetsSent("1") >= yardstick + 25;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "mid 1 sends 25 packets");
        return packetsSent("0") - before;
    }

    /** Listens until the track carries {@code hz} (earlier audio may still be in the first frames). */
    private void awaitTone(int hz) throws Exception {
        long deadline = System.nanoTime() + S * 1_000_000_000L;
        ToneDetector detector;
        do {
            detector = Loopback.listen(heard, 50);
            if (detector.dominantAt(hz, 20)) {
                return;
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("never heard " + hz + " Hz: " + detector);
    }

    @Test
    void replaceTrack_switchesTheToneWithoutRenegotiation() throws Exception {
        ea.negotiationNeeded.clear();
        get(sender.replaceTrack(loopback.tone(660)));
        awaitTone(660);
        get(a.getStats()); // an executor barrier: any negotiationneeded would have fired by now
        assertTrue(ea.negotiationNeeded.isEmpty(), "replaceTrack does not renegotiate");
        assertEquals(RTCSignalingState.STABLE, a.signalingState());
    }

    @Test
    void replaceTrackNull_stopsThePackets() throws Exception {
        get(sender.replaceTrack(null));
        assertNull(sender.track());
        mid0PacketsDuringHalfASecond(); // frames already on their way drain
        assertEquals(0, mid0PacketsDuringHalfASecond(), "no track, no packets");
        get(sender.replaceTrack(loopback.tone(660)));
        assertTrue(mid0PacketsDuringHalfASecond() > 0, "a new track sends again");
        awaitTone(660);
    }

    @Test
    void replaceTrack_withAVideoTrack_isATypeError() throws Exception {
        VideoTrackSource camera = new VideoTrackSource();
        try {
            assertEquals("TypeError", failure(sender.replaceTrack(camera.createTrack("camera"))));
        } finally {
            camera.close();
        }
        assertEquals("440 Hz tone", sender.track().label(), "the old track stays");
    }

    @Test
    void setParametersActiveFalse_stopsRtp_andActiveTrueResumes() throws Exception {
        RTCRtpSendParameters p = sender.getParameters();
        assertEquals(1, p.encodings().size());
        assertTrue(p.encodings().get(0).active());
        assertTrue(p.codecs().contains("audio/PCMU"), p.codecs().toString());
        get(sender.setParameters(p.withEncoding(p.encodings().get(0).withActive(false))));
        mid0PacketsDuringHalfASecond();
        assertEquals(0, mid0PacketsDuringHalfASecond(), "inactive: no packets");
        assertEquals(false, sender.getParameters().encodings().get(0).active());
        assertEquals(Boolean.FALSE, get(a.getStats()).ofType("outbound-rtp").stream()
                .filter(s -> s.getString("mid").orElse("").equals("0")).findFirst().orElseThrow().get("active").orElseThrow());

        RTCRtpSendParameters again = sender.getParameters();
        get(sender.setParameters(again.withEncoding(again.encodings().get(0).withActive(true))));
        assertTrue(mid0PacketsDuringHalfASecond() > 0, "active again: packets again");
        awaitTone(440);
    }

    @Test
    void setParameters_needsTheLatestTransactionId_andKeepsMaxBitrate() throws Exception {
        RTCRtpSendParameters stale = sender.getParameters();
        RTCRtpSendParameters latest = sender.getParameters();
        assertEquals("InvalidModificationError", failure(sender.setParameters(stale)));
        RTCRtpEncodingParameters capped = latest.encodings().get(0).withMaxBitrate(64_000);
        get(sender.setParameters(latest.withEncoding(capped)));
        assertEquals(OptionalLong.of(64_000), sender.getParameters().encodings().get(0).maxBitrate());
        assertEquals("InvalidModificationError", failure(sender.setParameters(latest)), "a transaction id is good once");
        RTCRtpSendParameters two = sender.getParameters();
        assertEquals("InvalidModificationError", failure(sender.setParameters(
                new RTCRtpSendParameters(two.transactionId(), java.util.List.of(capped, capped), two.codecs()))));
    }
}
