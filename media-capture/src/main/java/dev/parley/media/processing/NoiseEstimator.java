package dev.parley.media.processing;

/**
 * The stationary noise's power spectrum, tracked through speech (MCRA: minima-controlled
 * recursive averaging). Per bin, a smoothed power is compared with its minimum over the last
 * 0.8–1.6 s; where it stands well above that minimum speech is probably present and the noise
 * estimate holds, elsewhere it follows the signal. Following the minimum (rather than a fixed
 * threshold) lets the estimate fall with the noise at once and rise within the window.
 */
final class NoiseEstimator {
    private static final float SMOOTHING = 0.8f;
    private static final int WINDOW_FRAMES = 80;
    private static final float PRESENCE_RATIO = 5f;
    private static final float PRESENCE_SMOOTHING = 0.2f;
    private static final float NOISE_SMOOTHING = 0.95f;
    private static final float FLOOR = 1e-12f;
    private static final float MAX_ABOVE_MINIMUM = 4; // a smoothed noise power's mean over its minimum is ~2

    private final float[] smoothed;
    private final float[] minimum;
    private final float[] runningMinimum;
    private final float[] presence;
    private final float[] noise;
    private int framesInWindow;
    private boolean started;

    NoiseEstimator(int bins) {
        smoothed = new float[bins];
        minimum = new float[bins];
        runningMinimum = new float[bins];
        presence = new float[bins];
        noise = new float[bins];
    }

    /** The noise power per bin (same scale as the spectra given to {@link #update}). */
    float[] noise() {
        return noise;
    }

    void update(float[] power) {
        update(power, null);
    }

    /**
     * Takes one frame's power spectrum; in bins where {@code echo} (may be null) is above the noise
     * estimate the estimate may fall but not rise, so the echo's reverberant tail is not learnt as noise.
     */
    void update(float[] power, float[] echo) {
        int bins = power.length;
        if (!started) {
            for (int k = 0; k < bins; k++) {
                float p = Math.max(FLOOR, power[k]);
                smoothed[k] = minimum[k] = runningMinimum[k] = noise[k] = p;
            }
            started = true;
            return;
        }
        for (int k = 0; k < bins; k++) {
            // a little smoothing across frequency steadies the minimum search
            float across = 0.5f * power[k] + 0.25f * (power[Math.max(0, k - 1)] + power[Math.min(bins - 1, k + 1)]);
            smoothed[k] = SMOOTHING * smoothed[k] + (1 - SMOOTHING) * across;
            minimum[k] = Math.min(minimum[k], smoothed[k]);
            runningMinimum[k] = Math.min(runningMinimum[k], smoothed[k]);
            float speech = smoothed[k] > PRESENCE_RATIO * minimum[k] ? 1 : 0;
            presence[k] = (1 - PRESENCE_SMOOTHING) * presence[k] + PRESENCE_SMOOTHING * speech;
            float alpha = NOISE_SMOOTHING + (1 - NOISE_SMOOTHING) * presence[k];
            float updated = Math.max(FLOOR, alpha * noise[k] + (1 - alpha) * power[k]);
            boolean echoing = echo != null && echo[k] > noise[k];
            noise[k] = echoing ? Math.min(noise[k], updated) : updated; // echo may lower it, never raise it
            // Whatever was learnt (an echo before the canceller knew of it, speech at start-up), the
            // noise stays within a few dB of the window's minimum.
            noise[k] = Math.min(noise[k], Math.max(FLOOR, MAX_ABOVE_MINIMUM * minimum[k]));
        }
        if (++framesInWindow == WINDOW_FRAMES) {
            framesInWindow = 0;
            for (int k = 0; k < bins; k++) {
                minimum[k] = Math.min(runningMinimum[k], smoothed[k]);
                runningMinimum[k] = smoothed[k];
            }
        }
    }

    void reset() {
        started = false;
        framesInWindow = 0;
        java.util.Arrays.fill(presence, 0);
    }
}
