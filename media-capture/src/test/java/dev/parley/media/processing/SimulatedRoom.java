package dev.parley.media.processing;

import java.util.Random;

/**
 * The echo path of a simulated room for the tests: an exponentially decaying random impulse
 * response after a direct-path tap (its envelope reaching -60 dB at the end), scaled to a given
 * echo return loss, then a bulk delay (device buffers) that can change at one instant mid-test.
 * Convolution is done with {@link RealFft} in blocks (overlap-add), so long responses stay fast.
 */
public final class SimulatedRoom {
    private static final int RATE = AudioProcessing.SAMPLE_RATE;

    private SimulatedRoom() {}

    /** A response of {@code millis} ms whose energy is {@code -lossDb} dB (the echo return loss). */
    public static float[] impulseResponse(long seed, int millis, double lossDb) {
        Random random = new Random(seed);
        int length = millis * RATE / 1000;
        float[] h = new float[length];
        h[0] = 1;
        int diffuseStart = RATE / 1000 + random.nextInt(RATE / 500); // 1-3 ms after the direct path
        double decay = Math.log(1000) / length; // amplitude: -60 dB at the end
        for (int n = diffuseStart; n < length; n++) {
            h[n] = (float) (0.12 * random.nextGaussian() * Math.exp(-decay * n));
        }
        double energy = 0;
        for (float v : h) {
            energy += v * v;
        }
        double scale = Math.pow(10, -lossDb / 20) / Math.sqrt(energy);
        for (int n = 0; n < length; n++) {
            h[n] *= scale;
        }
        return h;
    }

    /**
     * The echo of {@code far} through {@code h}, delayed {@code delayBefore} samples until sample
     * {@code changeAt} and {@code delayAfter} from there on.
     */
    public static float[] echo(float[] far, float[] h, int delayBefore, int changeAt, int delayAfter) {
        float[] reverberant = convolve(far, h);
        float[] echo = new float[far.length];
        for (int n = 0; n < far.length; n++) {
            int from = n - (n < changeAt ? delayBefore : delayAfter);
            echo[n] = from >= 0 ? reverberant[from] : 0;
        }
        return echo;
    }

    /** {@code x * h}, truncated to the length of {@code x}. */
    static float[] convolve(float[] x, float[] h) {
        int size = Integer.highestOneBit(2 * h.length - 1) << 1;
        int block = size - h.length + 1;
        RealFft fft = new RealFft(size);
        float[] hr = new float[fft.bins()];
        float[] hi = new float[fft.bins()];
        float[] time = new float[size];
        System.arraycopy(h, 0, time, 0, h.length);
        fft.forward(time, hr, hi);
        float[] xr = new float[fft.bins()];
        float[] xi = new float[fft.bins()];
        float[] y = new float[x.length];
        for (int start = 0; start < x.length; start += block) {
            java.util.Arrays.fill(time, 0);
            System.arraycopy(x, start, time, 0, Math.min(block, x.length - start));
            fft.forward(time, xr, xi);
            for (int k = 0; k < xr.length; k++) {
                float r = xr[k] * hr[k] - xi[k] * hi[k];
                float i = xr[k] * hi[k] + xi[k] * hr[k];
                xr[k] = r;
                xi[k] = i;
            }
            fft.inverse(xr, xi, time);
            for (int n = 0; n < size && start + n < x.length; n++) {
                y[start + n] += time[n];
            }
        }
        return y;
    }
}
