package dev.parley.media.processing;

import static dev.parley.media.processing.NoiseSuppressionTest.frameEnergy;
import static dev.parley.media.processing.ProcessingRun.FRAME;
import static dev.parley.media.processing.ProcessingRun.RATE;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The gain control brings quiet and loud talkers to its target speech level (-20 dBFS) within a
 * few seconds, and its limiter keeps every sample below -1 dBFS, also while a loud talker's gain
 * is still coming down.
 */
class AutomaticGainControlTest {
    private static final AudioProcessingConfig GAIN_ONLY = new AudioProcessingConfig(false, false, true);
    private static final int LIMIT = (int) Math.ceil(AutomaticGainControl.LIMIT * 32768);

    @ParameterizedTest(name = "seed {0}: speech at {1} dBFS")
    @CsvSource({"41, -40", "42, -30", "43, -12", "44, -6"})
    void speechReachesTheTargetLevelWithoutClipping(long seed, double speechDbfs) {
        int samples = 10 * RATE;
        float[] speech = SyntheticSpeech.generate(seed, samples, speechDbfs);
        float[] noise = ProcessingRun.whiteNoise(seed + 1, samples, speechDbfs - 35);
        AudioProcessing processing = new AudioProcessing(GAIN_ONLY);
        ProcessingRun run = ProcessingRun.of(processing, null, ProcessingRun.sum(speech, noise));

        double loudest = 0;
        for (int f = 0; f < samples / FRAME; f++) {
            loudest = Math.max(loudest, frameEnergy(speech, f));
        }
        double out = 0;
        long count = 0;
        for (int f = 6 * RATE / FRAME; f < samples / FRAME; f++) {
            if (frameEnergy(speech, f) > loudest * 1e-3) {
                out += frameEnergy(run.output, f);
                count += FRAME;
            }
        }
        double level = 10 * Math.log10(out / count);
        int peak = 0;
        for (float v : run.output) {
            peak = Math.max(peak, Math.abs(Math.round(v * 32768)));
        }
        System.out.printf("seed %d: speech at %.0f dBFS comes out at %.1f dBFS from 6 s (gain %.1f dB), peak %d%n",
                seed, speechDbfs, level, processing.stats().agcGainDb(), peak);
        assertTrue(Math.abs(level - AutomaticGainControl.TARGET_DBFS) <= 3,
                "speech level " + level + " dBFS, target " + AutomaticGainControl.TARGET_DBFS);
        assertTrue(peak <= LIMIT, "a sample reached " + peak + ", over the limiter's " + LIMIT);
    }
}
