package dev.parley.rtc.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.AudioFrame;
import dev.parley.rtc.media.ToneGenerator;
import dev.parley.rtc.media.ToneDetector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The G.711 encoders and decoders as an RTP sender and receiver use them: tone in, tone out. */
class G711CodecTest {

    /** Encodes {@code frames} of the tone with {@code encoder}, decodes with {@code decoder}, listens. */
    private static ToneDetector roundTrip(ToneGenerator tone, int frames, AudioEncoder encoder, AudioDecoder decoder,
            int expectedUnitsPerFrame) throws AudioDecodeException {
        ToneDetector detector = new ToneDetector(8000);
        long time = 0;
        for (int i = 0; i < frames; i++) {
            EncodedAudio encoded = encoder.encode(tone.nextFrame(time));
            assertEquals(expectedUnitsPerFrame, encoded.timestampUnits(), "frame " + i);
            assertEquals(encoded.timestampUnits(), encoded.payload().length, "one byte per sample");
            AudioFrame decoded = decoder.decode(encoded.payload(), 0, encoded.payload().length, time);
            assertEquals(8000, decoded.sampleRate());
            assertEquals(1, decoded.channels());
            assertEquals(time, decoded.captureTimeNanos());
            detector.add(decoded);
            time += 10_000_000;
        }
        return detector;
    }

    @ParameterizedTest
    @ValueSource(ints = {440, 1000, 3000})
    void aToneThroughPcmuComesOutAtItsFrequencyAndNotANeighbour(int hz) throws Exception {
        ToneDetector detector = roundTrip(new ToneGenerator(hz, 0.5, 8000, 1), 120, G711.pcmuEncoder(),
                G711.pcmuDecoder(), 80);
        assertTrue(detector.dominantAt(hz, 2), "dominant " + detector.dominantFrequency());
        assertFalse(detector.dominantAt(hz + 20, 5));
        assertFalse(detector.dominantAt(hz - 20, 5));
        assertEquals(0.125, detector.powerAt(hz), 0.125 * 0.03, "level kept within 0.15 dB");
        // μ-law keeps about 38 dB of signal to quantisation noise: almost all power is the tone.
        assertTrue(detector.powerAt(hz) / detector.totalPower() > 0.99);
    }

    @ParameterizedTest
    @ValueSource(ints = {440, 1000, 3000})
    void aToneThroughPcmaComesOutAtItsFrequency(int hz) throws Exception {
        ToneDetector detector = roundTrip(new ToneGenerator(hz, 0.3, 8000, 1), 120, G711.pcmaEncoder(),
                G711.pcmaDecoder(), 80);
        assertTrue(detector.dominantAt(hz, 2), "dominant " + detector.dominantFrequency());
        assertTrue(detector.powerAt(hz) / detector.totalPower() > 0.99);
    }

    @ParameterizedTest
    @CsvSource({"48000, 2, 440", "48000, 1, 3000", "44100, 2, 660", "16000, 1, 1000", "32000, 2, 2000"})
    void anyInputRateAndChannelCountIsDownmixedAndResampledTo8kHzMono(int rate, int channels, int hz) throws Exception {
        ToneDetector detector = roundTrip(new ToneGenerator(hz, 0.5, rate, channels), 150, G711.pcmuEncoder(),
                G711.pcmuDecoder(), 80);
        assertTrue(detector.dominantAt(hz, 2), "dominant " + detector.dominantFrequency());
        assertEquals(0.125, detector.powerAt(hz), 0.125 * 0.05, "passband level within 0.2 dB");
    }

    @Test
    void stereoChannelsAreAveraged() {
        AudioEncoder encoder = G711.pcmuEncoder();
        short[] stereo = new short[160];
        for (int i = 0; i < 80; i++) {
            stereo[2 * i] = 1000;
            stereo[2 * i + 1] = 3000;
        }
        EncodedAudio encoded = encoder.encode(new AudioFrame(stereo, 8000, 2, 0));
        for (byte code : encoded.payload()) {
            assertEquals(G711.encodeMuLaw((short) 2000), code);
        }
    }

    @Test
    void anInputRateChangeMidStreamKeepsTheTimestampsRight() {
        AudioEncoder encoder = G711.pcmaEncoder();
        assertEquals(80, encoder.encode(new ToneGenerator(440, 0.5, 48000, 1).nextFrame(0)).timestampUnits());
        assertEquals(80, encoder.encode(new ToneGenerator(440, 0.5, 8000, 1).nextFrame(0)).timestampUnits());
        assertEquals(80, encoder.encode(new ToneGenerator(440, 0.5, 16000, 1).nextFrame(0)).timestampUnits());
        assertEquals(160, encoder.encode(AudioFrame.silence(32000, 1, 640, 0)).timestampUnits());
    }

    @Test
    void encodersAndDecodersNameTheirCodec() {
        assertEquals("PCMU", G711.pcmuEncoder().name());
        assertEquals("PCMA", G711.pcmaEncoder().name());
        assertEquals("PCMU", G711.pcmuDecoder().name());
        assertEquals("PCMA", G711.pcmaDecoder().name());
        assertEquals(8000, G711.pcmuEncoder().clockRate());
        assertEquals(1, G711.pcmaEncoder().channels());
        assertEquals(8000, G711.pcmaDecoder().clockRate());
        assertEquals(1, G711.pcmuDecoder().channels());
    }

    @Test
    void theDecoderTakesAnyBytesAtAnyOffset() throws Exception {
        byte[] everyCode = new byte[258];
        for (int i = 0; i < 256; i++) {
            everyCode[i + 1] = (byte) i;
        }
        AudioFrame decoded = G711.pcmuDecoder().decode(everyCode, 1, 256, 5);
        assertEquals(256, decoded.samplesPerChannel());
        for (int i = 0; i < 256; i++) {
            assertEquals(G711.decodeMuLaw((byte) i), decoded.sample(i));
        }
        assertArrayEquals(new short[0], G711.pcmaDecoder().decode(new byte[4], 4, 0, 0).samples());
        assertThrows(IndexOutOfBoundsException.class, () -> G711.pcmaDecoder().decode(new byte[4], 2, 3, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> G711.pcmaDecoder().decode(new byte[4], -1, 1, 0));
    }
}
