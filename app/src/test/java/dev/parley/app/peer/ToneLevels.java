package dev.parley.app.peer;

import dev.parley.rtc.AudioFrame;

/**
 * How strong given frequencies are in received audio: the Goertzel algorithm at one frequency
 * over everything added (mono, channels averaged), as a peak amplitude relative to full scale.
 * A small cousin of core-rtc's test {@code ToneDetector}, which app's default build cannot reach
 * (its test-jar exists only once core-rtc is packaged, and `compile exec:java` must not need it).
 */
final class ToneLevels {
    private final int sampleRate;
    private final double[] samples;
    private int count;

    ToneLevels(int sampleRate, int capacity) {
        this.sampleRate = sampleRate;
        this.samples = new double[capacity];
    }

    /** Adds a frame's samples until the capacity is reached. */
    void add(AudioFrame frame) {
        for (int i = 0; i < frame.samplesPerChannel() && count < samples.length; i++) {
            double sum = 0;
            for (int c = 0; c < frame.channels(); c++) {
                sum += frame.sample(i, c);
            }
            samples[count++] = sum / frame.channels() / 32767.0;
        }
    }

    /** The peak amplitude at {@code hz} (a full-scale sine there gives about 1). */
    double amplitudeAt(double hz) {
        double coefficient = 2 * Math.cos(2 * Math.PI * hz / sampleRate);
        double s1 = 0;
        double s2 = 0;
        for (int i = 0; i < count; i++) {
            double s0 = samples[i] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double magnitude = Math.sqrt(Math.max(0, s1 * s1 + s2 * s2 - coefficient * s1 * s2));
        return count == 0 ? 0 : 2 * magnitude / count;
    }
}
