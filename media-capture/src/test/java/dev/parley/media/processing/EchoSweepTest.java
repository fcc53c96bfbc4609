package dev.parley.media.processing;

import static dev.parley.media.processing.ProcessingRun.FRAME;
import static dev.parley.media.processing.ProcessingRun.RATE;
import static dev.parley.media.processing.ProcessingRun.db;
import static dev.parley.media.processing.ProcessingRun.energy;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The echo numbers over 40 random rooms (50–250 ms, echo return loss 0–10 dB, delays 10–200 ms
 * before and after a change): single-talk ERLE and double talk as in EchoCancellationTest and
 * DoubleTalkTest. Too slow for every build (~10 s): run it with
 * {@code ./mvnw -pl media-capture test -Dtest=EchoSweepTest -DargLine=-Dparley.sweep=true}.
 */
@EnabledIfSystemProperty(named = "parley.sweep", matches = "true")
class EchoSweepTest {
    private static final AudioProcessingConfig ECHO_ONLY = new AudioProcessingConfig(true, false, false);

    static IntStream rooms() {
        return IntStream.range(0, 40);
    }

    @ParameterizedTest(name = "random room {0}")
    @MethodSource("rooms")
    void echoIsCancelledAndNearEndKept(int index) {
        Random random = new Random(1000 + index);
        int roomMillis = 50 + random.nextInt(201);
        double lossDb = random.nextInt(11);
        int before = (10 + random.nextInt(191)) * RATE / 1000;
        int after = (10 + random.nextInt(191)) * RATE / 1000;
        long seed = 500 + index;
        int samples = 9 * RATE;
        float[] far = SyntheticSpeech.generate(seed, samples, -20);
        float[] h = SimulatedRoom.impulseResponse(seed + 100, roomMillis, lossDb);
        float[] noise = ProcessingRun.whiteNoise(seed + 200, samples, -70);

        float[] echo = SimulatedRoom.echo(far, h, before, 5 * RATE, after);
        ProcessingRun run = ProcessingRun.of(new AudioProcessing(ECHO_ONLY), far, ProcessingRun.sum(echo, noise));
        double erleBefore = db(energy(echo, 2, 5) / energy(run.output, 2, 5));
        double erleAfter = db(energy(echo, 7, 9) / energy(run.output, 7, 9));

        float[] near = SyntheticSpeech.generate(seed + 50, samples, -20 - lossDb - random.nextInt(8));
        Arrays.fill(near, 0, 4 * RATE, 0);
        float[] steadyEcho = SimulatedRoom.echo(far, h, before, samples, before);
        ProcessingRun doubleTalk = ProcessingRun.of(new AudioProcessing(ECHO_ONLY), far,
                ProcessingRun.sum(steadyEcho, near, noise));
        double loudest = 0;
        for (int f = 4 * RATE / FRAME; f < samples / FRAME; f++) {
            loudest = Math.max(loudest, NoiseSuppressionTest.frameEnergy(near, f));
        }
        double nearEnergy = 0;
        double outEnergy = 0;
        for (int f = (int) (4.5 * RATE) / FRAME; f < samples / FRAME; f++) {
            if (NoiseSuppressionTest.frameEnergy(near, f) > loudest * 0.01) {
                nearEnergy += NoiseSuppressionTest.frameEnergy(near, f);
                outEnergy += NoiseSuppressionTest.frameEnergy(doubleTalk.output, f);
            }
        }
        double change = db(outEnergy / nearEnergy);
        System.out.printf("room %d ms, ERL %.0f dB, delay %d -> %d ms: ERLE %.1f / %.1f dB, double talk %.1f dB%n",
                roomMillis, lossDb, before * 1000 / RATE, after * 1000 / RATE, erleBefore, erleAfter, change);
        assertTrue(erleBefore >= 25 && erleAfter >= 25, "ERLE " + erleBefore + " / " + erleAfter + " dB");
        assertTrue(Math.abs(change) <= 6, "near-end level changed " + change + " dB");
    }
}
