package dev.parley.media.processing;

/**
 * Brings speech to a target level: the speech level is the power average of frames the voice
 * activity detector calls speech (within 20 dB of the level so far), and the gain moves slowly towards the target minus that level
 * (rising 6 dB/s, falling 12 dB/s), holding still in pauses so noise is not pumped up. A limiter
 * after the gain keeps every sample below -1 dBFS: the frame's peak sets the limiter's gain before
 * the frame is played, and it recovers over about 50 ms.
 */
final class AutomaticGainControl {
    static final double TARGET_DBFS = -20;
    static final float LIMIT = (float) Math.pow(10, -1 / 20.0); // -1 dBFS, in full-scale units
    private static final double MAX_GAIN_DB = 30;
    private static final double MIN_GAIN_DB = -12;
    private static final double RISE_DB_PER_FRAME = 0.06;
    private static final double FALL_DB_PER_FRAME = 0.12;
    private static final double LEVEL_SMOOTHING = 0.97; // ~0.3 s of speech
    private static final float LIMITER_RELEASE = 0.0004f; // per sample: ~50 ms

    private double speechPower = -1; // mean-square of speech frames, full-scale units; < 0 until heard
    private double gainDb;
    private float appliedGain = 1;
    private float limiterGain = 1;

    double gainDb() {
        return gainDb;
    }

    /** The speech level it has measured, in dBFS, or NaN before any speech. */
    double speechLevelDbfs() {
        return speechPower < 0 ? Double.NaN : 10 * Math.log10(speechPower + 1e-20);
    }

    /**
     * Applies gain and limiter to {@code frame} in place; {@code voice} says whether the frame is
     * speech and {@code meanSquare} its power before the gain.
     */
    void process(float[] frame, int samples, boolean voice, double meanSquare) {
        // Weak frames the detector calls speech (its hangover, onsets) would pull the level down and
        // the gain up: only frames within 20 dB of the level so far count.
        if (voice && meanSquare > 1e-9 && (speechPower < 0 || meanSquare > 0.01 * speechPower)) {
            speechPower = speechPower < 0 ? meanSquare
                    : LEVEL_SMOOTHING * speechPower + (1 - LEVEL_SMOOTHING) * meanSquare;
            double desired = Math.max(MIN_GAIN_DB, Math.min(MAX_GAIN_DB, TARGET_DBFS - speechLevelDbfs()));
            gainDb += Math.max(-FALL_DB_PER_FRAME, Math.min(RISE_DB_PER_FRAME, desired - gainDb));
        }
        float target = (float) Math.pow(10, gainDb / 20);
        float start = appliedGain;
        float peak = 0;
        for (int i = 0; i < samples; i++) {
            float g = start + (target - start) * (i + 1) / samples; // glide across the frame
            frame[i] *= g;
            peak = Math.max(peak, Math.abs(frame[i]));
        }
        appliedGain = target;
        limit(frame, samples, peak);
    }

    private void limit(float[] frame, int samples, float peak) {
        if (!(peak <= Float.MAX_VALUE)) {
            peak = Float.MAX_VALUE; // NaN or infinity upstream: the caller clears it; keep the gain sane
        }
        // The frame's peak caps the limiter's gain for the whole frame (it drops at once and
        // recovers no further than the cap), so no sample goes over.
        float cap = peak > 0 ? LIMIT / peak : 1;
        limiterGain = Math.min(limiterGain, cap);
        for (int i = 0; i < samples; i++) {
            frame[i] *= limiterGain;
            limiterGain = Math.min(cap, limiterGain + (1 - limiterGain) * LIMITER_RELEASE);
            if (Math.abs(frame[i]) > LIMIT) { // rounding at the cap only
                frame[i] = Math.copySign(LIMIT, frame[i]);
            }
        }
    }

    void reset() {
        speechPower = -1;
        gainDb = 0;
        appliedGain = 1;
        limiterGain = 1;
    }
}
