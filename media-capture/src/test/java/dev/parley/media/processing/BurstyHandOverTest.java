package dev.parley.media.processing;

import static dev.parley.media.processing.ProcessingRun.FRAME;
import static dev.parley.media.processing.ProcessingRun.RATE;
import static dev.parley.media.processing.ProcessingRun.db;
import static dev.parley.media.processing.ProcessingRun.energy;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The echo canceller fed as PulseAudio feeds it (measured in {@code PulseAudioEchoTest}): the
 * speaker hands its frames over four at a time, every 40 ms, about 40 ms before they play, now and
 * then a burst 10–30 ms late; the microphone's frames also come four at a time, 40 ms apart, at a
 * phase of their own; the speaker starts a second after the microphone; the echo is the far
 * signal itself, delayed (a null sink's monitor). Speaker and microphone share one clock, so the
 * echo's delay never really changes: only the hand-over is uneven. ERLE over the last 5 s of 8.
 */
class BurstyHandOverTest {
    private static final AudioProcessingConfig ECHO_ONLY = new AudioProcessingConfig(true, false, false);
    private static final int BURST = 4;

    @ParameterizedTest(name = "seed {0}: echo {1} ms after playout, microphone bursts {2} samples after the speaker's")
    @CsvSource({"11, 5, 0", "12, 10, 480", "13, 15, 960", "14, 20, 1440", "15, 5, 1900", "16, 30, 240"})
    void unevenHandOverDoesNotMoveTheEcho(long seed, int echoMillis, int capturePhase) {
        int samples = 8 * RATE;
        int farStart = RATE; // the speaker opens a second after the microphone
        float[] speech = SyntheticSpeech.generate(seed, samples - farStart, -20);
        float[] far = new float[samples];
        System.arraycopy(speech, 0, far, farStart, speech.length);
        int delay = echoMillis * RATE / 1000;
        float[] echo = new float[samples];
        for (int n = delay; n < samples; n++) {
            echo[n] = far[n - delay];
        }
        float[] mic = ProcessingRun.sum(echo, ProcessingRun.whiteNoise(seed + 200, samples, -70));

        AudioProcessing processing = new AudioProcessing(ECHO_ONLY);
        Random random = new Random(seed);
        int frames = samples / FRAME;
        float[] output = new float[samples];
        short[] frame = new short[FRAME];
        int rendered = farStart / FRAME;
        int captured = 0;
        long renderDue = renderTime(rendered, random);
        while (captured < frames) {
            long captureDue = (long) (captured / BURST + 1) * BURST * FRAME + capturePhase; // a burst's last frame is in
            if (rendered < frames && renderDue <= captureDue) {
                for (int i = 0; i < BURST && rendered < frames; i++, rendered++) {
                    ProcessingRun.toShorts(far, rendered * FRAME, frame);
                    processing.analyzeRender(frame, 0);
                }
                renderDue = renderTime(rendered, random);
                continue;
            }
            for (int i = 0; i < BURST && captured < frames; i++, captured++) {
                ProcessingRun.toShorts(mic, captured * FRAME, frame);
                processing.processCapture(frame, 0);
                for (int s = 0; s < FRAME; s++) {
                    output[captured * FRAME + s] = frame[s] / 32768f;
                }
            }
        }
        int latency = (int) Math.round(processing.addedLatencyMillis() * RATE / 1000);
        float[] aligned = new float[samples];
        System.arraycopy(output, latency, aligned, 0, samples - latency);

        double erle = db(energy(echo, 3, 8) / energy(aligned, 3, 8));
        System.out.printf("seed %d, echo %d ms, phase %d: ERLE %.1f dB; %s%n", seed, echoMillis, capturePhase, erle,
                processing.stats());
        assertTrue(erle >= 25, "ERLE " + erle + " dB; " + processing.stats());
    }

    /** When the burst starting at far frame {@code first} is handed over: 40 ms before it plays, one in ten late. */
    private static long renderTime(int first, Random random) {
        long late = random.nextInt(10) == 0 ? (1 + random.nextInt(3)) * FRAME : 0;
        return (long) first * FRAME - BURST * FRAME + late;
    }
}
