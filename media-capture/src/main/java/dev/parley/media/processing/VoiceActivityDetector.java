package dev.parley.media.processing;

/**
 * Says whether a frame holds speech: its energy in the speech band must stand clearly above the
 * stationary noise floor and above an absolute floor, and its spectrum there must be peaky
 * (harmonics, formants) rather than flat like noise; a hangover keeps the decision through the
 * short gaps between syllables.
 */
final class VoiceActivityDetector {
    private static final float MIN_SNR = 3.2f; // 5 dB
    private static final float MAX_FLATNESS = 0.4f;
    private static final double MIN_LEVEL_DBFS = -62;
    private static final int HANGOVER_FRAMES = 15;
    private final int lowBin;
    private final int highBin;
    private int hangover;

    VoiceActivityDetector(int fftSize, int sampleRate) {
        lowBin = Math.max(1, 200 * fftSize / sampleRate);
        highBin = 4000 * fftSize / sampleRate;
    }

    /** Decides on one frame from its power spectrum, the noise estimate and its level. */
    boolean update(float[] power, float[] noise, double levelDbfs) {
        double signal = 0;
        double floor = 0;
        double logSum = 0;
        double ratioSum = 0;
        for (int k = lowBin; k < highBin; k++) {
            signal += power[k];
            floor += noise[k];
            double ratio = (power[k] + 1e-20) / (noise[k] + 1e-20);
            logSum += Math.log(ratio);
            ratioSum += ratio;
        }
        int n = highBin - lowBin;
        double flatness = Math.exp(logSum / n) / (ratioSum / n);
        boolean speech = levelDbfs > MIN_LEVEL_DBFS && signal > MIN_SNR * floor && flatness < MAX_FLATNESS;
        if (speech) {
            hangover = HANGOVER_FRAMES;
            return true;
        }
        if (hangover > 0) {
            hangover--;
            return true;
        }
        return false;
    }

    void reset() {
        hangover = 0;
    }
}
