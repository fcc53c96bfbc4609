package dev.parley.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.media.AudioLevel;
import dev.parley.rtc.media.OpusPayload;
import dev.parley.rtc.media.ToneGenerator;
import dev.parley.rtc.net.SerialExecutor;
import dev.parley.rtc.rtp.RtpPacket;
import dev.parley.rtc.sdp.CodecCapability;
import dev.parley.rtc.sdp.MediaKind;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The audio send path packetizes what the encoder gives: 10 ms frames from the track become one
 * RTP packet per 20 ms, for Opus (one whole Opus packet each, RFC 7587 §4.2) as for G.711;
 * where ssrc-audio-level is negotiated, each packet carries its audio's RFC 6464 level.
 */
class AudioSendPipelineTest {

    /** Runs executor tasks at once, on the caller's thread, and keeps what is sent. */
    private static final class Capture implements MediaContext {
        final List<RtpPacket> sent = new ArrayList<>();
        final MediaEngine engine = MediaEngine.defaults();
        final SerialExecutor inline = new SerialExecutor() {
            @Override
            public void execute(Runnable task) {
                task.run();
            }

            @Override
            public Cancellable schedule(Runnable task, long delay, TimeUnit unit) {
                throw new UnsupportedOperationException("the send path schedules nothing");
            }

            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public boolean inExecutor() {
                return true;
            }

            @Override
            public boolean isClosed() {
                return false;
            }

            @Override
            public void close() {}
        };

        @Override
        public SerialExecutor executor() {
            return inline;
        }

        @Override
        public SecureRandom random() {
            return new SecureRandom();
        }

        @Override
        public MediaEngine mediaEngine() {
            return engine;
        }

        @Override
        public void sendRtp(RtpPacket packet) {
            sent.add(packet);
        }

        @Override
        public void sendPacedRtp(RtpPacket packet) {
            sendRtp(packet);
        }

        @Override
        public void requestKeyFrame(long mediaSsrc) {}

        @Override
        public void updateNegotiationNeeded() {}

        @Override
        public boolean isClosed() {
            return false;
        }
    }

    private static List<RtpPacket> send(String codecName, int frames) throws Exception {
        return send(codecName, frames, java.util.Map.of(), 0.5);
    }

    private static List<RtpPacket> send(String codecName, int frames, java.util.Map<String, Integer> extensions,
            double amplitude) throws Exception {
        Capture context = new Capture();
        CodecCapability codec = context.engine.codecs(MediaKind.AUDIO).stream()
                .filter(c -> c.name().equals(codecName)).findFirst().orElseThrow();
        AudioSendPipeline pipeline = new AudioSendPipeline(context, 1234);
        pipeline.configure(new SendConfig(true, "0", List.of(codec), 0, extensions));
        AudioTrackSource source = new AudioTrackSource();
        MediaStreamTrack track = source.createTrack("tone");
        ToneGenerator tone = new ToneGenerator(440, amplitude, 48_000, 1);
        try (AutoCloseable attached = pipeline.attach(track)) {
            for (int i = 0; i < frames; i++) {
                source.push(tone.nextFrame(i * 10_000_000L));
            }
        }
        source.close();
        return context.sent;
    }

    @Test
    void opus_onePacketPer20Ms_eachOneWholeOpusPacketOf20Ms() throws Exception {
        List<RtpPacket> sent = send("opus", 100);
        assertEquals(50, sent.size(), "one packet per two 10 ms frames");
        for (int i = 0; i < sent.size(); i++) {
            RtpPacket packet = sent.get(i);
            assertEquals(111, packet.payloadType());
            byte[] payload = packet.payload();
            OpusPayload opus = OpusPayload.parse(payload, 0, payload.length);
            assertEquals(960, opus.samples(), "packet " + i + " holds 20 ms: " + opus);
            if (i > 0) {
                assertEquals(960, (packet.timestamp() - sent.get(i - 1).timestamp()) & 0xFFFF_FFFFL);
                assertEquals(1, (packet.sequenceNumber() - sent.get(i - 1).sequenceNumber()) & 0xFFFF);
            }
        }
    }

    @Test
    void pcmu_onePacketPer20Ms_of160Samples() throws Exception {
        List<RtpPacket> sent = send("PCMU", 100);
        assertEquals(50, sent.size());
        assertTrue(sent.stream().allMatch(p -> p.payload().length == 160 && p.payloadType() == 0));
    }

    @Test
    void audioLevelNegotiated_eachPacketCarriesTheLevelOfItsFrames() throws Exception {
        for (double amplitude : new double[] {0.5, 0.05}) {
            List<RtpPacket> sent = send("opus", 20, java.util.Map.of(MediaEngine.AUDIO_LEVEL_EXTENSION, 5), amplitude);
            int expected = (int) Math.round(-20 * Math.log10(amplitude / Math.sqrt(2))); // sine RMS in -dBov
            assertEquals(10, sent.size());
            for (RtpPacket packet : sent) {
                AudioLevel level = AudioLevel.parseSsrcElement(packet.extensionElement(5));
                assertEquals(expected, level.level(), 1, "amplitude " + amplitude + ": " + packet);
                assertTrue(level.voiceActivity(), "no VAD: every packet may be voice");
            }
        }
    }

    @Test
    void framesWithoutSpeech_clearTheVoiceBitOfTheLevel() throws Exception {
        Capture context = new Capture();
        List<RtpPacket> sent = sendActivities(context, opus(context, Map.of()), Map.of(MediaEngine.AUDIO_LEVEL_EXTENSION, 5),
                Collections.nCopies(4, AudioFrame.VoiceActivity.INACTIVE));
        assertEquals(2, sent.size());
        for (RtpPacket packet : sent) {
            assertFalse(AudioLevel.parseSsrcElement(packet.extensionElement(5)).voiceActivity(), packet.toString());
        }
    }

    @Test
    void opusWithUsedtx_silenceIsHeldBackAfterTheHangoverAndSpeechResumesWithTheMarker() throws Exception {
        Capture context = new Capture();
        List<AudioFrame.VoiceActivity> activities = new ArrayList<>(
                Collections.nCopies(90, AudioFrame.VoiceActivity.INACTIVE)); // 900 ms of silence
        activities.addAll(Collections.nCopies(10, AudioFrame.VoiceActivity.ACTIVE));
        List<RtpPacket> sent = sendActivities(context, opus(context, Map.of("usedtx", "1")), Map.of(), activities);
        // 10 packets of hangover, a refresh 400 ms after the last, then 5 packets of speech
        assertEquals(10 + 1 + 5, sent.size(), sent.toString());
        for (int i = 1; i < sent.size(); i++) {
            assertEquals(1, (sent.get(i).sequenceNumber() - sent.get(i - 1).sequenceNumber()) & 0xFFFF,
                    "sequence numbers stay contiguous: a gap is DTX, not loss");
        }
        RtpPacket firstSpeech = sent.get(11);
        assertTrue(firstSpeech.marker(), "a talkspurt starts");
        assertEquals(45 * 960, (firstSpeech.timestamp() - sent.get(0).timestamp()) & 0xFFFF_FFFFL,
                "the timestamp counts the silence not sent");
        assertTrue(sent.stream().filter(p -> p != firstSpeech).noneMatch(RtpPacket::marker));

        List<RtpPacket> withoutDtx = sendActivities(new Capture(), opus(new Capture(), Map.of()), Map.of(), activities);
        assertEquals(50, withoutDtx.size(), "without usedtx=1 every packet goes");
    }

    private static CodecCapability opus(Capture context, Map<String, String> extraFmtp) {
        CodecCapability opus = context.engine.codecs(MediaKind.AUDIO).stream()
                .filter(c -> c.name().equals("opus")).findFirst().orElseThrow();
        Map<String, String> fmtp = new LinkedHashMap<>(opus.fmtp());
        fmtp.putAll(extraFmtp);
        return new CodecCapability(opus.name(), opus.clockRate(), opus.channels(), fmtp, opus.rtcpFeedback(),
                opus.payloadType());
    }

    /** One 10 ms frame of a 440 Hz tone per activity, each saying that activity. */
    private static List<RtpPacket> sendActivities(Capture context, CodecCapability codec, Map<String, Integer> extensions,
            List<AudioFrame.VoiceActivity> activities) throws Exception {
        AudioSendPipeline pipeline = new AudioSendPipeline(context, 1234);
        pipeline.configure(new SendConfig(true, "0", List.of(codec), 0, extensions));
        AudioTrackSource source = new AudioTrackSource();
        MediaStreamTrack track = source.createTrack("tone");
        ToneGenerator tone = new ToneGenerator(440, 0.3, 48_000, 1);
        try (AutoCloseable attached = pipeline.attach(track)) {
            for (int i = 0; i < activities.size(); i++) {
                source.push(tone.nextFrame(i * 10_000_000L).withVoiceActivity(activities.get(i)));
            }
        }
        source.close();
        return context.sent;
    }

    @Test
    void audioLevelNotNegotiated_noElement() throws Exception {
        List<RtpPacket> sent = send("PCMU", 10);
        assertTrue(sent.stream().allMatch(p -> p.extension() == null), sent.toString());
    }
}
