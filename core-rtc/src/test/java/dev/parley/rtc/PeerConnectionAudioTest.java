package dev.parley.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.media.ToneDetector;
import dev.parley.rtc.testutil.RtpLossNet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Audio calls between two Parley peer connections over real UDP on 127.0.0.1 with the default
 * engine: Opus both ways through the jitter buffer, each side hearing the other's tone at 48 kHz,
 * and the W3C inbound-rtp jitter buffer members counting what the buffer did — with 5 % of the
 * RTP lost, concealment fills the gaps and the tone stays dominant; the receivers' synchronization
 * sources carry the RFC 6464 levels the senders measured.
 */
class PeerConnectionAudioTest {
    private static final int POLITE_HZ = 440;
    private static final int IMPOLITE_HZ = 660;

    private final Loopback loopback = new Loopback();
    private PeerPair pair;

    @AfterEach
    void close() throws Exception {
        if (pair != null) {
            pair.close();
        }
        loopback.close();
    }

    @Test
    void opusBothWays_tonesArriveAt48kHz_andTheJitterBufferReportsItsWork() throws Exception {
        pair = new PeerPair();
        pair.polite.pc.addTrack(loopback.tone(POLITE_HZ), new MediaStream());
        pair.impolite.pc.addTrack(loopback.tone(IMPOLITE_HZ), new MediaStream());
        pair.awaitConnected(10);
        pair.awaitStable(10);

        ToneDetector atImpolite = Loopback.listen(awaitAudioTrack(pair.impolite), 100);
        ToneDetector atPolite = Loopback.listen(awaitAudioTrack(pair.polite), 100);
        assertEquals(48_000, atImpolite.sampleRate(), "Opus plays at 48 kHz");
        assertTrue(atImpolite.dominantAt(POLITE_HZ, 10), "impolite hears 440 Hz: " + atImpolite.dominantFrequency());
        assertTrue(atPolite.dominantAt(IMPOLITE_HZ, 10), "polite hears 660 Hz: " + atPolite.dominantFrequency());
        assertTrue(atImpolite.amplitudeAt(POLITE_HZ) > 0.3, "at about the half scale sent: "
                + atImpolite.amplitudeAt(POLITE_HZ));

        for (PeerPair.Peer peer : new PeerPair.Peer[] {pair.polite, pair.impolite}) {
            RTCStatsReport report = peer.pc.getStats().get(5, TimeUnit.SECONDS);
            RTCStats inbound = audio(report, "inbound-rtp");
            String codecId = inbound.getString("codecId").orElseThrow();
            RTCStats codec = report.ofType("codec").stream().filter(c -> c.id().equals(codecId)).findFirst().orElseThrow();
            assertEquals("audio/opus", codec.getString("mimeType").orElseThrow(), peer.name + ": " + codec);
            long emitted = inbound.getLong("jitterBufferEmittedCount");
            assertTrue(emitted >= 100 * 480, peer.name + " played a second of decoded samples: " + inbound);
            assertTrue(inbound.getLong("totalSamplesReceived") >= emitted, inbound.toString());
            double meanDelay = inbound.getDouble("jitterBufferDelay") / emitted;
            double meanTarget = inbound.getDouble("jitterBufferTargetDelay") / emitted;
            assertTrue(meanDelay > 0 && meanDelay < 0.5, peer.name + " mean buffer delay " + meanDelay);
            assertTrue(meanTarget >= 0.0199 && meanTarget <= 0.5, peer.name + " mean target " + meanTarget);
            assertTrue(inbound.getDouble("totalAudioEnergy") > 0, inbound.toString());
            assertTrue(inbound.getDouble("audioLevel") > 0.1, inbound.toString());
            System.out.printf("%s: mean jitter buffer delay %.1f ms (target %.1f ms), %s%n", peer.name,
                    meanDelay * 1000, meanTarget * 1000, inbound);
        }
    }

    @Test
    void opusAt5PercentRtpLoss_concealsTheGaps_andTheToneStaysDominant() throws Exception {
        RtpLossNet[] lossy = new RtpLossNet[1];
        pair = new PeerPair(net -> lossy[0] = new RtpLossNet(net, 0.05, 7));
        pair.polite.pc.addTrack(loopback.tone(POLITE_HZ), new MediaStream());
        pair.awaitConnected(10);
        pair.awaitStable(10);

        MediaStreamTrack heard = awaitAudioTrack(pair.impolite);
        ToneDetector early = Loopback.listen(heard, 100);
        assertTrue(early.dominantAt(POLITE_HZ, 10), "440 Hz through loss: " + early.dominantFrequency());
        // two seconds: about five losses at 5 %, then listen once more after them
        RTCStats inbound = awaitInbound(pair.impolite.pc, st -> st.getLong("concealmentEvents") >= 3);
        ToneDetector late = Loopback.listen(heard, 100);
        assertTrue(late.dominantAt(POLITE_HZ, 10), "440 Hz after losses: " + late.dominantFrequency());
        assertTrue(lossy[0].dropped() > 0, "the link lost RTP");
        assertTrue(inbound.getLong("packetsLost") > 0, inbound.toString());
        assertTrue(inbound.getLong("concealedSamples") > 0 || inbound.getLong("fecPacketsReceived") > 0,
                "losses were concealed or recovered: " + inbound);
        assertTrue(inbound.getLong("concealedSamples") < inbound.getLong("totalSamplesReceived") / 4,
                "concealment is the exception: " + inbound);
        System.out.printf("5%% loss: %d RTP packets lost on the link; receiver: %s%n", lossy[0].dropped(), inbound);
    }

    /**
     * ssrc-audio-level end to end: each receiver's getSynchronizationSources() lists the far
     * sender's SSRC with the level its packets carry — the half-scale tone's RMS (-9.03 dBov) on
     * one side, digital silence (0) on the other.
     */
    @Test
    void audioLevelExtension_receiversListTheSendersSsrc_withTheTonesLevel_andSilenceAtZero() throws Exception {
        pair = new PeerPair();
        RTCRtpSender toneSender = pair.polite.pc.addTrack(loopback.tone(POLITE_HZ), new MediaStream());
        RTCRtpSender silentSender = pair.impolite.pc.addTrack(loopback.tone(IMPOLITE_HZ, 0.0), new MediaStream());
        pair.awaitConnected(10);
        pair.awaitStable(10);
        RTCRtpReceiver atImpolite = awaitAudioEvent(pair.impolite).receiver();
        RTCRtpReceiver atPolite = awaitAudioEvent(pair.polite).receiver();

        RTCRtpSynchronizationSource tone = Loopback.awaitLeveledSource(atImpolite, toneSender.ssrc());
        double expectedDb = 20 * Math.log10(0.5 / Math.sqrt(2));
        double heardDb = 20 * Math.log10(tone.audioLevel().getAsDouble());
        assertEquals(expectedDb, heardDb, 2.0, "the tone's level: " + tone);
        double ageMillis = System.currentTimeMillis() - tone.timestamp();
        assertTrue(ageMillis > -50 && ageMillis < 1000, "a wall-clock time of the last packet, " + ageMillis + " ms ago");

        RTCRtpSynchronizationSource silence = Loopback.awaitLeveledSource(atPolite, silentSender.ssrc());
        assertTrue(silence.audioLevel().getAsDouble() < 1e-3, "silence reads as 0: " + silence);
        assertEquals(1, atImpolite.getSynchronizationSources().size(), atImpolite.getSynchronizationSources().toString());
        assertTrue(atImpolite.getContributingSources().isEmpty(), "no mixer, no CSRCs");
        assertEquals(0, atImpolite.malformedAudioLevels());
        System.out.printf("tone heard at %.2f dBov (sent %.2f), silence at %s%n", heardDb, expectedDb, silence);
    }

    private static RTCStats awaitInbound(RTCPeerConnection pc, java.util.function.Predicate<RTCStats> condition)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Loopback.SECONDS);
        while (true) {
            RTCStats inbound = audio(pc.getStats().get(5, TimeUnit.SECONDS), "inbound-rtp");
            if (condition.test(inbound)) {
                return inbound;
            }
            assertTrue(System.nanoTime() < deadline, "inbound-rtp never got there: " + inbound);
            Thread.sleep(100);
        }
    }

    private static RTCStats audio(RTCStatsReport report, String type) {
        return report.ofType(type).stream().filter(st -> "audio".equals(st.getString("kind").orElse(""))).findFirst()
                .orElseThrow(() -> new AssertionError("no audio " + type + " in " + report));
    }

    private static MediaStreamTrack awaitAudioTrack(PeerPair.Peer peer) throws InterruptedException {
        return awaitAudioEvent(peer).track();
    }

    private static RTCTrackEvent awaitAudioEvent(PeerPair.Peer peer) throws InterruptedException {
        while (true) {
            RTCTrackEvent event = peer.tracks.poll(10, TimeUnit.SECONDS);
            assertNotNull(event, peer.name + " gets an audio track event");
            if (event.track().kind().equals("audio")) {
                return event;
            }
        }
    }
}
