package dev.parley.media.processing;

/**
 * Removes DC and rumble below ~40 Hz (a one-pole, one-zero high-pass): a microphone's offset
 * would otherwise sit in the lowest bins as "noise" and in the echo canceller's error.
 */
final class DcBlocker {
    private static final float POLE = 0.995f;
    private float lastIn;
    private float lastOut;

    void process(float[] samples, int count) {
        for (int i = 0; i < count; i++) {
            float x = samples[i];
            float y = x - lastIn + POLE * lastOut;
            lastIn = x;
            lastOut = Float.isFinite(y) ? y : 0;
            samples[i] = lastOut;
        }
    }

    void reset() {
        lastIn = 0;
        lastOut = 0;
    }
}
