package dev.parley.media;

/**
 * The delay between playout and capture that the device buffers add, as measured on a
 * microphone's last frame: what the reference speaker's line held ahead of the frame it wrote
 * last ({@code renderMillis}) plus how long the captured frame waited in the microphone's line
 * ({@code captureMillis}). The room, the sound server and the driver's own latency come on top:
 * the echo canceller's delay estimate is seeded with this, not replaced by it.
 *
 * @param renderMillis the speaker side, in milliseconds
 * @param captureMillis the microphone side, in milliseconds
 */
public record EchoPathDelay(double renderMillis, double captureMillis) {
    /** Both sides: the least delay between a sample written to the speaker and its echo read back. */
    public double totalMillis() {
        return renderMillis + captureMillis;
    }
}
