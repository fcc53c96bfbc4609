package dev.parley.media.processing;

import static dev.parley.media.processing.ProcessingRun.RATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The linear echo canceller on its own: convergence, realignment, divergence. */
class EchoCancellerTest {
    private static final int BLOCK = 480;

    @Test
    void convergesOnNoiseThroughARoomAndStaysConvergedWhenRealigned() {
        int samples = 4 * RATE;
        float[] far = ProcessingRun.whiteNoise(61, samples, -20);
        float[] h = SimulatedRoom.impulseResponse(161, 200, 0);
        int delay = 4800;
        float[] echo = SimulatedRoom.echo(far, h, delay, samples, delay);
        FarEndHistory history = new FarEndHistory(1 << 16);
        EchoCanceller canceller = new EchoCanceller(BLOCK, 27, 1024, history);
        canceller.align(delay - 240, 0);
        float[] frame = new float[BLOCK];
        float[] mic = new float[BLOCK];
        float[] error = new float[BLOCK];
        float[] estimate = new float[BLOCK];
        long farNow = 0;
        double micEnergy = 0;
        double errorEnergy = 0;
        for (int f = 0; f < samples / BLOCK; f++) {
            System.arraycopy(far, f * BLOCK, frame, 0, BLOCK);
            history.append(frame, BLOCK);
            farNow += BLOCK;
            if (f == 300) {
                canceller.align(delay - 1200, farNow); // a realignment must move the taps, not lose them
            }
            System.arraycopy(echo, f * BLOCK, mic, 0, BLOCK);
            canceller.process(mic, farNow, error, estimate);
            if (f >= 300) {
                for (int i = 0; i < BLOCK; i++) {
                    micEnergy += mic[i] * mic[i];
                    errorEnergy += error[i] * error[i];
                }
            }
        }
        double erle = ProcessingRun.db(micEnergy / errorEnergy);
        System.out.printf("linear ERLE on white noise from 3 s, across a realignment: %.1f dB%n", erle);
        assertTrue(erle >= 25, "linear ERLE " + erle + " dB");
        assertEquals(0, canceller.resets());
    }

    @Test
    void aFilterFedNonFiniteSamplesIsResetAndPassesNothingNonFinite() {
        FarEndHistory history = new FarEndHistory(1 << 16);
        EchoCanceller canceller = new EchoCanceller(BLOCK, 27, 1024, history);
        float[] far = ProcessingRun.whiteNoise(62, BLOCK, -20);
        float[] mic = far.clone();
        float[] error = new float[BLOCK];
        float[] estimate = new float[BLOCK];
        long farNow = 0;
        for (int f = 0; f < 50; f++) {
            history.append(far, BLOCK);
            farNow += BLOCK;
            canceller.process(mic, farNow, error, estimate);
        }
        mic[7] = Float.NaN;
        mic[8] = Float.POSITIVE_INFINITY;
        history.append(far, BLOCK);
        farNow += BLOCK;
        canceller.process(mic, farNow, error, estimate);
        assertEquals(1, canceller.resets());
        for (int i = 0; i < BLOCK; i++) {
            assertTrue(Float.isFinite(error[i]) && Float.isFinite(estimate[i]), "sample " + i);
        }
        mic[7] = 0;
        mic[8] = 0;
        for (int f = 0; f < 20; f++) {
            history.append(far, BLOCK);
            farNow += BLOCK;
            canceller.process(mic, farNow, error, estimate);
            for (float e : error) {
                assertTrue(Float.isFinite(e));
            }
        }
    }
}
