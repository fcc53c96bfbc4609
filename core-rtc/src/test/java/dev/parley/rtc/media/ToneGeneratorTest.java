package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.AudioFrame;
import org.junit.jupiter.api.Test;

class ToneGeneratorTest {

    @Test
    void framesAreTenMillisecondsWithTheSameWaveInEveryChannel() {
        ToneGenerator tone = new ToneGenerator(440, 0.25, 48000, 2);
        AudioFrame frame = tone.nextFrame(123);
        assertEquals(480, frame.samplesPerChannel());
        assertEquals(480, tone.samplesPerFrame());
        assertEquals(48000, frame.sampleRate());
        assertEquals(2, frame.channels());
        assertEquals(123, frame.captureTimeNanos());
        for (int i = 0; i < 480; i++) {
            assertEquals(frame.sample(i, 0), frame.sample(i, 1));
        }
        assertEquals(441, new ToneGenerator(440, 0.25, 44100, 1).nextFrame(0).samplesPerChannel());
    }

    @Test
    void thePhaseRunsOnAcrossFrames_sampleForSampleTheContinuousSine() {
        ToneGenerator tone = new ToneGenerator(997.5, 0.5, 8000, 1);
        long n = 0;
        for (int f = 0; f < 1000; f++) { // 10 s
            AudioFrame frame = tone.nextFrame(0);
            for (int i = 0; i < frame.samplesPerChannel(); i++, n++) {
                double expected = 0.5 * 32767 * Math.sin(2 * Math.PI * 997.5 * n / 8000);
                assertEquals(expected, frame.sample(i), 1.0, "sample " + n);
            }
        }
    }

    @Test
    void theToneIsAtItsFrequencyAndLevel() {
        ToneGenerator tone = new ToneGenerator(660, 0.5, 16000, 1);
        ToneDetector detector = new ToneDetector(16000);
        int peak = 0;
        for (int f = 0; f < 60; f++) {
            AudioFrame frame = tone.nextFrame(0);
            detector.add(frame);
            for (int i = 0; i < frame.sampleCount(); i++) {
                peak = Math.max(peak, Math.abs(frame.sample(i)));
            }
        }
        assertTrue(detector.dominantAt(660, 2));
        assertEquals(0.5, detector.amplitudeAt(660), 0.01);
        assertEquals(16384, peak, 2);
    }

    @Test
    void rejectsWhatCanNotBeA10msTone() {
        assertThrows(IllegalArgumentException.class, () -> new ToneGenerator(440, 0.5, 44101, 1));
        assertThrows(IllegalArgumentException.class, () -> new ToneGenerator(4000, 0.5, 8000, 1));
        assertThrows(IllegalArgumentException.class, () -> new ToneGenerator(0, 0.5, 8000, 1));
        assertThrows(IllegalArgumentException.class, () -> new ToneGenerator(Double.NaN, 0.5, 8000, 1));
        assertThrows(IllegalArgumentException.class, () -> new ToneGenerator(440, 1.5, 8000, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ToneGenerator(440, 0.5, 8000, 0));
        assertEquals("channels must be 1..255, got 0", e.getMessage());
    }
}
