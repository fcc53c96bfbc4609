package dev.parley.media.processing;

import java.util.Arrays;

/**
 * Takes out the echo the linear filter leaves: per bin, the residual echo is the filter's echo
 * estimate divided by the filter's measured echo return loss enhancement (ERLE) in that bin's
 * band, and a spectral gain removes it. The ERLE of a band is the ratio of the smoothed
 * microphone and error powers, smoothed faster the more of the microphone the echo estimate
 * explains: in single talk it tracks the filter; when a near-end talker dominates it barely moves
 * (and what it learns then can only make it smaller), so near-end speech is not taken for echo.
 * The gain falls at once when echo appears and rises a little slower; it never pushes a bin below
 * the stationary noise floor, so the background does not pump with the far end's speech.
 */
final class ResidualEchoSuppressor {
    private static final int BAND_BINS = 8;
    private static final float SINGLE_TALK_OVER_SUBTRACTION = Float.parseFloat(System.getProperty("res.os", "6"));
    private static final float NEAR_END_OVER_SUBTRACTION = 1.5f;
    private static final float NEAR_END_RATIO = Float.parseFloat(System.getProperty("res.ratio", "4"));
    private static final int NEAR_END_HANGOVER = 5;
    private static final float MAX_RATE = 0.1f;
    private static final float MAX_ERLE = 1e4f; // 40 dB
    private static final float RESIDUAL_DECAY = 0.5f;
    private static final float FLOOR = 0.003f; // -50 dB
    private static final float RELEASE = 0.6f;

    private final float[] micBand;
    private final float[] errorBand;
    private final float[] erle;
    private final float[] residual;
    private final float[] gain;
    private int nearEndHangover;

    ResidualEchoSuppressor(int bins) {
        int bands = (bins + BAND_BINS - 1) / BAND_BINS;
        micBand = new float[bands];
        errorBand = new float[bands];
        erle = new float[bands];
        residual = new float[bins];
        gain = new float[bins];
        reset();
    }

    /** The residual echo's share of the echo estimate averaged over bands (1 / ERLE), 0..1. */
    float leak() {
        float sum = 0;
        for (float e : erle) {
            sum += 1 / e;
        }
        return sum / erle.length;
    }

    /**
     * Gains for the error spectrum of power {@code error}, given the microphone's power
     * {@code mic}, the echo estimate's {@code echo} and the stationary noise {@code noise}; valid
     * until the next call.
     */
    float[] gains(float[] mic, float[] error, float[] echo, float[] noise) {
        updateErle(mic, error, echo);
        // Near-end speech shows as error the residual estimate cannot explain: then subtract
        // gently, so the talker survives; otherwise (single talk) suppress hard.
        double unexplained = 0;
        double explained = 0;
        for (int k = 0; k < error.length; k++) {
            float r = Math.max(echo[k] / erle[k / BAND_BINS], RESIDUAL_DECAY * residual[k]);
            residual[k] = r;
            unexplained += error[k];
            explained += r + noise[k];
        }
        nearEndHangover = unexplained > NEAR_END_RATIO * explained ? NEAR_END_HANGOVER : Math.max(0, nearEndHangover - 1);
        float overSubtraction = nearEndHangover > 0 ? NEAR_END_OVER_SUBTRACTION : SINGLE_TALK_OVER_SUBTRACTION;
        for (int k = 0; k < error.length; k++) {
            float err = error[k] + 1e-20f;
            float power = Math.max(FLOOR * FLOOR, 1 - overSubtraction * residual[k] / err);
            power = Math.max(power, Math.min(1, noise[k] / err)); // keep the noise floor
            float g = (float) Math.sqrt(power);
            gain[k] = g < gain[k] ? g : gain[k] + RELEASE * (g - gain[k]);
        }
        return gain;
    }

    /** Whether the last frame looked like near-end speech (double talk, or the near end alone). */
    boolean nearEnd() {
        return nearEndHangover > 0;
    }

    private void updateErle(float[] mic, float[] error, float[] echo) {
        for (int b = 0; b < erle.length; b++) {
            int from = b * BAND_BINS;
            int to = Math.min(error.length, from + BAND_BINS);
            float m = 0;
            float e = 0;
            float y = 0;
            for (int k = from; k < to; k++) {
                m += mic[k];
                e += error[k];
                y += echo[k];
            }
            if (m > 0 && Float.isFinite(m + e + y)) {
                float rate = MAX_RATE * Math.min(1, y / m);
                micBand[b] += rate * (m - micBand[b]);
                errorBand[b] += rate * (e - errorBand[b]);
                erle[b] = errorBand[b] > 0 ? Math.max(1, Math.min(MAX_ERLE, micBand[b] / errorBand[b])) : erle[b];
            }
        }
    }

    void reset() {
        Arrays.fill(micBand, 0);
        Arrays.fill(errorBand, 0);
        Arrays.fill(erle, 1);
        Arrays.fill(residual, 0);
        Arrays.fill(gain, 1);
    }
}
