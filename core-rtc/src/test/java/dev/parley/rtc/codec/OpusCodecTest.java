package dev.parley.rtc.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.media.OpusPayload;
import dev.parley.rtc.media.PayloadParseException;
import dev.parley.rtc.media.ToneGenerator;
import dev.parley.rtc.media.ToneDetector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Opus through FFmpeg's libopus: 20 ms packets, a tone's frequency kept, concealment of lost packets. */
class OpusCodecTest {
    private OpusEncoder encoder;
    private OpusDecoder decoder;

    @BeforeEach
    void open() throws Exception {
        OpusCodec codec = new OpusCodec(FfmpegNatives.javacpp());
        encoder = (OpusEncoder) codec.createEncoder();
        decoder = (OpusDecoder) codec.createDecoder();
    }

    @AfterEach
    void close() {
        encoder.close();
        decoder.close();
    }

    /** Encodes {@code seconds} of the tone and returns the 20 ms payloads. */
    private List<byte[]> encodeTone(ToneGenerator tone, double seconds) {
        List<byte[]> packets = new ArrayList<>();
        int frames = (int) Math.round(seconds * ToneGenerator.FRAMES_PER_SECOND);
        for (int i = 0; i < frames; i++) {
            EncodedAudio encoded = encoder.encode(tone.nextFrame(i * 10_000_000L));
            if (i % 2 == 0) {
                assertEquals(0, encoded.timestampUnits(), "the first 10 ms of a packet makes no packet");
            } else {
                assertEquals(OpusCodec.FRAME_SAMPLES, encoded.timestampUnits(), "each packet is 20 ms at 48 kHz");
                packets.add(encoded.payload());
            }
        }
        return packets;
    }

    @Test
    void a440HzToneComesOutAt440Hz() throws Exception {
        List<byte[]> packets = encodeTone(new ToneGenerator(440, 0.5, 48_000, 1), 1.0);
        ToneDetector detector = new ToneDetector(48_000, 16_384);
        for (byte[] packet : packets) {
            OpusPayload parsed = OpusPayload.parse(packet, 0, packet.length);
            assertEquals(OpusCodec.FRAME_SAMPLES, parsed.samples(), "the payload says 20 ms");
            AudioFrame frame = decoder.decode(packet, 0, packet.length, 0);
            assertEquals(OpusCodec.FRAME_SAMPLES, frame.samplesPerChannel());
            assertEquals(48_000, frame.sampleRate());
            detector.add(frame);
        }
        double dominant = detector.dominantFrequency();
        assertEquals(440, dominant, 3, "dominant frequency " + dominant);
        assertTrue(detector.amplitudeAt(440) > 0.3, "the tone keeps its level: " + detector.amplitudeAt(440));
    }

    @Test
    void aToneAt16kHzIsResampledAndKeepsItsFrequency() throws Exception {
        List<byte[]> packets = encodeTone(new ToneGenerator(440, 0.5, 16_000, 2), 1.0);
        ToneDetector detector = new ToneDetector(48_000, 16_384);
        for (byte[] packet : packets) {
            detector.add(decoder.decode(packet, 0, packet.length, 0));
        }
        assertEquals(440, detector.dominantFrequency(), 3);
    }

    @Test
    void aLostPacketIsConcealedWithAudioOfItsLength() throws Exception {
        List<byte[]> packets = encodeTone(new ToneGenerator(440, 0.5, 48_000, 1), 0.5);
        for (int i = 0; i < 10; i++) {
            decoder.decode(packets.get(i), 0, packets.get(i).length, 0);
        }
        AudioFrame concealed = decoder.decode(null, 0, 0, 123);
        assertEquals(OpusCodec.FRAME_SAMPLES, concealed.samplesPerChannel(), "20 ms in place of the lost packet");
        assertEquals(123, concealed.captureTimeNanos());
        ToneDetector detector = new ToneDetector(48_000, OpusCodec.FRAME_SAMPLES);
        detector.add(concealed);
        assertTrue(detector.amplitudeAt(440) > 0.05, "concealment continues the tone, not silence: "
                + detector.amplitudeAt(440));

        AudioFrame viaFec = decoder.decodeFec(packets.get(12), 0, packets.get(12).length, OpusCodec.FRAME_SAMPLES, 0);
        assertEquals(OpusCodec.FRAME_SAMPLES, viaFec.samplesPerChannel(), "the FEC path gives the lost packet's length");
        AudioFrame next = decoder.decode(packets.get(12), 0, packets.get(12).length, 0);
        assertEquals(OpusCodec.FRAME_SAMPLES, next.samplesPerChannel(), "decoding goes on after a loss");
        AudioFrame shortConcealment = decoder.conceal(480, 0);
        assertEquals(480, shortConcealment.samplesPerChannel());
    }

    @Test
    void malformedPayloadsAreDecodeErrors() {
        assertThrows(AudioDecodeException.class, () -> decoder.decode(new byte[0], 0, 0, 0));
        // Code 3 (0x03) with a frame count of 0 breaks RFC 6716 R5: libopus refuses it.
        assertThrows(AudioDecodeException.class, () -> decoder.decode(new byte[] {0x03, 0x00}, 0, 2, 0));
        assertThrows(PayloadParseException.class, () -> OpusPayload.parse(new byte[] {0x03, 0x00}, 0, 2));
    }
}
