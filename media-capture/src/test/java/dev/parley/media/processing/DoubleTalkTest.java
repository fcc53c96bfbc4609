package dev.parley.media.processing;

import static dev.parley.media.processing.ProcessingRun.FRAME;
import static dev.parley.media.processing.ProcessingRun.RATE;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue #10's double talk: once the echo canceller has converged on far-end speech alone, a
 * near-end talker joins; the near-end speech must come out at its own level within 6 dB (the
 * residual echo suppressor and a diverging filter are what could eat it), and be reported as voice.
 */
class DoubleTalkTest {
    private static final AudioProcessingConfig ECHO_ONLY = new AudioProcessingConfig(true, false, false);

    @ParameterizedTest(name = "seed {0}: {1} ms room, ERL {2} dB, {3} ms delay, near end at {4} dBFS")
    @CsvSource({"11, 150, 3, 80, -24", "12, 250, 0, 150, -26", "13, 100, 6, 40, -22", "14, 200, 0, 190, -28",
            "15, 60, 3, 15, -20"})
    void nearEndSpeechKeepsItsLevelInDoubleTalk(long seed, int roomMillis, double lossDb, int delayMillis,
            double nearDbfs) {
        int samples = 9 * RATE;
        int nearStart = 4 * RATE;
        float[] far = SyntheticSpeech.generate(seed, samples, -20);
        float[] h = SimulatedRoom.impulseResponse(seed + 100, roomMillis, lossDb);
        int delay = delayMillis * RATE / 1000;
        float[] echo = SimulatedRoom.echo(far, h, delay, samples, delay);
        float[] near = SyntheticSpeech.generate(seed + 50, samples, nearDbfs);
        java.util.Arrays.fill(near, 0, nearStart, 0);
        float[] noise = ProcessingRun.whiteNoise(seed + 200, samples, -65);
        ProcessingRun run = ProcessingRun.of(new AudioProcessing(ECHO_ONLY), far, ProcessingRun.sum(echo, near, noise));

        // frames from 4.5 s on where the near end speaks (within 20 dB of its loudest frames)
        double nearEnergy = 0;
        double outEnergy = 0;
        double echoEnergy = 0;
        double loudest = 0;
        for (int f = nearStart / FRAME; f < samples / FRAME; f++) {
            loudest = Math.max(loudest, frameEnergy(near, f));
        }
        int frames = 0;
        int voiced = 0;
        for (int f = (int) (4.5 * RATE) / FRAME; f < samples / FRAME; f++) {
            if (frameEnergy(near, f) > loudest * 0.01) {
                voiced += run.voice[f] ? 1 : 0;
                nearEnergy += frameEnergy(near, f);
                outEnergy += frameEnergy(run.output, f);
                echoEnergy += frameEnergy(echo, f);
                frames++;
            }
        }
        double change = ProcessingRun.db(outEnergy / nearEnergy);
        System.out.printf("seed %d: near-end level changed %.1f dB in double talk (%d frames, echo %.1f dB re near),"
                + " voice on %d %% of them%n", seed, change, frames, ProcessingRun.db(echoEnergy / nearEnergy),
                100 * voiced / frames);
        assertTrue(frames > 100, "too little double talk to judge: " + frames + " frames");
        assertTrue(Math.abs(change) <= 6, "near-end level in double talk changed by " + change + " dB");
        assertTrue(voiced >= 0.75 * frames, "voice reported on only " + voiced + " of " + frames + " double-talk frames");
    }

    private static double frameEnergy(float[] signal, int frame) {
        double e = 0;
        for (int i = frame * FRAME; i < (frame + 1) * FRAME; i++) {
            e += (double) signal[i] * signal[i];
        }
        return e;
    }
}
