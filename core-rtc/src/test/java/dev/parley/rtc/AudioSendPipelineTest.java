package dev.parley.rtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
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
    void audioLevelNotNegotiated_noElement() throws Exception {
        List<RtpPacket> sent = send("PCMU", 10);
        assertTrue(sent.stream().allMatch(p -> p.extension() == null), sent.toString());
    }
}
