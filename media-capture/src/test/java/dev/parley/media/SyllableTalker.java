package dev.parley.media;

import dev.parley.rtc.AudioFrame;
import java.util.Random;
import java.util.function.LongFunction;

/**
 * A speech-like test signal, 10 ms mono frames at 48 kHz: syllables of 120–280 ms (a voiced
 * harmonic sound whose pitch glides, with a raised-sine envelope, now and then a noisy fricative
 * instead) separated by pauses of 40–300 ms. Not speech, but what an echo canceller and a voice
 * detector meet in speech: a wide, changing spectrum, gaps, and a level that comes and goes.
 * Seeded: the same talker says the same every time.
 *
 * <p>(The DSP branch has a speech-like generator of its own in the processing tests; this one
 * serves the device tests until the two are merged.)
 */
final class SyllableTalker implements LongFunction<AudioFrame> {
    private static final int RATE = 48_000;
    private static final int FRAME = RATE / 100;
    private static final int HARMONICS_UP_TO_HZ = 4000;

    private final Random random;
    private final double lowPitchHz;
    private final double peak;
    private final short[] frame = new short[FRAME];
    private int left; // samples left in the current syllable or pause
    private int length;
    private boolean voiced;
    private boolean pause = true;
    private double pitchFrom;
    private double pitchTo;
    private double phase;
    private double lowpassed;

    /**
     * @param seed which talker
     * @param lowPitchHz the lowest pitch of the voice (100 for a low voice, 200 for a high one)
     * @param peak the loudest sample, as a fraction of full scale
     */
    SyllableTalker(long seed, double lowPitchHz, double peak) {
        this.random = new Random(seed);
        this.lowPitchHz = lowPitchHz;
        this.peak = peak;
    }

    @Override
    public AudioFrame apply(long captureTimeNanos) {
        for (int i = 0; i < FRAME; i++) {
            if (left == 0) {
                next();
            }
            frame[i] = (short) Math.round(sample() * peak * Short.MAX_VALUE);
            left--;
        }
        return new AudioFrame(frame, RATE, 1, captureTimeNanos);
    }

    private void next() {
        pause = !pause;
        length = (int) (RATE * (pause ? 0.04 + 0.26 * random.nextDouble() : 0.12 + 0.16 * random.nextDouble()));
        left = length;
        voiced = random.nextDouble() < 0.8;
        pitchFrom = lowPitchHz * (1 + 0.6 * random.nextDouble());
        pitchTo = lowPitchHz * (1 + 0.6 * random.nextDouble());
    }

    /** One sample in -1..1. */
    private double sample() {
        if (pause) {
            return 0;
        }
        double progress = 1 - left / (double) length;
        double envelope = Math.sin(Math.PI * progress);
        if (!voiced) { // a fricative: high-passed noise
            double noise = random.nextGaussian() * 0.3;
            lowpassed += 0.2 * (noise - lowpassed);
            return Math.max(-1, Math.min(1, envelope * (noise - lowpassed)));
        }
        double pitch = pitchFrom + (pitchTo - pitchFrom) * progress;
        phase += 2 * Math.PI * pitch / RATE;
        if (phase > 2 * Math.PI * 1000) {
            phase -= 2 * Math.PI * 1000;
        }
        double value = 0;
        int harmonics = (int) (HARMONICS_UP_TO_HZ / pitch);
        for (int k = 1; k <= harmonics; k++) {
            value += Math.sin(k * phase) / k;
        }
        return envelope * value / 2.5;
    }
}
