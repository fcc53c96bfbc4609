package dev.parley.media.processing;

import java.util.Random;

/**
 * A deterministic speech-like signal for the audio processing tests: a glottal pulse train whose
 * pitch glides per syllable and declines over a phrase, through three formant resonators whose
 * frequencies move between vowel targets, shaped into syllables, words and phrases with pauses, and
 * with some fricative (noise) onsets. Not speech, but with speech's features the stages rely on:
 * harmonics, formants, a steep spectral tilt, syllable-rate modulation and silences.
 */
public final class SyntheticSpeech {
    private static final int RATE = AudioProcessing.SAMPLE_RATE;
    private static final double[][] VOWELS = {
            {730, 1090, 2440}, {270, 2290, 3010}, {300, 870, 2240}, {530, 1840, 2480}, {570, 840, 2410},
            {660, 1720, 2410}, {440, 1020, 2240}, {390, 1990, 2550}};

    private SyntheticSpeech() {}

    /**
     * {@code samples} of speech whose active parts have an RMS level of {@code levelDbfs}, with a
     * speaker's pitch picked from the seed; in full-scale units.
     */
    public static float[] generate(long seed, int samples, double levelDbfs) {
        Random random = new Random(seed);
        float[] out = new float[samples];
        float[] fricatives = new float[samples];
        Resonator hiss = new Resonator(2500);
        hiss.tune(4500 + 1500 * random.nextDouble());
        double basePitch = 95 + random.nextDouble() * 120;
        Resonator[] formants = {new Resonator(80), new Resonator(100), new Resonator(150)};
        double[] current = VOWELS[random.nextInt(VOWELS.length)].clone();
        double phase = 0;
        double previousFlow = 0;
        int n = 0;
        int wordsLeftInPhrase = 3 + random.nextInt(3);
        double declination = 1.15;
        n += (int) (RATE * (0.1 + 0.2 * random.nextDouble())); // speech starts after a short silence
        while (n < samples) {
            int syllables = 1 + random.nextInt(3);
            for (int s = 0; s < syllables && n < samples; s++) {
                int length = (int) (RATE * (0.12 + 0.16 * random.nextDouble()));
                double[] target = VOWELS[random.nextInt(VOWELS.length)];
                double pitchStart = basePitch * declination * (0.9 + 0.2 * random.nextDouble());
                double pitchEnd = pitchStart * (0.85 + 0.3 * random.nextDouble());
                int fricative = random.nextDouble() < 0.3 ? (int) (RATE * (0.03 + 0.05 * random.nextDouble())) : 0;
                for (int i = 0; i < length + fricative && n < samples; i++, n++) {
                    if (i < fricative) {
                        double env = Math.sin(Math.PI * i / fricative);
                        fricatives[n] = (float) hiss.filter(env * random.nextGaussian());
                        continue;
                    }
                    int v = i - fricative;
                    double t = (double) v / length;
                    for (int f = 0; f < 3; f++) {
                        current[f] += (target[f] - current[f]) * 0.0015; // ~14 ms glide between vowels
                        formants[f].tune(current[f]);
                    }
                    double pitch = pitchStart + (pitchEnd - pitchStart) * t;
                    phase += pitch / RATE;
                    phase -= Math.floor(phase);
                    double flow = glottalFlow(phase);
                    // the flow's derivative per period (lip radiation), a little breath noise, a little jitter
                    double excitation = (flow - previousFlow) * RATE / pitch + 0.05 * random.nextGaussian();
                    previousFlow = flow;
                    double env = Math.min(1, Math.min(v / (0.02 * RATE), (length - v) / (0.04 * RATE)));
                    double y = excitation * env;
                    for (Resonator r : formants) {
                        y = r.filter(y);
                    }
                    out[n] = (float) y;
                }
                declination *= 0.97;
            }
            n += (int) (RATE * (0.06 + 0.14 * random.nextDouble())); // between words
            if (--wordsLeftInPhrase == 0) {
                n += (int) (RATE * (0.25 + 0.45 * random.nextDouble())); // between phrases
                wordsLeftInPhrase = 3 + random.nextInt(3);
                declination = 1.15;
            }
        }
        normalise(out, levelDbfs);
        normalise(fricatives, levelDbfs - 12); // fricatives are weaker than vowels
        for (int i = 0; i < samples; i++) {
            out[i] += fricatives[i];
        }
        return out;
    }

    /** Rosenberg's glottal flow pulse over one period (phase 0..1): open 40 %, closing 16 %, closed. */
    private static double glottalFlow(double phase) {
        if (phase < 0.4) {
            return 0.5 * (1 - Math.cos(Math.PI * phase / 0.4));
        }
        if (phase < 0.56) {
            return Math.cos(Math.PI * (phase - 0.4) / 0.32);
        }
        return 0;
    }

    /** Scales so that samples louder than -30 dB of the peak frame have an RMS of {@code levelDbfs}. */
    static void normalise(float[] signal, double levelDbfs) {
        double sum = 0;
        long count = 0;
        int frame = AudioProcessing.FRAME_SAMPLES;
        double[] energies = new double[signal.length / frame];
        double max = 0;
        for (int f = 0; f < energies.length; f++) {
            for (int i = 0; i < frame; i++) {
                energies[f] += signal[f * frame + i] * signal[f * frame + i];
            }
            max = Math.max(max, energies[f]);
        }
        for (double e : energies) {
            if (e > max * 1e-3) {
                sum += e;
                count += frame;
            }
        }
        double scale = Math.pow(10, levelDbfs / 20) / Math.sqrt(sum / count);
        for (int i = 0; i < signal.length; i++) {
            signal[i] *= scale;
        }
    }

    /** A two-pole resonator with unit gain at its centre frequency. */
    private static final class Resonator {
        private final double bandwidth;
        private double a1;
        private double a2;
        private double gain;
        private double y1;
        private double y2;
        private double tuned = -1;

        Resonator(double bandwidth) {
            this.bandwidth = bandwidth;
        }

        void tune(double frequency) {
            if (Math.abs(frequency - tuned) < 1) {
                return;
            }
            tuned = frequency;
            double r = Math.exp(-Math.PI * bandwidth / RATE);
            double w = 2 * Math.PI * frequency / RATE;
            a1 = -2 * r * Math.cos(w);
            a2 = r * r;
            gain = (1 - r) * Math.sqrt(1 - 2 * r * Math.cos(2 * w) + r * r);
        }

        double filter(double x) {
            double y = gain * x - a1 * y1 - a2 * y2;
            y2 = y1;
            y1 = y;
            return y;
        }
    }
}
