package dev.parley.media.processing;

import static dev.parley.media.processing.NoiseSuppressionTest.frameEnergy;
import static dev.parley.media.processing.ProcessingRun.FRAME;
import static dev.parley.media.processing.ProcessingRun.RATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CaptureResult.voiceActive: true on speech, false on stationary noise and silence, and mostly
 * false on the far end's echo once it is cancelled (its double-talk counterpart is in DoubleTalkTest).
 */
class VoiceActivityTest {
    @ParameterizedTest(name = "seed {0}: speech at {1} dBFS in {2} noise at {3} dBFS")
    @CsvSource({"31, -26, white, -50", "32, -30, pink, -45", "33, -20, white, -70"})
    void speechIsActiveAndNoiseIsNot(long seed, double speechDbfs, String colour, double noiseDbfs) {
        int samples = 8 * RATE;
        float[] speech = SyntheticSpeech.generate(seed, samples, speechDbfs);
        float[] noise = NoiseSuppressionTest.noise(seed + 1, samples, colour, noiseDbfs);
        ProcessingRun run = ProcessingRun.of(new AudioProcessing(AudioProcessingConfig.DEFAULT), null,
                ProcessingRun.sum(speech, noise));

        double loudest = 0;
        for (int f = 0; f < samples / FRAME; f++) {
            loudest = Math.max(loudest, frameEnergy(speech, f));
        }
        int speechFrames = 0;
        int speechActive = 0;
        int pauseFrames = 0;
        int pauseActive = 0;
        int hangover = 25; // the detector's 150 ms hangover, and the 4 ms the output lags
        for (int f = RATE / FRAME; f < samples / FRAME; f++) {
            if (frameEnergy(speech, f) > loudest * 0.03) {
                speechFrames++;
                speechActive += run.voice[f] ? 1 : 0;
            }
            boolean pause = true;
            for (int g = Math.max(0, f - hangover); g <= f; g++) {
                pause &= frameEnergy(speech, g) == 0;
            }
            if (pause) {
                pauseFrames++;
                pauseActive += run.voice[f] ? 1 : 0;
            }
        }
        double hit = (double) speechActive / speechFrames;
        double falseAlarm = (double) pauseActive / pauseFrames;
        System.out.printf("seed %d: voice on %.0f %% of %d speech frames, on %.0f %% of %d pause frames%n", seed,
                100 * hit, speechFrames, 100 * falseAlarm, pauseFrames);
        assertTrue(pauseFrames > 30, "too few pauses to judge: " + pauseFrames);
        assertTrue(hit >= 0.9, "speech detected in only " + hit + " of speech frames");
        assertTrue(falseAlarm <= 0.05, "voice reported in " + falseAlarm + " of pause frames");
    }

    @Test
    void silenceAndSteadyNoiseAreNotVoice() {
        AudioProcessing processing = new AudioProcessing(AudioProcessingConfig.DEFAULT);
        ProcessingRun silence = ProcessingRun.of(processing, null, new float[2 * RATE]);
        for (boolean v : silence.voice) {
            assertEquals(false, v, "voice reported in digital silence");
        }
        float[] noise = NoiseSuppressionTest.noise(7, 4 * RATE, "pink", -35);
        ProcessingRun noisy = ProcessingRun.of(new AudioProcessing(AudioProcessingConfig.DEFAULT), null, noise);
        int active = 0;
        for (int f = RATE / FRAME; f < noisy.voice.length; f++) {
            active += noisy.voice[f] ? 1 : 0;
        }
        assertTrue(active <= 3, "voice reported in " + active + " frames of steady noise after 1 s");
    }

    @Test
    void cancelledEchoIsNotVoice() {
        int samples = 6 * RATE;
        float[] far = SyntheticSpeech.generate(34, samples, -20);
        float[] echo = SimulatedRoom.echo(far, SimulatedRoom.impulseResponse(134, 120, 3), 2400, samples, 2400);
        float[] noise = ProcessingRun.whiteNoise(35, samples, -65);
        ProcessingRun run = ProcessingRun.of(new AudioProcessing(AudioProcessingConfig.DEFAULT), far,
                ProcessingRun.sum(echo, noise));
        int active = 0;
        int frames = 0;
        for (int f = 2 * RATE / FRAME; f < samples / FRAME; f++) {
            frames++;
            active += run.voice[f] ? 1 : 0;
        }
        System.out.printf("voice on %d of %d frames of cancelled echo%n", active, frames);
        assertTrue(active <= frames / 10, "voice reported in " + active + " of " + frames + " echo-only frames");
    }
}
