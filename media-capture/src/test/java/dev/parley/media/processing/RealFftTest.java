package dev.parley.media.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RealFftTest {
    @ParameterizedTest
    @ValueSource(ints = {4, 8, 64, 1024})
    void forwardMatchesTheDefinitionAndInverseRestoresTheSignal(int size) {
        Random random = new Random(size);
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) random.nextGaussian();
        }
        RealFft fft = new RealFft(size);
        float[] re = new float[fft.bins()];
        float[] im = new float[fft.bins()];
        fft.forward(x, re, im);
        for (int k = 0; k <= size / 2; k++) {
            double sr = 0;
            double si = 0;
            for (int n = 0; n < size; n++) {
                double a = -2 * Math.PI * k * n / size;
                sr += x[n] * Math.cos(a);
                si += x[n] * Math.sin(a);
            }
            assertEquals(sr, re[k], 1e-3 * Math.sqrt(size), "re[" + k + "]");
            assertEquals(si, im[k], 1e-3 * Math.sqrt(size), "im[" + k + "]");
        }
        float[] back = new float[size];
        fft.inverse(re, im, back);
        for (int n = 0; n < size; n++) {
            assertEquals(x[n], back[n], 1e-4, "x[" + n + "]");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 3, 6, 1000})
    void refusesSizesThatAreNotPowersOfTwoOfAtLeastFour(int size) {
        assertThrows(IllegalArgumentException.class, () -> new RealFft(size));
    }
}
