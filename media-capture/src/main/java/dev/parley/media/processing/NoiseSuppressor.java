package dev.parley.media.processing;

/**
 * Spectral gains that take the stationary noise out: a Wiener gain from the a-priori SNR, estimated
 * decision-directed (mostly last frame's cleaned power, a little of this frame's excess), which
 * keeps the gain from flickering bin by bin in noise (the "musical noise" of plain spectral
 * subtraction), with a floor so the remaining noise stays natural and speech's weak bins survive.
 */
final class NoiseSuppressor {
    private static final float DECISION_DIRECTED = 0.98f;
    static final float FLOOR = 0.1f; // -20 dB
    private final float[] previousClean; // last frame's |G X|^2 / noise
    private final float[] gain;

    NoiseSuppressor(int bins) {
        previousClean = new float[bins];
        gain = new float[bins];
    }

    /** The gain per bin for {@code power} with noise {@code noise}; valid until the next call. */
    float[] gains(float[] power, float[] noise) {
        for (int k = 0; k < power.length; k++) {
            float posterior = power[k] / noise[k];
            float prior = DECISION_DIRECTED * previousClean[k] + (1 - DECISION_DIRECTED) * Math.max(posterior - 1, 0);
            float g = Math.max(FLOOR, prior / (1 + prior));
            gain[k] = g;
            previousClean[k] = Math.min(1e6f, g * g * posterior);
        }
        return gain;
    }

    void reset() {
        java.util.Arrays.fill(previousClean, 0);
    }
}
