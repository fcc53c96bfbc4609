package dev.parley.rtc.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.rtc.AudioFrame;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The detector against signals built here sample by sample, not by the code it will judge. */
class ToneDetectorTest {

    private static ToneDetector withSines(int rate, int samples, double[] hz, double[] amplitudes) {
        ToneDetector detector = new ToneDetector(rate);
        for (int n = 0; n < samples; n++) {
            double x = 0;
            for (int k = 0; k < hz.length; k++) {
                x += amplitudes[k] * Math.sin(2 * Math.PI * hz[k] * n / rate + k);
            }
            detector.add(x);
        }
        return detector;
    }

    @Test
    void findsASingleToneAndItsLevel() {
        ToneDetector detector = withSines(8000, 8000, new double[] {440}, new double[] {0.5});
        assertTrue(detector.dominantAt(440, 1));
        assertFalse(detector.dominantAt(460, 5), "a neighbour 20 Hz away is not the tone");
        assertEquals(0.5, detector.amplitudeAt(440), 0.01);
        assertEquals(0.125, detector.powerAt(440), 0.003);
        assertEquals(0.125, detector.totalPower(), 0.001);
        assertTrue(detector.powerAt(880) < 1e-6, "nothing at the octave: " + detector.powerAt(880));
    }

    @Test
    void theLouderOfTwoTonesDominates() {
        ToneDetector detector = withSines(48000, 8192, new double[] {660, 1000}, new double[] {0.2, 0.6});
        assertTrue(detector.dominantAt(1000, 10), "dominant " + detector.dominantFrequency());
        assertFalse(detector.dominantAt(660, 10));
        assertEquals(0.2, detector.amplitudeAt(660), 0.01);
        assertEquals(0.6, detector.amplitudeAt(1000), 0.01);
    }

    @Test
    void aToneStandsOutOfNoise() {
        Random random = new Random(7);
        ToneDetector detector = new ToneDetector(16000);
        for (int n = 0; n < 8192; n++) {
            detector.add(0.1 * Math.sin(2 * Math.PI * 3000 * n / 16000.0) + 0.1 * (random.nextDouble() - 0.5));
        }
        assertTrue(detector.dominantAt(3000, 5), "dominant " + detector.dominantFrequency());
    }

    @Test
    void keepsOnlyTheMostRecentSamples_andTakesFramesAsTheChannelAverage() {
        ToneDetector detector = new ToneDetector(8000, 1024);
        for (int n = 0; n < 4000; n++) {
            detector.add(0.5 * Math.sin(2 * Math.PI * 1000 * n / 8000.0));
        }
        // Then 2048 samples at 2000 Hz, in stereo frames whose channels differ.
        for (int f = 0; f < 16; f++) {
            short[] stereo = new short[256];
            for (int i = 0; i < 128; i++) {
                int n = f * 128 + i;
                short value = (short) Math.round(16000 * Math.sin(2 * Math.PI * 2000 * n / 8000.0));
                stereo[2 * i] = value;
                stereo[2 * i + 1] = 0;
            }
            detector.add(new AudioFrame(stereo, 8000, 2, 0));
        }
        assertEquals(1024, detector.sampleCount());
        assertTrue(detector.dominantAt(2000, 2));
        assertEquals(8000 / 32767.0, detector.amplitudeAt(2000), 0.01, "half of each stereo pair is silent");
        assertTrue(detector.amplitudeAt(1000) < 0.001, "the 1000 Hz tone has left the window");
        assertThrows(IllegalArgumentException.class, () -> detector.add(new AudioFrame(new short[2], 16000, 1, 0)));
    }
}
