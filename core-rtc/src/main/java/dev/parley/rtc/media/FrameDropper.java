package dev.parley.rtc.media;

/**
 * Keeps an encoder's output within the congestion controller's target when the encoder itself
 * does not: a leaky bucket that fills with every encoded frame's bytes and drains at the target
 * rate. While it holds more than {@link #MAX_DEBT_MILLIS} of the target, the next picture is not
 * encoded at all (the encoder never sees it, so no reference breaks) — fewer frames for a while
 * instead of a queue at the bottleneck that turns into loss.
 *
 * <p>It matters most after a key frame (several times a delta frame's size) and in the seconds an
 * encoder runs at a stale bitrate: FFmpeg's encoders only take a new bitrate by reopening, so
 * {@code VideoSendPipeline} reopens them sparingly. Single-threaded: the source thread.
 */
public final class FrameDropper {
    /** How far output may run ahead of the target before pictures are dropped: a key frame's worth, roughly. */
    static final long MAX_DEBT_MILLIS = 400;

    private long targetBps;
    private double bucketBits;
    private long lastLeakNanos = Long.MIN_VALUE;
    private long dropped;

    public FrameDropper(long targetBps) {
        setTarget(targetBps);
    }

    public void setTarget(long bitsPerSecond) {
        if (bitsPerSecond < 1) {
            throw new IllegalArgumentException("target must be positive, got " + bitsPerSecond);
        }
        this.targetBps = bitsPerSecond;
    }

    /** Whether to skip the picture captured now; a skipped picture is counted. */
    public boolean shouldDrop(long nowNanos) {
        leak(nowNanos);
        if (bucketBits > targetBps * MAX_DEBT_MILLIS / 1000.0) {
            dropped++;
            return true;
        }
        return false;
    }

    /** An encoded frame of {@code bytes} left the encoder. */
    public void onEncoded(int bytes, long nowNanos) {
        leak(nowNanos);
        bucketBits += bytes * 8.0;
    }

    /** Pictures skipped so far (W3C framesDropped counts these among others). */
    public long dropped() {
        return dropped;
    }

    private void leak(long nowNanos) {
        if (lastLeakNanos != Long.MIN_VALUE && nowNanos > lastLeakNanos) {
            bucketBits = Math.max(0, bucketBits - targetBps * ((nowNanos - lastLeakNanos) / 1e9));
        }
        lastLeakNanos = nowNanos;
    }
}
