package dev.parley.media.processing;

import static dev.parley.media.processing.ProcessingRun.FRAME;
import static dev.parley.media.processing.ProcessingRun.RATE;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue #10's noise numbers: speech in stationary noise (white, or pink-ish: a one-pole lowpass of
 * white); once the noise estimate has settled (from 2 s), the noise in the speech pauses comes out
 * at least 10 dB lower, and the speech frames keep their level within 3 dB.
 */
class NoiseSuppressionTest {
    private static final AudioProcessingConfig NOISE_ONLY = new AudioProcessingConfig(false, true, false);

    @ParameterizedTest(name = "seed {0}: speech at {1} dBFS, {2} noise at {3} dBFS")
    @CsvSource({"21, -26, white, -46", "22, -24, pink, -38", "23, -30, white, -45", "24, -22, pink, -50"})
    void stationaryNoiseIsReducedAndSpeechKept(long seed, double speechDbfs, String colour, double noiseDbfs) {
        int samples = 8 * RATE;
        float[] speech = SyntheticSpeech.generate(seed, samples, speechDbfs);
        float[] noise = noise(seed + 1, samples, colour, noiseDbfs);
        ProcessingRun run = ProcessingRun.of(new AudioProcessing(NOISE_ONLY), null, ProcessingRun.sum(speech, noise));

        double loudest = 0;
        for (int f = 0; f < samples / FRAME; f++) {
            loudest = Math.max(loudest, frameEnergy(speech, f));
        }
        double pauseNoiseIn = 0;
        double pauseOut = 0;
        double speechIn = 0;
        double speechOut = 0;
        int pauses = 0;
        for (int f = 2 * RATE / FRAME; f < samples / FRAME - 1; f++) {
            boolean silent = frameEnergy(speech, f - 1) + frameEnergy(speech, f) + frameEnergy(speech, f + 1) == 0;
            if (silent) {
                pauseNoiseIn += frameEnergy(noise, f);
                pauseOut += frameEnergy(run.output, f);
                pauses++;
            } else if (frameEnergy(speech, f) > loudest * 0.01) {
                speechIn += frameEnergy(speech, f);
                speechOut += frameEnergy(run.output, f);
            }
        }
        double reduction = ProcessingRun.db(pauseNoiseIn / pauseOut);
        double speechChange = ProcessingRun.db(speechOut / speechIn);
        System.out.printf("seed %d (%s noise): noise reduced %.1f dB in %d pause frames, speech level %+.1f dB%n",
                seed, colour, reduction, pauses, speechChange);
        assertTrue(pauses > 30, "too few pause frames to judge: " + pauses);
        assertTrue(reduction >= 10, "noise reduced by only " + reduction + " dB");
        assertTrue(Math.abs(speechChange) <= 3, "speech level changed by " + speechChange + " dB");
    }

    /**
     * Musical noise is what plain spectral subtraction leaves in the pauses: isolated bins where
     * the gain jumps up for a frame, heard as chirps. Here the share of bin-frames in the pauses
     * standing 10 dB over that bin's mean is counted, against the same count on the input noise
     * (for Gaussian noise it is e^-10, about 5e-5).
     */
    @ParameterizedTest(name = "seed {0}: {1} noise")
    @CsvSource({"25, white", "26, pink"})
    void whatIsLeftOfTheNoiseHasNoMusicalNoise(long seed, String colour) {
        int samples = 8 * RATE;
        float[] speech = SyntheticSpeech.generate(seed, samples, -26);
        float[] noise = noise(seed + 1, samples, colour, -45);
        ProcessingRun run = ProcessingRun.of(new AudioProcessing(NOISE_ONLY), null, ProcessingRun.sum(speech, noise));
        double inputOutliers = outliersInPauses(noise, speech);
        double outputOutliers = outliersInPauses(run.output, speech);
        System.out.printf("seed %d (%s): bins 10 dB over their mean in pauses: input %.1e, output %.1e%n", seed,
                colour, inputOutliers, outputOutliers);
        assertTrue(outputOutliers <= 1e-3, "musical noise: " + outputOutliers + " of bin-frames are outliers");
    }

    /** The share of (pause frame, bin) pairs of {@code signal} with power over 10 times the bin's mean over pauses. */
    private static double outliersInPauses(float[] signal, float[] speech) {
        RealFft fft = new RealFft(512);
        float[] time = new float[512];
        float[] re = new float[fft.bins()];
        float[] im = new float[fft.bins()];
        java.util.List<float[]> spectra = new java.util.ArrayList<>();
        for (int f = 2 * RATE / FRAME; f < signal.length / FRAME - 1; f++) {
            if (frameEnergy(speech, f - 1) + frameEnergy(speech, f) + frameEnergy(speech, f + 1) > 0) {
                continue;
            }
            for (int i = 0; i < 480; i++) {
                time[i] = signal[f * FRAME + i] * (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 0.5) / 480));
            }
            fft.forward(time, re, im);
            float[] power = new float[fft.bins()];
            for (int k = 0; k < power.length; k++) {
                power[k] = re[k] * re[k] + im[k] * im[k];
            }
            spectra.add(power);
        }
        double[] mean = new double[fft.bins()];
        for (float[] p : spectra) {
            for (int k = 0; k < mean.length; k++) {
                mean[k] += p[k] / spectra.size();
            }
        }
        long outliers = 0;
        long total = 0;
        for (float[] p : spectra) {
            for (int k = 2; k < mean.length - 2; k++) {
                total++;
                outliers += p[k] > 10 * mean[k] ? 1 : 0;
            }
        }
        return (double) outliers / total;
    }

    static float[] noise(long seed, int samples, String colour, double levelDbfs) {
        float[] white = ProcessingRun.whiteNoise(seed, samples, 0);
        if (colour.equals("pink")) {
            float y = 0;
            for (int i = 0; i < samples; i++) {
                y = 0.97f * y + 0.03f * white[i];
                white[i] = y;
            }
        }
        double sum = 0;
        for (float v : white) {
            sum += v * v;
        }
        float scale = (float) (Math.pow(10, levelDbfs / 20) / Math.sqrt(sum / samples));
        for (int i = 0; i < samples; i++) {
            white[i] *= scale;
        }
        return white;
    }

    static double frameEnergy(float[] signal, int frame) {
        double e = 0;
        for (int i = frame * FRAME; i < (frame + 1) * FRAME; i++) {
            e += (double) signal[i] * signal[i];
        }
        return e;
    }
}
