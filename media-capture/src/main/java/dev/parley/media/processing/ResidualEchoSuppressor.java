package dev.parley.media.processing;

import java.util.Arrays;

/**
 * Takes out the echo the linear filter leaves, with a spectral gain per bin against an estimate of
 * the residual echo's power:
 * <ul>
 *   <li>the filter's echo estimate divided by the filter's measured echo return loss enhancement
 *       (ERLE) in the bin's band. A band's ERLE is the ratio of smoothed microphone and error
 *       powers, smoothed faster the more of the microphone the echo estimate explains: in single
 *       talk it tracks the filter, under a near-end talker it barely moves;
 *   <li>in single talk also the far power (held with a 0.8-per-frame decay, for the room's
 *       reverberation) through the band's echo path gain, which catches echo in bins the filter
 *       has not learnt yet (speech excites a room unevenly). The path gain follows the
 *       microphone-to-far ratio down at once and up slowly, so near-end speech hardly raises it.
 * </ul>
 * Near-end speech shows as error that neither the linear residual estimate (20 times over) nor the
 * coarse one (3 times over) explains, two frames in a row: then (with a 150 ms hangover, as
 * talkers go on for a while) the gain subtracts only 1.5 times the linear residual, so the talker
 * survives; otherwise it subtracts 20 times the estimate, which in single talk takes the echo down
 * to the floor. The gain falls at once and rises a little slower; it never pushes a bin below the
 * stationary noise, so the background does not pump with the far end's speech.
 */
final class ResidualEchoSuppressor {
    private static final int BAND_BINS = 8;
    private static final float SINGLE_TALK_OVER_SUBTRACTION = 20; // suppression to the floor
    private static final float NEAR_END_OVER_SUBTRACTION = 1.5f;
    private static final float NEAR_END_RATIO = 20;
    private static final float COARSE_RATIO = 3;
    private static final int NEAR_END_CONFIRM = 2; // frames in a row: an echo onset outruns the filter for one
    private static final int NEAR_END_HANGOVER = 15;
    private static final float MAX_RATE = 0.1f;
    private static final float MAX_ERLE = 1e4f; // 40 dB
    private static final float RESIDUAL_DECAY = 0.5f;
    private static final float REVERB_DECAY = 0.8f;
    private static final float MAX_PATH_GAIN = 100; // +20 dB
    private static final float PATH_DOWN = 0.2f;
    private static final float PATH_UP = 0.02f;
    private static final float COARSE = 0.3f; // the far power through the path gain is a ceiling of the echo
    private static final float FLOOR = 0.003f; // -50 dB
    private static final float RELEASE = 0.6f;

    private final float[] micBand;
    private final float[] errorBand;
    private final float[] erle;
    private final float[] pathGain;
    private final float[] reverberantFar;
    private final float[] echoEstimate;
    private final float[] residual;
    private final float[] gain;
    private int nearEndHangover;
    private int nearEndRun;

    ResidualEchoSuppressor(int bins) {
        int bands = (bins + BAND_BINS - 1) / BAND_BINS;
        micBand = new float[bands];
        errorBand = new float[bands];
        erle = new float[bands];
        pathGain = new float[bands];
        reverberantFar = new float[bins];
        echoEstimate = new float[bins];
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
    float[] gains(float[] mic, float[] error, float[] echo, float[] far, float[] noise) {
        updateErle(mic, error, echo, far);
        // Near-end speech shows as error neither the residual estimate (20 times over) nor the
        // coarse echo estimate (3 times over) can explain: then subtract gently, so the talker
        // survives; otherwise (single talk) suppress hard.
        double unexplained = 0;
        double explained = 0;
        double coarse = 0;
        for (int k = 0; k < error.length; k++) {
            float r = Math.max(echo[k] / erle[k / BAND_BINS], RESIDUAL_DECAY * residual[k]);
            residual[k] = r;
            unexplained += error[k];
            explained += r + noise[k];
            coarse += COARSE * pathGain[k / BAND_BINS] * Math.max(far[k], REVERB_DECAY * reverberantFar[k]) + noise[k];
        }
        boolean detected = unexplained > NEAR_END_RATIO * explained && unexplained > COARSE_RATIO * coarse;
        nearEndRun = detected ? nearEndRun + 1 : 0;
        nearEndHangover = nearEndRun >= NEAR_END_CONFIRM ? NEAR_END_HANGOVER : Math.max(0, nearEndHangover - 1);
        boolean nearEnd = nearEndHangover > 0;

        float overSubtraction = nearEnd ? NEAR_END_OVER_SUBTRACTION : SINGLE_TALK_OVER_SUBTRACTION;
        for (int k = 0; k < error.length; k++) {
            float err = error[k] + 1e-20f;
            // In single talk the echo the filter has not learnt yet (bins speech rarely excites)
            // counts too: the far power through the band's measured echo path gain.
            reverberantFar[k] = Math.max(far[k], REVERB_DECAY * reverberantFar[k]);
            float r = nearEnd ? residual[k] : Math.max(residual[k], COARSE * pathGain[k / BAND_BINS] * reverberantFar[k]);
            echoEstimate[k] = r;
            float power = Math.max(FLOOR * FLOOR, 1 - overSubtraction * r / err);
            power = Math.max(power, Math.min(1, noise[k] / err)); // keep the noise floor
            float g = (float) Math.sqrt(power);
            gain[k] = g < gain[k] ? g : gain[k] + RELEASE * (g - gain[k]);
        }
        return gain;
    }

    /** Per bin, the echo power the last gains were computed against. */
    float[] echoEstimate() {
        return echoEstimate;
    }

    private void updateErle(float[] mic, float[] error, float[] echo, float[] far) {
        for (int b = 0; b < erle.length; b++) {
            int from = b * BAND_BINS;
            int to = Math.min(error.length, from + BAND_BINS);
            float m = 0;
            float e = 0;
            float y = 0;
            float x = 0;
            for (int k = from; k < to; k++) {
                m += mic[k];
                e += error[k];
                y += echo[k];
                x += reverberantFar[k];
            }
            if (m > 0 && Float.isFinite(m + e + y + x)) {
                float rate = MAX_RATE * Math.min(1, y / m);
                micBand[b] += rate * (m - micBand[b]);
                errorBand[b] += rate * (e - errorBand[b]);
                if (x > 1e-6f * (to - from)) {
                    // The echo path's gain follows the microphone-to-far ratio down at once and up
                    // slowly: near-end speech (which only raises the ratio) barely moves it.
                    float ratio = Math.min(MAX_PATH_GAIN, m / x);
                    pathGain[b] += (ratio < pathGain[b] ? PATH_DOWN : PATH_UP) * (ratio - pathGain[b]);
                }
                erle[b] = errorBand[b] > 0 ? Math.max(1, Math.min(MAX_ERLE, micBand[b] / errorBand[b])) : erle[b];
            }
        }
    }

    void reset() {
        Arrays.fill(micBand, 0);
        Arrays.fill(errorBand, 0);
        Arrays.fill(erle, 1);
        Arrays.fill(pathGain, 1);
        Arrays.fill(reverberantFar, 0);
        Arrays.fill(echoEstimate, 0);
        Arrays.fill(residual, 0);
        Arrays.fill(gain, 1);
        nearEndHangover = 0;
        nearEndRun = 0;
    }
}
