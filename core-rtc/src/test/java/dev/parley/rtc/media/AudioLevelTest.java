package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.AudioFrame;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * RFC 6464/6465 levels: what a packet of known audio measures (-dBov of its RMS against full
 * scale), the W3C linear value a level reads as, and the one-byte elements on the wire.
 */
class AudioLevelTest {

    /** The level of one 20 ms packet (two 10 ms frames at 48 kHz) of {@code frames}. */
    private static AudioLevel packetLevel(AudioFrame... frames) {
        AudioLevelMeter meter = new AudioLevelMeter();
        for (AudioFrame f : frames) {
            meter.add(f);
        }
        return meter.takePacketLevel();
    }

    private static AudioLevel sinePacket(double amplitude) {
        ToneGenerator tone = new ToneGenerator(1000, amplitude, 48_000, 1); // 20 whole cycles in 20 ms
        return packetLevel(tone.nextFrame(0), tone.nextFrame(10_000_000));
    }

    private static AudioFrame constant(short value) {
        short[] samples = new short[480];
        Arrays.fill(samples, value);
        return new AudioFrame(samples, 48_000, 1, 0);
    }

    /** A sine of peak A has an RMS of A/√2: -dBov = -20·log10(A/√2), rounded. */
    @ParameterizedTest(name = "sine at {0} of full scale → {1} -dBov")
    @CsvSource({"1.0, 3", "0.5, 9", "0.25, 15", "0.1, 23", "0.01, 43", "0.001, 63"})
    void sineOfKnownAmplitude_measuresItsRms(double amplitude, int expected) {
        double exact = -20 * Math.log10(amplitude / Math.sqrt(2));
        assertEquals(expected, Math.round(exact), "the expectation itself");
        assertEquals(expected, sinePacket(amplitude).level());
    }

    @Test
    void digitalSilence_is127() {
        assertEquals(AudioLevel.SILENCE, packetLevel(constant((short) 0), constant((short) 0)).level());
        assertEquals(AudioLevel.SILENCE, new AudioLevelMeter().takePacketLevel().level(), "no samples at all");
    }

    @Test
    void fullScaleSquare_is0() {
        short[] square = new short[480];
        for (int i = 0; i < square.length; i++) {
            square[i] = (short) (i % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE); // -32768 counts as full scale
        }
        assertEquals(0, packetLevel(new AudioFrame(square, 48_000, 1, 0)).level());
    }

    @Test
    void belowMinus127dBov_clampsTo127_andOneLsbIsAbout90() {
        assertEquals(90, packetLevel(constant((short) 1)).level(), "1/32767 of full scale: -90.3 dBov");
        assertEquals(127, AudioLevel.fromMeanSquare(1e-14), "-140 dBov");
        assertEquals(0, AudioLevel.fromMeanSquare(1.0));
        assertEquals(127, AudioLevel.fromMeanSquare(Double.NaN));
    }

    @Test
    void eachPacketMeasuresOnlyItsOwnFrames() {
        AudioLevelMeter meter = new AudioLevelMeter();
        ToneGenerator loud = new ToneGenerator(1000, 0.5, 48_000, 1);
        meter.add(loud.nextFrame(0));
        meter.add(loud.nextFrame(0));
        assertEquals(9, meter.takePacketLevel().level());
        meter.add(constant((short) 0));
        meter.add(constant((short) 0));
        assertEquals(127, meter.takePacketLevel().level(), "the loud packet does not leak into the next");
        meter.add(loud.nextFrame(0));
        meter.discardPending();
        meter.add(constant((short) 0));
        assertEquals(127, meter.takePacketLevel().level(), "discarded frames are not measured");
    }

    @Test
    void withoutAVad_everyPacketMayBeVoice() {
        assertTrue(sinePacket(0.5).voiceActivity());
        assertTrue(packetLevel(constant((short) 0)).voiceActivity());
    }

    /** W3C webrtc-pc §5.4: audioLevel = 10^(level / -20), 127 read as 0. */
    @ParameterizedTest(name = "level {0} reads as {1}")
    @CsvSource({"0, 1.0", "20, 0.1", "40, 0.01", "6, 0.501187", "127, 0.0"})
    void linearValue(int level, double linear) {
        assertEquals(linear, AudioLevel.linear(level), 1e-6);
        assertEquals(linear, new AudioLevel(level, false).linear(), 1e-6);
    }

    @Test
    void ssrcElement_isVThenSevenBitLevel_andRoundTrips() throws Exception {
        assertArrayEquals(new byte[] {(byte) 0x89}, new AudioLevel(9, true).toSsrcElement());
        assertArrayEquals(new byte[] {0x7F}, new AudioLevel(127, false).toSsrcElement());
        for (int level = 0; level <= 127; level++) {
            for (boolean v : new boolean[] {false, true}) {
                AudioLevel original = new AudioLevel(level, v);
                assertEquals(original, AudioLevel.parseSsrcElement(original.toSsrcElement()));
            }
        }
    }

    @Test
    void ssrcElementOfAnotherLength_isRejected() {
        assertThrows(PayloadParseException.class, () -> AudioLevel.parseSsrcElement(new byte[0]));
        assertThrows(PayloadParseException.class, () -> AudioLevel.parseSsrcElement(new byte[2]));
        assertThrows(IllegalArgumentException.class, () -> new AudioLevel(128, false));
        assertThrows(IllegalArgumentException.class, () -> new AudioLevel(-1, false));
    }

    @Test
    void csrcElement_isOneLevelPerCsrc_reservedBitIgnored() throws Exception {
        assertArrayEquals(new int[] {0, 9, 127}, AudioLevel.parseCsrcElement(new byte[] {0, (byte) 0x89, 0x7F}));
        assertThrows(PayloadParseException.class, () -> AudioLevel.parseCsrcElement(new byte[0]));
        assertThrows(PayloadParseException.class, () -> AudioLevel.parseCsrcElement(new byte[16]), "at most 15 CSRCs");
        assertFalse(new AudioLevel(5, false).voiceActivity());
    }
}
